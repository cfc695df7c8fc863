"""The worker side of SMS campaigns: the same delivery rows, claims and leases as e-mail
(newsletters/sending.py), with the gateway's rules.

A batch of claimed rows is marked "handed over" in one statement just before it goes to the
gateway; each row is then marked with the gateway's answer as it comes. A row a dead worker
left handed over, or whose call timed out, may or may not have been sent: unlike a mail, an
SMS has no Message-ID by which a duplicate is recognised, and a duplicate costs money and
trust, so such a row is never resent blindly. It is marked "unknown", shown to the operator,
who resends it or confirms it (newsletters/dispatch.py).

A campaign that is not an urgent alert sends only inside the town's window
(newsletters/sms_window.py): a worker stops at the window's end and the campaign waits,
still "sending", for its next opening.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Case, Value, When
from django.utils import timezone

from connectors.sms import ACCEPTED, REJECTED, RETRY, Result, Sms, get_backend
from connectors.sms.encoding import analyse

from . import sending
from .models import Campaign, Delivery, SmsMessage
from .models.audience import Channel
from .sms_text import text_of
from .sms_window import is_open, next_opening, window_for_site

logger = logging.getLogger(__name__)
INTERRUPTED = "interrompu pendant la remise à la passerelle : à vérifier avant de renvoyer"
# Answers are written by groups (one commit each) so that recording keeps up with the
# gateway; a group is also written after this long, so a slow gateway loses no answer.
RECORD_EVERY = 50
RECORD_AFTER = 1.0


def start_campaign(campaign_id: int) -> int:
    """Start the campaign as e-mail ones start (newsletters/sending.py), unless it is due
    outside the town's window: its start then moves to the window's next opening, when the
    start task runs again. Returns the rows created."""
    campaign = Campaign.objects.select_related("sms").get(pk=campaign_id)
    opening = postponed_until(campaign, timezone.now())
    if opening is not None:
        Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SCHEDULED).update(
            scheduled_at=opening
        )
        logger.info("SMS campaign %s waits for the sending window: %s", campaign.pk, opening)
        return 0
    return sending.start_campaign(campaign_id, prepare=freeze_message)


def freeze_message(campaign: Campaign) -> bool:
    """Fix the text that leaves (with the opt-out mention unless urgent) and its size when
    the campaign starts: a later edit of the settings changes nothing for it."""
    sms = campaign.sms
    if not sms.sent_text:
        sms.sent_text = text_of(sms, window_for_site())
        sms.segments = analyse(sms.sent_text).segments
        SmsMessage.objects.filter(pk=sms.pk).update(sent_text=sms.sent_text, segments=sms.segments)
    return True


def postponed_until(campaign: Campaign, now: datetime) -> datetime | None:
    """When a campaign that is not urgent must wait for the window, its next opening."""
    if campaign.sms.urgent:
        return None
    window = window_for_site()
    return None if is_open(now, window) else next_opening(now, window)


def settle_abandoned(campaign_id: int) -> None:
    """Rows a dead worker left handed over: maybe sent, so not resent; marked unknown."""
    expired = Delivery.objects.filter(
        campaign_id=campaign_id, state=Delivery.State.HANDED_OVER, lease_until__lt=timezone.now()
    )
    count = expired.update(state=Delivery.State.UNKNOWN, error=INTERRUPTED)
    if count:
        logger.warning(
            "SMS campaign %s: %d interrupted hand-overs marked unknown", campaign_id, count
        )
    sending.fail_rows_that_kill_workers(campaign_id)


class SmsSender:
    """One worker's run over one SMS campaign: claims batches, hands them to the gateway,
    records each recipient's answer."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.sms = campaign.sms
        self.backend = get_backend()
        self.window = window_for_site()
        self.worker = secrets.token_hex(6)
        self.batches = 0
        self.outcomes: Counter[str] = Counter()
        self.waiting_for: datetime | None = None  # the window's next opening, once closed

    def run(self, time_budget: float) -> None:
        deadline = time.monotonic() + time_budget
        settle_abandoned(self.campaign.pk)
        while (
            time.monotonic() < deadline
            and self.may_send_now()
            and sending.still_sending(self.campaign.pk)
        ):
            self.batches += 1
            token = f"{self.worker}-{self.batches}"
            rows = sending.claim_batch(self.campaign.pk, token, settings.SMS_BATCH_SIZE)
            if not rows:
                break
            try:
                self.send_batch(rows, token)
            finally:
                sending.release(token)
            Campaign.objects.filter(pk=self.campaign.pk).update(heartbeat_at=timezone.now())

    def may_send_now(self) -> bool:
        """Inside the window (or urgent); otherwise remember when it opens."""
        if self.sms.urgent:
            return True
        now = timezone.now()
        if is_open(now, self.window):
            return True
        self.waiting_for = next_opening(now, self.window)
        return False

    def send_batch(self, rows: list[Delivery], token: str) -> None:
        allowed = sending.still_allowed(self.campaign, rows, Channel.SMS)
        skipped = [row.pk for row in rows if row.contact_id not in allowed]
        if skipped:
            Delivery.objects.filter(pk__in=skipped, claim_token=token).update(
                state=Delivery.State.SKIPPED
            )
            self.outcomes[Delivery.State.SKIPPED] += len(skipped)
        ours = self.hand_over([row for row in rows if row.contact_id in allowed], token)
        messages = [
            Sms(
                to=row.contact.phone,
                text=self.sms.sent_text,
                sender=self.sms.sender,
                reference=str(row.pk),
            )
            for row in ours
        ]
        attempts = {row.pk: row.attempts for row in ours}
        pending: list[tuple[int, Result]] = []
        last_write = time.monotonic()
        for message, result in self.backend.send(messages):
            pending.append((int(message.reference), result))
            if len(pending) >= RECORD_EVERY or time.monotonic() - last_write > RECORD_AFTER:
                self.record(pending, token, attempts)
                pending, last_write = [], time.monotonic()
        self.record(pending, token, attempts)

    def hand_over(self, rows: list[Delivery], token: str) -> list[Delivery]:
        """Mark the rows handed over, past which they are never resent without the
        operator; the rows still this worker's are returned."""
        ids = [row.pk for row in rows]
        Delivery.objects.filter(pk__in=ids, claim_token=token, state=Delivery.State.CLAIMED).update(
            state=Delivery.State.HANDED_OVER, lease_until=timezone.now() + sending.lease()
        )
        mine = set(
            Delivery.objects.filter(
                pk__in=ids, claim_token=token, state=Delivery.State.HANDED_OVER
            ).values_list("pk", flat=True)
        )
        return [row for row in rows if row.pk in mine]

    def record(
        self, answers: list[tuple[int, Result]], token: str, attempts: dict[int, int]
    ) -> None:
        """Write the gateway's answers, one commit for the group, and renew the lease of
        the rows still in flight."""
        if not answers:
            return
        now = timezone.now()
        # A row settled as unknown by another worker while this one waited on the gateway
        # still learns what the gateway said.
        mine = Delivery.objects.filter(
            claim_token=token, state__in=[Delivery.State.HANDED_OVER, Delivery.State.UNKNOWN]
        )
        accepted = {pk: result.provider_id for pk, result in answers if result.status == ACCEPTED}
        with transaction.atomic():
            if accepted:  # the common case, in one statement
                ids = Case(*(When(pk=pk, then=Value(id_)) for pk, id_ in accepted.items()))
                mine.filter(pk__in=accepted).update(
                    state=Delivery.State.SENT, sent_at=now, provider_message_id=ids
                )
                self.outcomes[Delivery.State.SENT] += len(accepted)
            for delivery_id, result in answers:
                if delivery_id not in accepted:
                    changes = changes_for(result, attempts[delivery_id], now)
                    mine.filter(pk=delivery_id).update(**changes)
                    self.outcomes[changes["state"]] += 1
            Delivery.objects.filter(claim_token=token, state=Delivery.State.HANDED_OVER).update(
                lease_until=now + sending.lease()
            )


