"""SMS gateways behind one small interface, the way Django's e-mail backends work.

    from connectors.sms import Sms, get_backend
    for sms, result in get_backend().send([Sms(to, text, sender, reference), ...]):
        ...  # result.status is ACCEPTED, REJECTED, RETRY or UNKNOWN

The backend is SMS_BACKEND: "brevo", "ovh", "twilio", "console" (development) or "locmem"
(tests); its credentials come from the SMS_* settings. Webhook views hand the request to
`parse_webhook()` and get `Receipt`s and `Reply`s back. This package knows nothing of the
newsletters that use it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .base import (
    ACCEPTED,
    DELIVERED,
    FAILED,
    REJECTED,
    RETRY,
    SENT,
    UNKNOWN,
    Receipt,
    Reply,
    Result,
    Sms,
    SmsBackend,
    WebhookError,
    WebhookUnauthorised,
    is_opt_out,
    secret_matches,
)

BACKENDS = {
    "brevo": "connectors.sms.backends.brevo.BrevoBackend",
    "ovh": "connectors.sms.backends.ovh.OvhBackend",
    "twilio": "connectors.sms.backends.twilio.TwilioBackend",
    "console": "connectors.sms.backends.console.ConsoleBackend",
    "locmem": "connectors.sms.backends.locmem.LocmemBackend",
}

__all__ = [
    "ACCEPTED",
    "BACKENDS",
    "DELIVERED",
    "FAILED",
    "REJECTED",
    "RETRY",
    "SENT",
    "UNKNOWN",
    "Receipt",
    "Reply",
    "Result",
    "Sms",
    "SmsBackend",
    "WebhookError",
    "WebhookUnauthorised",
    "get_backend",
    "is_opt_out",
    "secret_matches",
]


def get_backend(name: str | None = None) -> SmsBackend:
    """A new instance of the backend called `name` (default: settings.SMS_BACKEND).
    ImproperlyConfigured for an unknown name or missing credentials."""
    name = name or settings.SMS_BACKEND
    try:
        path = BACKENDS[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"SMS_BACKEND is {name!r}; it must be one of: {', '.join(BACKENDS)}."
        ) from None
    return import_string(path)()
