"""The interface every SMS gateway backend implements, and the values it speaks in.

A backend sends `Sms` and answers a `Result` for each; its webhook turns a provider's call
into `Receipt`s (delivery reports) and `Reply`s (inbound messages such as STOP). Like
Django's e-mail backends, the caller never knows which gateway it talks to.
"""

from __future__ import annotations

import hmac
import json
import re
import string
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

# Result.status: what became of one message handed to a gateway.
ACCEPTED = "accepted"  # the gateway took it (provider_id set)
REJECTED = "rejected"  # the gateway refused it for good (bad number, opted out, bad request)
RETRY = "retry"  # it never reached the gateway, or the gateway asked to come back later
UNKNOWN = "unknown"  # the gateway may have taken it: never send it again automatically

# Receipt.status: what the gateway later reported.
SENT = "sent"  # handed to the operator, not yet delivered
DELIVERED = "delivered"
FAILED = "failed"

# Whole-message replies that withdraw consent: the French usage (STOP, STOP SMS, ARRET) and
# the keywords gateways such as Twilio handle by default. Compared after normalise_reply().
OPT_OUT_KEYWORDS = frozenset(
    {
        "STOP",
        "STOPSMS",
        "ARRET",
        "UNSUBSCRIBE",
        "END",
        "QUIT",
        "STOPALL",
        "REVOKE",
        "OPTOUT",
        "CANCEL",
    }
)

# Anything that looks like a phone number in a provider's message: 8 digits or more, or a
# "+" followed by digits that may be spaced ("+33 6 12 34 56 78").
PHONE_NUMBER = re.compile(r"\+\d[\d .()-]{6,}\d|\d{8,}")
REASON_LENGTH = 200


@dataclass(frozen=True)
class Sms:
    """One text message to send: to one number, from the town's sender name."""

    to: str  # E.164, e.g. "+33612345678"
    text: str  # full text, opt-out mention already appended by the caller
    sender: str  # alphanumeric sender name (<= 11 chars)
    reference: str  # caller's id for this message (delivery pk as str), for tags / logs


@dataclass(frozen=True)
class Result:
    """What a gateway answered for one message."""

    status: str  # ACCEPTED, REJECTED, RETRY or UNKNOWN
    provider_id: str = ""  # the gateway's message id when ACCEPTED
    reason: str = ""  # short, without phone numbers (e.g. "HTTP 400 21211 invalid 'To'")
    retry_after: float | None = None  # seconds, for RETRY
    segments: int | None = None  # when the gateway says


@dataclass(frozen=True)
class Receipt:
    """A delivery report from a webhook, about a message the gateway had accepted."""

    provider_id: str
    status: str  # DELIVERED, FAILED or SENT
    reason: str = ""
    event_id: str = ""  # the provider's unique id of this event when it has one, else ""


@dataclass(frozen=True)
class Reply:
    """An inbound SMS from a resident, received through a webhook."""

    from_number: str  # E.164
    text: str
    is_opt_out: bool  # the whole message is a STOP keyword (see is_opt_out())


class WebhookError(Exception):
    """The webhook's body is not what the provider sends: the caller answers 400."""


class WebhookUnauthorised(Exception):
    """The webhook's signature or secret is wrong or missing: the caller answers 403."""


class SmsBackend:
    """A gateway. Subclasses set `name` and implement both methods."""

    name: str = ""

    def send(self, messages: Sequence[Sms]) -> Iterator[tuple[Sms, Result]]:
        """Send these messages and yield each with its result as soon as it is known
        (order not guaranteed). Batches and concurrency are the backend's business."""
        raise NotImplementedError

    def parse_webhook(self, request: HttpRequest) -> list[Receipt | Reply]:
        """Authenticate and parse one webhook call; raises WebhookUnauthorised /
        WebhookError."""
        raise NotImplementedError


def normalise_reply(text: str) -> str:
    """The text upper-cased, without accents, spaces or punctuation: " Arrêt. " -> "ARRET"."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (
        char
        for char in decomposed
        if not unicodedata.combining(char) and not char.isspace() and char not in string.punctuation
    )
    return "".join(kept).upper()


def is_opt_out(text: str) -> bool:
    """Whether a resident's whole reply asks to receive no more SMS (STOP, Arrêt, stop sms…)."""
    return normalise_reply(text) in OPT_OUT_KEYWORDS


def redact(text: str, limit: int = REASON_LENGTH) -> str:
    """A provider's message without the phone numbers it may quote, on one short line."""
    one_line = " ".join(str(text).split())
    return PHONE_NUMBER.sub("<numéro>", one_line)[:limit]


def secret_matches(given: str) -> bool:
    """Whether a webhook URL's secret is SMS_WEBHOOK_SECRET (always False while it is unset,
    so that an unconfigured site refuses every call)."""
    expected = settings.SMS_WEBHOOK_SECRET
    if not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def to_e164(number: str) -> str:
    """A number as providers write it ("33612345678", "0033612345678", "+33 6 12…") in E.164."""
    digits = re.sub(r"\D", "", number)
    return "+" + digits.removeprefix("00") if digits else ""


def webhook_fields(request: HttpRequest) -> dict:
    """A webhook's parameters: its JSON object body, else its form, else its query string."""
    if request.content_type == "application/json":
        try:
            fields = json.loads(request.body)
        except ValueError as error:
            raise WebhookError("the body is not JSON") from error
        if not isinstance(fields, dict):
            raise WebhookError("the JSON body is not an object")
        return fields
    if request.method == "POST" and request.POST:
        return request.POST.dict()
    return request.GET.dict()
