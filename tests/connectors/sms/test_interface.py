"""The package's interface: choosing a backend, STOP replies, redacted reasons, the webhook
secret, and the two development backends (console, locmem)."""

import io
import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from connectors.sms import (
    ACCEPTED,
    DELIVERED,
    REJECTED,
    RETRY,
    Receipt,
    Reply,
    Result,
    WebhookError,
    get_backend,
    is_opt_out,
    secret_matches,
)
from connectors.sms.backends import locmem
from connectors.sms.backends.console import ConsoleBackend
from connectors.sms.base import redact
from tests.connectors.sms.messages import messages


def test_the_backend_comes_from_the_settings(settings):
    assert get_backend().name == "locmem"
    settings.SMS_BACKEND = "console"
    assert get_backend().name == "console"
    assert get_backend("locmem").name == "locmem"


def test_an_unknown_backend_is_a_configuration_error(settings):
    settings.SMS_BACKEND = "sendinblue"
    with pytest.raises(ImproperlyConfigured, match="'sendinblue'.*brevo, ovh, twilio"):
        get_backend()


@pytest.mark.parametrize(
    "text",
    [
        "STOP",
        "stop",
        " Stop. ",
        "STOP SMS",
        "Arrêt",
        "ARRET",
        "arret !",
        "Unsubscribe",
        "opt-out",
        "stop all",
        "Cancel",
        "END",
        "quit",
        "revoke",
    ],
)
def test_stop_replies_are_opt_outs(text):
    assert is_opt_out(text)


@pytest.mark.parametrize(
    "text", ["", "Merci", "Stop the music", "Arrêtez les travaux", "STOP merci", "STOPPER"]
)
def test_other_replies_are_not(text):
    assert not is_opt_out(text)


@pytest.mark.parametrize(
    "message",
    [
        "The 'To' number +33639980000 is not valid",
        "Invalid mobile number 33639980000",
        "Numéro 0639980000 inconnu",
        "Number +33 6 39 98 00 00 refused",
    ],
)
def test_reasons_never_quote_a_number(message):
    reason = redact(message)
    assert "<numéro>" in reason
    assert not any(digits in reason for digits in ("39980000", "98 00 00"))


def test_short_codes_stay_in_reasons():
    assert redact("HTTP 400 21211 invalid\n'To'") == "HTTP 400 21211 invalid 'To'"


def test_the_webhook_secret_must_be_set_and_match(settings):
    settings.SMS_WEBHOOK_SECRET = ""
    assert not secret_matches("")
    settings.SMS_WEBHOOK_SECRET = "s3cr3t-for-the-url"
    assert secret_matches("s3cr3t-for-the-url")
    assert not secret_matches("s3cr3t")
    assert not secret_matches("é")


def test_the_console_prints_messages_with_the_number_masked():
    stream = io.StringIO()
    [(sms, result)] = ConsoleBackend(stream).send(messages(1))
    output = stream.getvalue()
    assert result.status == ACCEPTED and result.provider_id.startswith("console-")
    assert "**********00" in output and sms.to not in output
    assert sms.text in output and "MAIRIE" in output


def test_locmem_keeps_accepted_messages_in_its_outbox():
    sent = messages(2)
    results = [result for _, result in get_backend().send(sent)]
    assert locmem.outbox == sent
    assert [result.provider_id for result in results] == ["locmem-1", "locmem-2"]


def test_locmem_answers_what_the_test_scripted():
    sent = messages(4)
    locmem.answers[sent[0].to] = Result(REJECTED, reason="HTTP 400 invalid number")
    locmem.fail_next(RETRY, "HTTP 503", count=2, retry_after=60)
    results = [result for _, result in get_backend().send(sent)]
    assert [result.status for result in results] == [REJECTED, RETRY, RETRY, ACCEPTED]
    assert results[1].retry_after == 60
    assert locmem.outbox == sent[3:]


def test_development_webhooks_take_a_plain_receipt_or_reply():
    factory = RequestFactory()
    receipt = factory.post(
        "/sms/", json.dumps({"id": "locmem-1", "status": "delivered"}), "application/json"
    )
    reply = factory.post("/sms/", {"from": "+33639980000", "text": "STOP"})
    backend = get_backend()
    assert backend.parse_webhook(receipt) == [Receipt("locmem-1", DELIVERED)]
    assert backend.parse_webhook(reply) == [Reply("+33639980000", "STOP", is_opt_out=True)]
    with pytest.raises(WebhookError):
        backend.parse_webhook(factory.post("/sms/", {"id": "locmem-1", "status": "read"}))
