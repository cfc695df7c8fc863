"""Twilio's Messages API: one message per call, SMS_CONCURRENCY calls in flight.

Sending: POST {SMS_TWILIO_API_URL}/2010-04-01/Accounts/{sid}/Messages.json, HTTP basic auth
with the account SID and auth token, form fields To, From (the alphanumeric sender), Body
and, when SMS_TWILIO_STATUS_CALLBACK is set, StatusCallback. A 201 gives `sid`, `status`
and `num_segments`. Errors are JSON `{code, message, status}`: 429 (code 20429) is never
processed and retried; 21610 means the resident texted STOP to this sender (REJECTED,
the reason says "opted out").

Webhook: Twilio signs each call with X-Twilio-Signature, Base64(HMAC-SHA1(auth token, the
full URL as called + each POST parameter's name and value, sorted by name)). The URL is
`request.build_absolute_uri()`: behind a proxy, Django must see the public scheme and host
(SECURE_PROXY_SSL_HEADER, USE_X_FORWARDED_HOST). Like Twilio's own validator, the URL is
tried with and without its port. A status callback (MessageSid and MessageStatus) gives a
receipt, an inbound message (From and Body) a reply; the event id is the
I-Twilio-Idempotency-Token header when Twilio sends it (the same for retries of one call).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, QueryDict

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
    WebhookUnauthorised,
    is_opt_out,
    redact,
)
from ..http import Batch, CallFailed, HttpBackend, Outcomes, call, error_body, rejected

OPTED_OUT = 21610
DEFAULT_PORTS = {"https": 443, "http": 80}
# MessageStatus -> status; the statuses before "sent" (queued, sending…) are SENT too.
RECEIPT_STATUSES = {
    "delivered": DELIVERED,
    "read": DELIVERED,
    "undelivered": FAILED,
    "failed": FAILED,
    "canceled": FAILED,
}


class TwilioBackend(HttpBackend):
    """Twilio, with SMS_TWILIO_ACCOUNT_SID and SMS_TWILIO_AUTH_TOKEN."""

    name = "twilio"

    def __init__(self) -> None:
        super().__init__()
        sid, token = settings.SMS_TWILIO_ACCOUNT_SID, settings.SMS_TWILIO_AUTH_TOKEN
        if not (sid and token):
            raise ImproperlyConfigured(
                "SMS_BACKEND 'twilio' needs SMS_TWILIO_ACCOUNT_SID and SMS_TWILIO_AUTH_TOKEN."
            )
        self.auth_token = token
        self.session.auth = (sid, token)
        api_url = settings.SMS_TWILIO_API_URL.rstrip("/")
        self.url = f"{api_url}/2010-04-01/Accounts/{sid}/Messages.json"
        self.status_callback = settings.SMS_TWILIO_STATUS_CALLBACK

    def send_batch(self, batch: Batch) -> Outcomes:
        """Send the batch's one message."""
        return [(sms, self.send_one(sms)) for sms in batch]

    def send_one(self, sms: Sms) -> Result:
        """One call to Twilio, read into a result."""
        form = {"To": sms.to, "From": sms.sender, "Body": sms.text}
        if self.status_callback:
            form["StatusCallback"] = self.status_callback
        try:
            response = call(self.session, "POST", self.url, policy=self.policy, data=form)
        except CallFailed as failure:
            return failure.result
        if not response.ok:
            error = error_body(response)
            message = error.get("message")
            if error.get("code") == OPTED_OUT:
                message = f"recipient opted out (STOP): {message}"
            return rejected(response, error.get("code"), message)
        answer = response.json()
        segments = answer.get("num_segments")
        return Result(
            ACCEPTED,
            provider_id=answer["sid"],
            segments=int(segments) if segments else None,
        )

    def parse_webhook(self, request: HttpRequest) -> list[Receipt | Reply]:
        """Check Twilio's signature, then read a status callback or an inbound message."""
        if request.method != "POST":
            raise WebhookError("Twilio webhook: not a POST")
        if not signature_matches(self.auth_token, request):
            raise WebhookUnauthorised("Twilio webhook: bad or missing X-Twilio-Signature")
        fields = request.POST
        if fields.get("MessageSid") and fields.get("MessageStatus"):
            return [self.receipt_of(fields, request.headers.get("I-Twilio-Idempotency-Token", ""))]
        if fields.get("From") and "Body" in fields:
            text = fields["Body"]
            opt_out = is_opt_out(text) or fields.get("OptOutType") == "STOP"
            return [Reply(from_number=fields["From"], text=text, is_opt_out=opt_out)]
        raise WebhookError("Twilio webhook: neither a status callback nor a message")

    @staticmethod
    def receipt_of(fields: QueryDict, event_id: str) -> Receipt:
        """The receipt of a status callback."""
        status = RECEIPT_STATUSES.get(fields["MessageStatus"], SENT)
        error_code = fields.get("ErrorCode")
        reason = f"{fields['MessageStatus']} {error_code}" if error_code else ""
        if status == FAILED and not reason:
            reason = fields["MessageStatus"]
        return Receipt(fields["MessageSid"], status, reason=redact(reason), event_id=event_id)


def signature(auth_token: str, url: str, params: QueryDict) -> str:
    """Twilio's X-Twilio-Signature of a POST to `url` with these parameters (several values
    of one name are taken in sorted order, as Twilio's validator does)."""
    data = url + "".join(
        name + value for name in sorted(params) for value in sorted(set(params.getlist(name)))
    )
    digest = hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signature_matches(auth_token: str, request: HttpRequest) -> bool:
    """Whether the request's X-Twilio-Signature signs its URL (with or without the port)
    and its POST parameters."""
    given = request.headers.get("X-Twilio-Signature", "")
    if not given:
        return False
    url = request.build_absolute_uri()
    return any(
        hmac.compare_digest(signature(auth_token, candidate, request.POST).encode(), given.encode())
        for candidate in {with_port(url), without_port(url)}
    )


def with_port(url: str) -> str:
    """The URL with its port written out (443 for https, 80 for http when it has none)."""
    parts = urlsplit(url)
    if parts.port:
        return url
    netloc = f"{parts.netloc}:{DEFAULT_PORTS.get(parts.scheme, '')}"
    return urlunsplit(parts._replace(netloc=netloc))


def without_port(url: str) -> str:
    """The URL without its port."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.hostname or ""))