def changes_for(result: Result, attempts: int, now: datetime) -> dict:
    """A delivery row's new fields for an answer other than "accepted"."""
    if result.status == REJECTED:
        return {"state": Delivery.State.FAILED, "error": result.reason[:255]}
    if result.status == RETRY and attempts < sending.MAX_ATTEMPTS:
        delay = max(sending.retry_delay(attempts), timedelta(seconds=result.retry_after or 0))
        return {
            "state": Delivery.State.DEFERRED,
            "error": result.reason[:255],
            "not_before": now + delay,
        }
    if result.status == RETRY:
        return {"state": Delivery.State.FAILED, "error": result.reason[:255]}
    return {"state": Delivery.State.UNKNOWN, "error": (result.reason or INTERRUPTED)[:255]}


def send_pending(campaign_id: int, time_budget: float = 60.0) -> datetime | None:
    """Send what is due of an SMS campaign for about `time_budget` seconds; when the next
    run should be, or None when the campaign needs no more work."""
    campaign = Campaign.objects.select_related("sms", "segment").get(pk=campaign_id)
    if campaign.status != Campaign.Status.SENDING:
        return None
    sender = SmsSender(campaign)
    sender.run(time_budget)
    logger.info("SMS campaign %s: %s", campaign.pk, dict(sender.outcomes))
    if sender.waiting_for:
        # The campaign's workers are accounted for until the window opens: the scheduler
        # must not take it for stalled overnight.
        Campaign.objects.filter(pk=campaign.pk).update(heartbeat_at=sender.waiting_for)
        return sender.waiting_for
    return sending.next_run(campaign.pk)
