"""The demo town on the social networks: every account in demonstration mode (posts are
recorded, nothing leaves), the latest news items as they were posted, and a past flood alert
with its banner taken down, its urgent SMS and its posts."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from wagtail.models import Site

from alerts.models import AlertSettings, Broadcast
from core.models import Alert, Theme
from core.sharing import SocialSummary
from news.models import NewsPage
from newsletters.models import Campaign
from social.models import Network, SocialPost, SocialSettings
from social.publishing import page_subject, post_text

ACCOUNTS = {
    "x_username": "villeneuvelys",
    "facebook_page_id": "100000000000001",
    "linkedin_organisation": "urn:li:organization:1000001",
    "mastodon_instance_url": "https://mastodon.example",
    "bluesky_handle": "villeneuve-sur-lys.example",
}
POSTED_NEWS = 4
ALERT_TITLE = "Alerte crue de la Lys"


def ensure_social(now: datetime) -> int:
    """The demo accounts, posts and past alert; returns how many posts were added."""
    site = Site.objects.get(is_default_site=True)
    with transaction.atomic():
        ensure_accounts(site)
        added = ensure_news_posts(site, now)
        added += ensure_past_alert(site, now)
    return added


def ensure_accounts(site: Site) -> None:
    social = SocialSettings.for_site(site)
    social.demo_mode = True
    for network in Network:
        setattr(social, f"{network.value}_enabled", True)
    for field, value in ACCOUNTS.items():
        setattr(social, field, value)
    social.save()
    alert_settings = AlertSettings.for_site(site)
    alert_settings.sms_theme = Theme.objects.filter(
        slug="securite", locale__language_code="fr"
    ).first()
    alert_settings.save()


def recorded_post(site: Site, **fields) -> SocialPost:
    """A post as the demo stand-in recorded it."""
    return SocialPost(site=site, status=SocialPost.Status.POSTED, stand_in="demo", **fields)


def ensure_news_posts(site: Site, now: datetime) -> int:
    """The latest news items, posted on every network when they were published."""
    rows = []
    latest = NewsPage.objects.live().filter(locale__language_code="fr").order_by("-date")
    for page in latest[:POSTED_NEWS]:
        if SocialPost.objects.filter(site=site, subject=page_subject(page)).exists():
            continue
        summary = page.get_social_summary()
        posted_at = min(now, page.first_published_at or now)
        rows += [
            recorded_post(
                site,
                subject=page_subject(page),
                page=page,
                title=page.title,
                network=network.value,
                text=post_text(network.value, summary),
                link=summary.url,
                image=summary.image,
                image_alt=summary.image_alt,
                created_at=posted_at,
                posted_at=posted_at + timedelta(seconds=4),
                remote_id=f"demo-{page.pk}-{network.value}",
            )
            for network in Network
        ]
    SocialPost.objects.bulk_create(rows)
    return len(rows)


def ensure_past_alert(site: Site, now: datetime) -> int:
    """The flood alert of the demo's urgent SMS, over, with its posts."""
    if Broadcast.objects.filter(title=ALERT_TITLE).exists():
        return 0
    campaign = Campaign.objects.filter(sms__title=ALERT_TITLE).first()
    started_at = campaign.started_at if campaign else now - timedelta(days=23)
    message = (
        "La Lys déborde cette nuit : quittez les berges, ne prenez pas le pont de la Gare. "
        "Gymnase Pasteur ouvert pour l'accueil."
    )
    banner = Alert.objects.create(
        title=ALERT_TITLE,
        message=message,
        level=Alert.Level.URGENT,
        starts_at=started_at,
        ends_at=started_at + timedelta(hours=9),
        locale=site.root_page.locale,
    )
    broadcast = Broadcast.objects.create(
        title=ALERT_TITLE,
        message=message,
        site=site,
        banner=banner,
        sms_campaign=campaign,
        started_at=started_at,
        ended_at=banner.ends_at,
        end_message="La Lys est redescendue : retour possible dans les maisons des berges.",
    )
    summary = SocialSummary(
        title=ALERT_TITLE, intro=message, url=site.root_url + "/", language="fr"
    )
    rows = [
        recorded_post(
            site,
            subject=broadcast.subject("start"),
            title=ALERT_TITLE,
            network=network.value,
            text=post_text(network.value, summary),
            link=summary.url,
            created_at=started_at,
            posted_at=started_at + timedelta(seconds=3),
            remote_id=f"demo-alert-{network.value}",
        )
        for network in Network
    ]
    SocialPost.objects.bulk_create(rows)
    return len(rows)
