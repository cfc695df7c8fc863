"""Record: what providers report about each message (through anymail's `tracking` signal,
see webhooks.py) updates its delivery row and feeds the suppression list.

- Each event is stored once as a ProviderEvent: a provider that posts it again (they retry
  until they get a 200) changes nothing the second time.
- The delivery is found by the id the dispatch stored in `provider_message_id`: the id
  anymail's backend returned (an ESP's own message id), or, for mail sent over SMTP, our
  `Message-ID` header (newsletters.mail.message_id), with or without its angle brackets.
  An event for a message we do not know is stored without a delivery.
- A delivery only moves forward (sent → delivered → bounced → unsubscribed → complained),
  whatever order the provider's posts arrive in.
- A hard bounce suppresses the address; a complaint suppresses it and withdraws every
  e-mail consent of the person; an unsubscription withdraws the consents to the letter's
  themes (all e-mail consents when the message is not one of ours).
- Opens and clicks are not recorded: no tracking without consent.
Logs carry providers, event types and row ids, never an address.
"""

from __future__ import annotations

import hashlib
import json
import logging

from anymail.signals import AnymailTrackingEvent, EventType, RejectReason
from django.db import transaction
from django.utils import timezone

from .models import Channel, Contact, Delivery, ProviderEvent, Suppression
from .models.audience import WithdrawalSource, normalise_email
from .sending import redact
from .subscriptions import withdraw

logger = logging.getLogger(__name__)
State = Delivery.State

# anymail's event types that tell a message's fate; the others (queued, sent, opened,
# clicked…) are ignored.
RECORDED_EVENTS = {
    EventType.DEFERRED,
    EventType.DELIVERED,
    EventType.BOUNCED,
    EventType.REJECTED,
    EventType.FAILED,
    EventType.COMPLAINED,
    EventType.UNSUBSCRIBED,
}
# How far along its fate each state is: an event never moves a delivery back.
PROGRESS = {
    State.HANDED_OVER: 0,
    State.SENT: 0,
    State.DEFERRED: 1,
    State.DELIVERED: 2,
    State.FAILED: 2,
    State.BOUNCED: 3,
    State.UNSUBSCRIBED: 4,
    State.COMPLAINED: 5,
}
# For the providers whose bounce events mix temporary and permanent failures: is this one
# temporary? (Their raw event, as they document it.) Others: an SMTP 4xx reply.
SOFT_BOUNCE_TESTS = {
    "Brevo": lambda raw: raw.get("event") == "soft_bounce",
    "Mailjet": lambda raw: not raw.get("hard_bounce"),
    "Amazon SES": lambda raw: raw.get("bounce", {}).get("bounceType") != "Permanent",
}


def record_tracking_event(
    sender, event: AnymailTrackingEvent, esp_name: str, **kwargs
) -> ProviderEvent | None:
    """anymail's `tracking` signal receiver (connected in NewslettersConfig.ready)."""
    if event.event_type not in RECORDED_EVENTS:
        return None
    with transaction.atomic():
        delivery = find_delivery(event.message_id)
        stored, created = ProviderEvent.objects.get_or_create(
            provider=esp_name[:32],
            provider_event_id=event_key(event),
            defaults={
                "delivery": delivery,
                "event_type": event.event_type,
                "provider_message_id": (event.message_id or "")[:255],
                "reason": reason_of(event),
                "occurred_at": event.timestamp or timezone.now(),
            },
        )
        if not created:
            logger.info("%s %s event already recorded (%s)", esp_name, event.event_type, stored.pk)
            return stored
        state = state_after(event, esp_name)
        if delivery is not None:
            advance(delivery, state, reason_of(event))
        apply_consequences(state, delivery, event.recipient)
    logger.info(
        "%s %s event %s: delivery %s, %s",
        esp_name,
        event.event_type,
        stored.pk,
        delivery.pk if delivery else "unknown",
        state,
    )
    return stored


def find_delivery(message_id: str | None) -> Delivery | None:
    """The delivery a provider's message id names, if it is one of ours."""
    if not message_id:
        return None
    bare = message_id.strip().strip("<>")
    stored_forms = {message_id, bare, f"<{bare}>"}
    return Delivery.objects.filter(provider_message_id__in=stored_forms).first()


def event_key(event: AnymailTrackingEvent) -> str:
    """The provider's id for the event or, for those that give none (Brevo, Mailjet), a
    fingerprint of the event as posted: a replay has the same one."""
    if event.event_id:
        return event.event_id[:255]
    posted = json.dumps(event.esp_event, sort_keys=True, default=str)
    return "sha256:" + hashlib.sha256(posted.encode()).hexdigest()


def reason_of(event: AnymailTrackingEvent) -> str:
    """The server's reply or the provider's reason, with any address removed."""
    reason = event.mta_response or event.description or event.reject_reason or ""
    return redact(reason, limit=255)


def is_soft_bounce(event: AnymailTrackingEvent, esp_name: str) -> bool:
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    test = SOFT_BOUNCE_TESTS.get(esp_name)
    if test is not None:
        return test(raw)
    return str(event.mta_response or "").lstrip().startswith("4")


def state_after(event: AnymailTrackingEvent, esp_name: str) -> str:
    """The delivery state an event reports."""
    permanent_reasons = {RejectReason.BOUNCED, RejectReason.INVALID}
    match event.event_type:
        case EventType.DELIVERED:
            return State.DELIVERED
        case EventType.BOUNCED if event.reject_reason in permanent_reasons:
            return State.DEFERRED if is_soft_bounce(event, esp_name) else State.BOUNCED
        case EventType.BOUNCED | EventType.DEFERRED:
            return State.DEFERRED
        # The provider refused to send to an address it knows bounced before.
        case EventType.REJECTED if event.reject_reason in permanent_reasons:
            return State.BOUNCED
        case EventType.COMPLAINED:
            return State.COMPLAINED
        case EventType.UNSUBSCRIBED:
            return State.UNSUBSCRIBED
    return State.FAILED  # rejected by the provider's policy, or failed at the provider


def advance(delivery: Delivery, state: str, reason: str) -> None:
    """Move the delivery to `state` if that is further along than where it is."""
    earlier = [s for s, progress in PROGRESS.items() if progress < PROGRESS[state]]
    changes = {"state": state}
    if state in (State.BOUNCED, State.FAILED):
        changes["error"] = reason
    # One conditional UPDATE: two posts for the same message cannot both move it.
    if Delivery.objects.filter(pk=delivery.pk, state__in=earlier).update(**changes):
        delivery.state = state


def apply_consequences(state: str, delivery: Delivery | None, recipient: str | None) -> None:
    """The suppression list and the consents, after a hard bounce, a complaint or an
    unsubscription."""
    contact = delivery.contact if delivery is not None else None
    address = recipient or (contact.email if contact else None)
    if contact is None and address:
        contact = Contact.objects.filter(email=normalise_email(address)).first()
    if state == State.BOUNCED and address:
        Suppression.add(Channel.EMAIL, address, Suppression.Reason.HARD_BOUNCE)
    elif state == State.COMPLAINED:
        if address:
            Suppression.add(Channel.EMAIL, address, Suppression.Reason.COMPLAINT)
        if contact is not None:
            withdraw(contact, via=WithdrawalSource.PROVIDER)
    elif state == State.UNSUBSCRIBED and contact is not None:
        # The letter's themes; every e-mail theme for a message that is not a campaign's.
        themes = (
            delivery.campaign.segment.themes.values_list("pk", flat=True)
            if delivery is not None
            else None
        )
        withdraw(contact, theme_ids=themes, via=WithdrawalSource.PROVIDER)
