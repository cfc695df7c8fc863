"""What to post, and when: a page's first publication creates one post row per enabled
network (frozen text, link, image), and a task per row posts it once the publication is
committed. Republishing or editing posts nothing more; the editor's "publier à nouveau"
starts a new round. Scheduled pages reach here when they go live (Wagtail sends
page_published then), not when they are scheduled."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Max
from wagtail.models import Locale, Page

from connectors.social import text as social_text
from core.sharing import SharedOnSocialNetworks, SocialSummary

from .models import SocialPost, SocialSettings

logger = logging.getLogger(__name__)


def page_subject(page: Page) -> str:
    return f"page-{page.pk}"


def network_choices(page: SharedOnSocialNetworks) -> dict[str, dict]:
    """The editor's choices per network from the page's "Diffusion" panel."""
    return (page.diffusion or {}).get("networks", {})


def networks_for(page: SharedOnSocialNetworks, site_settings: SocialSettings) -> list[str]:
    """The enabled networks the editor did not switch off for this page."""
    choices = network_choices(page)
    return [
        network
        for network in site_settings.enabled_networks()
        if not choices.get(network, {}).get("off")
    ]


def post_text(network: str, summary: SocialSummary, own_text: str = "") -> str:
    """The text posted on `network`: the editor's own (made to fit), else the summary."""
    if own_text.strip():
        return social_text.fit(network, own_text.strip())
    try:
        return social_text.summary(
            network,
            title=summary.title,
            intro=summary.intro,
            link=summary.url,
            hashtags=[tag for tag in map(social_text.hashtag, summary.themes) if tag],
        )
    except ValueError:  # a link longer than the network's whole limit: the title alone
        return social_text.fit(network, summary.title)


def is_first_publication(page: Page) -> bool:
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


def share_published_page(sender, instance: Page, **kwargs) -> None:
    """page_published receiver: the first publication of a page its editor wants shared,
    in the site's default language, is posted on every enabled network."""
    page = instance
    if not isinstance(page, SharedOnSocialNetworks) or not page.wants_sharing():
        return
    if not is_first_publication(page) or page.locale_id != Locale.get_default().pk:
        return
    try:
        share_page(page)
    except Exception:  # publishing the page must never fail because of its posts
        logger.exception("Page %s: its social posts could not be prepared", page.pk)


def share_page(page: SharedOnSocialNetworks, again: bool = False) -> list[SocialPost]:
    """Create this page's posts (a new round when `again`) and post them after commit.
    Nothing happens for a page already shared, unless `again`."""
    site = page.get_site()
    if site is None:
        return []
    site_settings = SocialSettings.for_site(site)
    networks = networks_for(page, site_settings)
    subject = page_subject(page)
    last_round = SocialPost.objects.filter(site=site, subject=subject).aggregate(last=Max("round"))[
        "last"
    ]
    if last_round and not again:
        return []
    summary = page.get_social_summary()
    choices = network_choices(page)
    rows = [
        SocialPost(
            site=site,
            subject=subject,
            page=page,
            title=page.title[:255],
            network=network,
            round=(last_round or 0) + 1,
            text=post_text(network, summary, choices.get(network, {}).get("text", "")),
            link=summary.url,
            language=summary.language,
            image=summary.image,
            image_alt=summary.image_alt[:1000],
            stand_in="demo" if site_settings.demo_mode else "",
        )
        for network in networks
    ]
    return create_posts(rows)


def create_posts(rows: Iterable[SocialPost]) -> list[SocialPost]:
    """Save new post rows and enqueue their tasks once the transaction commits. A row that
    already exists (two publications racing) is left to the task that owns it."""
    from .tasks import enqueue_post

    created = []
    for row in rows:
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            continue
        created.append(row)
        transaction.on_commit(lambda pk=row.pk: enqueue_post(pk))
    return created
