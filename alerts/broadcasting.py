"""Launching and ending an alert on every channel at once, in one transaction: the site's
banner, an urgent SMS campaign to the alert theme's subscribers (within the chosen
neighbourhoods; urgent, so it leaves at once, outside the sending window too) and one post
per enabled network. The SMS and the posts leave through their own tasks after commit: the
delivery rows and the post rows make each reach people exactly once."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.models import Alert
from core.sharing import SocialSummary
from newsletters.dispatch import schedule_sms
from newsletters.models import Campaign, Segment, SmsMessage, SmsSettings
from newsletters.models.audience import Channel
from social.models import SocialPost, SocialSettings
from social.publishing import create_posts, post_text

from .models import AlertSettings, Broadcast

DEFAULT_SENDER = "Mairie"
START, END = "start", "end"


def launch(broadcast: Broadcast, neighbourhoods, user=None) -> Broadcast:
    """Save this new alert and publish it on every channel it asks for."""
    now = timezone.now()
    with transaction.atomic():
        broadcast.started_at = now
        broadcast.created_by = user
        broadcast.save()
        broadcast.neighbourhoods.set(neighbourhoods)
        broadcast.banner = Alert.objects.create(
            title=broadcast.title,
            message=broadcast.message,
            level=Alert.Level.URGENT,
            link_page=broadcast.link_page,
            starts_at=now,
            locale=Locale.get_default(),
        )
        if broadcast.send_sms:
            broadcast.sms_campaign = urgent_sms(broadcast, sms_text(broadcast, START), user)
        broadcast.save(update_fields=["banner", "sms_campaign"])
        if broadcast.post_social:
            post_everywhere(broadcast, START, broadcast.message)
    return broadcast


def end(broadcast: Broadcast, end_message: str = "", user=None) -> Broadcast:
    """Take the banner down and, with an end message, say so on the same channels."""
    now = timezone.now()
    with transaction.atomic():
        locked = Broadcast.objects.select_for_update().get(pk=broadcast.pk)
        if locked.ended_at is not None:
            return locked
        locked.ended_at = now
        locked.end_message = end_message.strip()
        if locked.banner_id:
            Alert.objects.filter(pk=locked.banner_id).update(ends_at=now)
        if locked.end_message and locked.send_sms and locked.sms_campaign_id:
            # The same audience as the alert: its saved segment, not a second one.
            segment = locked.sms_campaign.segment
            locked.end_sms_campaign = urgent_sms(locked, sms_text(locked, END), user, segment)
        locked.save(update_fields=["ended_at", "end_message", "end_sms_campaign"])
        if locked.end_message and locked.post_social:
            post_everywhere(locked, END, locked.end_message)
    return locked


def sms_text(broadcast: Broadcast, phase: str) -> str:
    if phase == END:
        return _("Fin d'alerte – %(title)s : %(message)s") % {
            "title": broadcast.title,
            "message": broadcast.end_message,
        }
    return f"{broadcast.title} : {broadcast.message}"


def alert_segment(broadcast: Broadcast) -> Segment | None:
    """The alert theme's SMS subscribers within the alert's neighbourhoods (a saved query,
    as every segment), or None when the town has not chosen its alert theme."""
    theme = AlertSettings.for_site(broadcast.site).sms_theme
    if theme is None:
        return None
    segment = Segment.objects.create(
        name=_("Alerte – %(title)s") % {"title": broadcast.title}, channel=Channel.SMS
    )
    segment.themes.set([theme])
    segment.neighbourhoods.set(broadcast.neighbourhoods.all())
    return segment


def urgent_sms(
    broadcast: Broadcast, text: str, user=None, segment: Segment | None = None
) -> Campaign | None:
    """An urgent SMS campaign of `text` to the alert's audience (`segment`, or a new one),
    starting now."""
    segment = segment or alert_segment(broadcast)
    if segment is None:
        return None
    sender = SmsSettings.for_site(broadcast.site).default_sender or DEFAULT_SENDER
    sms = SmsMessage.objects.create(
        title=broadcast.title,
        segment=segment,
        sender=sender,
        text=text,
        urgent=True,
        created_by=user,
    )
    return schedule_sms(sms, None, user)


def link_of(broadcast: Broadcast) -> str:
    """The page the alert points to, else the site's home page."""
    if broadcast.link_page is not None:
        return broadcast.link_page.full_url or ""
    return broadcast.site.root_url + "/"


def post_everywhere(broadcast: Broadcast, phase: str, message: str) -> list[SocialPost]:
    """One post per enabled network for this phase of the alert."""
    site_settings = SocialSettings.for_site(broadcast.site)
    title = (
        broadcast.title
        if phase == START
        else _("Fin d'alerte – %(title)s") % {"title": broadcast.title}
    )
    summary = SocialSummary(title=title, intro=message, url=link_of(broadcast), language="fr")
    rows = [
        SocialPost(
            site=broadcast.site,
            subject=broadcast.subject(phase),
            title=broadcast.title,
            network=network,
            text=post_text(network, summary),
            link=summary.url,
            stand_in="demo" if site_settings.demo_mode else "",
        )
        for network in site_settings.enabled_networks()
    ]
    return create_posts(rows)
