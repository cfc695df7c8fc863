"""Record, for SMS: the gateway's calls to the site (delivery receipts and replies), mounted
under /sms/webhooks/ (site/commune/urls.py).

Every callback URL carries a secret (SMS_WEBHOOK_SECRET) that only the gateway's
configuration knows: Brevo and OVHcloud cannot sign their calls; Twilio's are signed too
(X-Twilio-Signature over the whole URL, checked by its connector). A call for another
gateway than the one configured is answered 404, an unauthenticated one 403, a malformed one
400; none of them changes anything.

- A receipt moves the delivery forward (sent → delivered or failed), never back; the same
  receipt posted twice is recorded once.
- A STOP reply withdraws every SMS consent of the number, recorded as withdrawn by SMS, and
  counts as an unsubscription for the last campaign that reached it.
- A receipt for a message id we do not know is ignored and logged without the number.
"""

from __future__ import annotations

import hashlib
import logging

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseNotFound
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from connectors.sms import (
    DELIVERED,
    FAILED,
    Receipt,
    Reply,
    WebhookError,
    WebhookUnauthorised,
    get_backend,
    secret_matches,
)

from .models import Contact, Delivery, ProviderEvent
from .models.audience import Channel, WithdrawalSource
from .subscriptions import withdraw
from .tracking import advance

logger = logging.getLogger(__name__)
RECEIPT_STATES = {DELIVERED: Delivery.State.DELIVERED, FAILED: Delivery.State.FAILED}


@csrf_exempt
@require_http_methods(["GET", "POST"])
def sms_webhook(request: HttpRequest, provider: str, secret: str) -> HttpResponse:
    """One call of the configured gateway: receipts and replies, recorded at once."""
    backend = get_backend()
    if provider != backend.name:
        return HttpResponseNotFound()
    if not secret_matches(secret):
        return HttpResponseForbidden()
    try:
        events = backend.parse_webhook(request)
    except WebhookUnauthorised:
        logger.warning("%s SMS webhook: refused, bad signature", provider)
        return HttpResponseForbidden()
    except WebhookError as error:
        logger.warning("%s SMS webhook: unreadable call (%s)", provider, error)
        return HttpResponse(status=400)
    for event in events:
        if isinstance(event, Receipt):
            record_receipt(provider, event)
        elif isinstance(event, Reply):
            record_reply(provider, event)
    return HttpResponse(status=200)


def record_receipt(provider: str, receipt: Receipt) -> None:
    """Move the delivery the receipt names forward, once per receipt."""
    state = RECEIPT_STATES.get(receipt.status)
    if state is None:
        return  # "sent" and "in progress" tell nothing the row does not know
    delivery = Delivery.objects.filter(
        provider_message_id=receipt.provider_id, campaign__channel=Channel.SMS
    ).first()
    if delivery is None:
        logger.info("%s SMS receipt for an unknown message id, ignored", provider)
        return
    key = receipt.event_id or fingerprint(receipt.provider_id, receipt.status, receipt.reason)
    with transaction.atomic():
        _event, created = ProviderEvent.objects.get_or_create(
            provider=provider,
            provider_event_id=key[:255],
            defaults={
                "delivery": delivery,
                "event_type": receipt.status,
                "provider_message_id": receipt.provider_id[:255],
                "reason": receipt.reason[:255],
            },
        )
        if created:
            advance(delivery, state, receipt.reason[:255])
    logger.info("%s SMS receipt: delivery %s, %s", provider, delivery.pk, receipt.status)


def record_reply(provider: str, reply: Reply) -> None:
    """A STOP reply unsubscribes the number from every SMS theme; other replies are not
    read by anyone, so they are not kept."""
    if not reply.is_opt_out:
        logger.info("%s SMS reply that is not an opt-out, not kept", provider)
        return
    contacts = list(Contact.objects.filter(phone=reply.from_number))
    if not contacts:
        logger.info("%s SMS opt-out from a number not in the contacts", provider)
        return
    for contact in contacts:
        with transaction.atomic():
            withdrawn = withdraw(contact, None, Channel.SMS, via=WithdrawalSource.SMS_STOP)
            last = last_sms_delivery(contact)
            ProviderEvent.objects.create(
                provider=provider,
                delivery=last,
                event_type="opt_out",
                occurred_at=timezone.now(),
            )
            if last is not None:
                advance(last, Delivery.State.UNSUBSCRIBED, "")
        logger.info(
            "%s SMS opt-out: contact %s, %d consents withdrawn", provider, contact.pk, withdrawn
        )


def last_sms_delivery(contact: Contact) -> Delivery | None:
    """The last SMS that reached the contact: the one the STOP answers."""
    return (
        Delivery.objects.filter(
            contact=contact, campaign__channel=Channel.SMS, sent_at__isnull=False
        )
        .order_by("-sent_at", "-pk")
        .first()
    )


def fingerprint(*parts: str) -> str:
    """An id for a receipt the gateway gives none: a replay has the same one."""
    return "sha256:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


urlpatterns = [
    path("<str:provider>/<str:secret>/", sms_webhook, name="sms_webhook"),
]
