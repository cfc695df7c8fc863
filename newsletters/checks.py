"""Deployment checks (`manage.py check --deploy`) for the messaging settings a town must
not get wrong silently."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from connectors.sms import get_backend

DEVELOPMENT_GATEWAYS = {"console", "locmem"}


@register(Tags.compatibility, deploy=True)
def check_sms_gateway(app_configs=None, **kwargs) -> list:
    """The SMS gateway is a real one, configured, and its callbacks can be authenticated."""
    if settings.SMS_BACKEND in DEVELOPMENT_GATEWAYS:
        return [
            Warning(
                f"SMS_BACKEND is '{settings.SMS_BACKEND}': SMS campaigns would be printed in "
                "the worker's log and counted as sent, never delivered.",
                hint="Set SMS_BACKEND to brevo, ovh or twilio and its credentials.",
                id="newsletters.W001",
            )
        ]
    try:
        get_backend()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="newsletters.E001")]
    if not settings.SMS_WEBHOOK_SECRET:
        return [
            Warning(
                "SMS_WEBHOOK_SECRET is empty: the gateway's delivery receipts and STOP replies "
                "are refused.",
                hint="Set it to a long random value and put it in the callback URL.",
                id="newsletters.W002",
            )
        ]
    return []
