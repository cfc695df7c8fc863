"""Dispatch, as the editors' actions see it: schedule a campaign, send a test, pause, resume
and cancel; and the scheduler's watch over campaigns whose workers died."""

from __future__ import annotations

import logging
from datetime import datetime

from django.core.mail import make_msgid
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from connectors.sms import Result, Sms, get_backend

from . import mail, personalise, sending
from .models import Campaign, Delivery, NewsletterPage, Segment, SmsMessage
from .models.audience import Channel
from .sms_text import text_of
from .sms_window import window_for_site
from .tasks import dispatch as tasks

logger = logging.getLogger(__name__)
CANCELLABLE_ROWS = [Delivery.State.QUEUED, Delivery.State.DEFERRED, Delivery.State.CLAIMED]
RESENT_BY_OPERATOR = "issue inconnue : renvoyé à la demande de l'équipe"
CONFIRMED_BY_OPERATOR = "issue inconnue : envoi confirmé par l'équipe"


def schedule_campaign(
    page: NewsletterPage, segment: Segment, when: datetime | None, user=None
) -> Campaign:
    """A campaign of this letter to this segment, starting at `when` (now when None)."""
    when = when or timezone.now()
    campaign = Campaign.objects.create(
        page=page, segment=segment, channel=segment.channel, scheduled_at=when, created_by=user
    )
    transaction.on_commit(lambda: tasks.start_campaign.using(run_after=when).enqueue(campaign.pk))
    return campaign


def schedule_sms(sms: SmsMessage, when: datetime | None, user=None) -> Campaign:
    """A campaign of this SMS to its segment, starting at `when` (now when None); one that
    is not urgent waits for the town's sending window. An urgent alert is logged with who
    sent it."""
    when = when or timezone.now()
    campaign = Campaign.objects.create(
        sms=sms, segment=sms.segment, channel=Channel.SMS, scheduled_at=when, created_by=user
    )
    if sms.urgent:
        logger.warning(
            "Urgent SMS alert %s sent by user %s", campaign.pk, getattr(user, "pk", None)
        )
    transaction.on_commit(lambda: tasks.start_campaign.using(run_after=when).enqueue(campaign.pk))
    return campaign


def send_sms_test(sms: SmsMessage, numbers: list[str]) -> list[Result]:
    """Send the SMS as it stands, marked as a test, to a few numbers, at once (outside the
    window too: the editor is the recipient). One gateway answer per number."""
    text = f"[TEST] {text_of(sms, window_for_site())}"
    messages = [
        Sms(to=number, text=text, sender=sms.sender, reference=f"test-{sms.pk}-{index}")
        for index, number in enumerate(numbers)
    ]
    return [result for _message, result in get_backend().send(messages)]


def resend_unknown(campaign: Campaign) -> int:
    """The operator decided: the SMS whose outcome is unknown go again (the gateway's own
    records showed they did not leave). Returns how many."""
    with transaction.atomic():
        count = campaign.deliveries.filter(state=Delivery.State.UNKNOWN).update(
            state=Delivery.State.QUEUED, error=RESENT_BY_OPERATOR, claim_token="", lease_until=None
        )
        if count:
            Campaign.objects.filter(
                pk=campaign.pk, status__in=[Campaign.Status.SENT, Campaign.Status.SENDING]
            ).update(status=Campaign.Status.SENDING, finished_at=None, heartbeat_at=timezone.now())
            tasks.enqueue_senders(campaign.pk)
    return count


def confirm_unknown(campaign: Campaign) -> int:
    """The operator decided: the SMS whose outcome is unknown did leave (the gateway's own
    records say so). They count as sent. Returns how many."""
    return campaign.deliveries.filter(state=Delivery.State.UNKNOWN).update(
        state=Delivery.State.SENT, sent_at=timezone.now(), error=CONFIRMED_BY_OPERATOR
    )


def pause(campaign: Campaign) -> bool:
    """Stop sending after the batches in progress; True when the campaign was sending."""
    return bool(
        Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SENDING).update(
            status=Campaign.Status.PAUSED
        )
    )


def resume(campaign: Campaign) -> bool:
    """Send the rest of a paused campaign."""
    with transaction.atomic():
        resumed = Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.PAUSED).update(
            status=Campaign.Status.SENDING, heartbeat_at=timezone.now()
        )
        if resumed:
            tasks.enqueue_senders(campaign.pk)
    return bool(resumed)


def cancel(campaign: Campaign) -> bool:
    """Cancel a scheduled, sending or paused campaign: no further mail leaves. A mail being
    handed over at that instant still goes (its row is past the point of no return)."""
    with transaction.atomic():
        cancelled = Campaign.objects.filter(
            pk=campaign.pk,
            status__in=[Campaign.Status.SCHEDULED, Campaign.Status.SENDING, Campaign.Status.PAUSED],
        ).update(status=Campaign.Status.CANCELLED, finished_at=timezone.now())
        if cancelled:
            campaign.deliveries.filter(state__in=CANCELLABLE_ROWS).update(
                state=Delivery.State.CANCELLED
            )
    return bool(cancelled)


def send_test(page: NewsletterPage, addresses: list[str], language: str) -> None:
    """Send the letter as it stands to a few addresses, at once, marked as a test. Its
    links point to the preference centre and unsubscribe pages with tokens that match no
    contact, so following them changes nothing."""
    from .rendering import render_edition

    edition = render_edition(page, language)
    root_url = personalise.site_root_url()
    values = personalise.personal_values(
        root_url, delivery_id=0, contact_id=0, language=language, first_name=""
    )
    connection = mail.newsletter_connection()
    theme = page.theme
    messages = [
        mail.build_mail(
            subject=f"[TEST] {edition.subject}",
            html=edition.html,
            text=edition.text,
            to=address,
            values=values,
            message_id=make_msgid(domain=mail.sender_domain()),
            list_id=mail.list_id(theme.slug, theme.name) if theme else "",
            connection=connection,
        )
        for address in addresses
    ]
    connection.send_messages(messages)


def relaunch_stalled() -> list[int]:
    """Start new send tasks for campaigns whose workers stopped reporting while rows are
    waiting, and start campaigns whose start task was lost. Run by `run_scheduler`."""
    now = timezone.now()
    stale = now - sending.lease()
    waiting = Delivery.objects.filter(sending.claimable(now), campaign=OuterRef("pk"))
    stalled = Campaign.objects.filter(
        status=Campaign.Status.SENDING, heartbeat_at__lt=stale
    ).filter(Exists(waiting))
    relaunched = []
    for campaign_id in stalled.values_list("pk", flat=True):
        with transaction.atomic():
            won = Campaign.objects.filter(pk=campaign_id, heartbeat_at__lt=stale).update(
                heartbeat_at=now
            )
            if won:
                tasks.enqueue_senders(campaign_id)
                relaunched.append(campaign_id)
    overdue = Campaign.objects.filter(
        status=Campaign.Status.SCHEDULED, scheduled_at__lt=stale, started_at__isnull=True
    )
    for campaign_id in overdue.values_list("pk", flat=True):
        transaction.on_commit(lambda pk=campaign_id: tasks.start_campaign.enqueue(pk))
    if relaunched:
        logger.warning("Relaunched send tasks of stalled campaigns %s", relaunched)
    return relaunched
