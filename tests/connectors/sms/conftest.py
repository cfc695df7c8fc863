"""The fake gateways as fixtures, and settings that keep the gateway tests quick."""

import pytest

from tests.connectors.sms.fake_gateways import brevo_gateway, ovh_gateway, twilio_gateway  # noqa: F401


@pytest.fixture(autouse=True)
def quick_gateways(settings):
    """Short timeouts and waits: a test that waits does so on purpose, for a second or two."""
    settings.SMS_TIMEOUT = 2
    settings.SMS_MAX_RETRY_WAIT = 2
    settings.SMS_MAX_RETRIES = 3
    settings.SMS_CONCURRENCY = 8
