"""Brevo's transactional SMS API: one message per call, SMS_CONCURRENCY calls in flight.

Sending: POST {SMS_BREVO_API_URL}/v3/transactionalSMS/send with the `api-key` header and
`{sender, recipient, content, type, tag, unicodeEnabled}`; the recipient is written as
Brevo's examples write it, the country code and number without "+" ("33612345678"). The
type is "transactional": a town's information messages are not marketing, and the caller
appends its own STOP mention (a stop code in a transactional SMS would make Brevo switch it
to marketing, which Brevo holds back at night, on Sundays and public holidays). The answer
`{"messageId": …}` gives the provider id (the HTTP status, 201 or 202, is not documented:
any 2xx is read).

Webhook: Brevo posts JSON, one event or a list of them (batched webhooks), with `messageId`
and `msg_status` (sent, delivered, soft_bounce, hard_bounce; also accepted, rejected, skip
in Brevo's event list). Brevo signs nothing: the webhook is protected by the secret in its
URL, which the caller checks (`secret_matches`), so `parse_webhook` only parses. Brevo has
no unique id per event, hence `event_id` "".

Replies and unsubscriptions: their webhook payloads are UNCONFIRMED (not documented). An
event named "replied"/"reply" (in `msg_status` or `event`) or a `type` of "reply"/"inbound"
is read as a reply: the resident's number from `from`, else `to`, the text from `text`,
`message`, `content` or `reply`. An "unsubscribe"/"unsubscribed" event is read as an
opt-out reply. Other events are ignored.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from ..base import (
    ACCEPTED,
    DELIVERED,
    FAILED,
    SENT,
    Receipt,
    Reply,
    Result,
    Sms,
    WebhookError,
    is_opt_out,
    redact,
    to_e164,
)
from ..encoding import UCS_2, analyse
from ..http import Batch, CallFailed, HttpBackend, Outcomes, call, error_body, rejected

TAG = "commune"
# msg_status, lower-cased without "_" (Brevo writes soft_bounce and softBounce) -> status.
RECEIPT_STATUSES = {
    "sent": SENT,
    "accepted": SENT,
    "delivered": DELIVERED,
    "softbounce": FAILED,
    "hardbounce": FAILED,
    "rejected": FAILED,
    "skip": FAILED,
    "skipped": FAILED,
}
REPLY_EVENTS = {"replied", "reply", "inbound"}
OPT_OUT_EVENTS = {"unsubscribe", "unsubscribed"}
REPLY_TEXT_FIELDS = ("text", "message", "content", "reply")


class BrevoBackend(HttpBackend):
    """Brevo (ex-Sendinblue), with SMS_BREVO_API_KEY."""

    name = "brevo"

    def __init__(self) -> None:
        super().__init__()
        if not settings.SMS_BREVO_API_KEY:
            raise ImproperlyConfigured("SMS_BACKEND 'brevo' needs SMS_BREVO_API_KEY.")
        self.url = settings.SMS_BREVO_API_URL.rstrip("/") + "/v3/transactionalSMS/send"
        self.headers = {
            "api-key": settings.SMS_BREVO_API_KEY,
            "content-type": "application/json",
            "accept": "application/json",
        }

    def send_batch(self, batch: Batch) -> Outcomes:
        """Send the batch's one message."""
        return [(sms, self.send_one(sms)) for sms in batch]

    def send_one(self, sms: Sms) -> Result:
        """One call to Brevo, read into a result."""
        body = {
            "sender": sms.sender,
            "recipient": sms.to.lstrip("+"),
            "content": sms.text,
            "type": "transactional",
            "tag": TAG,
            "unicodeEnabled": analyse(sms.text).encoding == UCS_2,
        }
        try:
            response = call(
                self.session, "POST", self.url, policy=self.policy, headers=self.headers, json=body
            )
        except CallFailed as failure:
            return failure.result
        if not response.ok:
            error = error_body(response)
            return rejected(response, error.get("code"), error.get("message"))
        message_id = response.json()["messageId"]
        return Result(ACCEPTED, provider_id=str(message_id))

    def parse_webhook(self, request: HttpRequest) -> list[Receipt | Reply]:
        """The receipts and replies of one call (its URL secret checked by the caller)."""
        try:
            payload = json.loads(request.body)
        except ValueError as error:
            raise WebhookError("Brevo webhook: the body is not JSON") from error
        events = payload if isinstance(payload, list) else [payload]
        if not events or not all(isinstance(event, dict) for event in events):
            raise WebhookError("Brevo webhook: not an event or a list of events")
        return [item for event in events if (item := parse_event(event)) is not None]


def parse_event(event: dict) -> Receipt | Reply | None:
    """A receipt, a reply, or None for an event that says nothing about delivery."""
    given = str(event.get("msg_status") or event.get("event") or "")
    name = given.lower().replace("_", "")
    if name in REPLY_EVENTS or str(event.get("type", "")).lower() in REPLY_EVENTS:
        return reply_of(event, opt_out=False)
    if name in OPT_OUT_EVENTS:
        return reply_of(event, opt_out=True)
    if name not in RECEIPT_STATUSES:
        return None
    message_id = event.get("messageId")
    if message_id in (None, ""):
        raise WebhookError("Brevo webhook: a delivery event without messageId")
    status = RECEIPT_STATUSES[name]
    description = event.get("reason") or event.get("description") or ""
    reason = " ".join(
        str(part) for part in (given if status == FAILED else "", description) if part
    )
    return Receipt(provider_id=str(message_id), status=status, reason=redact(reason))


def reply_of(event: dict, *, opt_out: bool) -> Reply:
    """The resident's reply in an (UNCONFIRMED) reply or unsubscription event."""
    number = to_e164(str(event.get("from") or event.get("to") or ""))
    if not number:
        raise WebhookError("Brevo webhook: a reply without a number")
    text = next((str(event[field]) for field in REPLY_TEXT_FIELDS if event.get(field)), "")
    return Reply(from_number=number, text=text, is_opt_out=opt_out or is_opt_out(text))
