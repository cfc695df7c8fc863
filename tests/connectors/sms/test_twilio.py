"""Twilio: the form it is sent, opted-out residents, and signed webhooks."""

import pytest
from django.http import QueryDict
from django.test import RequestFactory

from connectors.sms import (
    ACCEPTED,
    DELIVERED,
    FAILED,
    REJECTED,
    SENT,
    Receipt,
    Reply,
    WebhookError,
    WebhookUnauthorised,
    get_backend,
)
from connectors.sms.backends.twilio import signature, signature_matches
from tests.connectors.sms.messages import messages

# Twilio's own validator tests (twilio-python, tests/unit/test_request_validator.py).
TWILIO_TOKEN = "12345"
TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
TWILIO_PARAMS = (
    "CallSid=CA1234567890ABCDE&Digits=1234&From=%2B14158675309&To=%2B18005551212"
    "&Caller=%2B14158675309"
)
WEBHOOK_URL = "http://testserver/sms/twilio/secret/"


def test_the_message_is_a_form_with_the_sender_name_and_the_status_callback(
    twilio_gateway, settings
):
    settings.SMS_TWILIO_STATUS_CALLBACK = "https://ville.example/sms/twilio/secret/"
    [(sms, result)] = get_backend("twilio").send(messages(1, text="a" * 200))
    form = twilio_gateway.send_requests()[0].form()
    assert form["To"] == [sms.to]
    assert (form["From"], form["Body"]) == (["MAIRIE"], [sms.text])
    assert form["StatusCallback"] == [settings.SMS_TWILIO_STATUS_CALLBACK]
    assert (result.status, result.segments) == (ACCEPTED, 2)
    assert result.provider_id.startswith("SM")


def test_a_resident_who_texted_stop_is_rejected_as_opted_out(twilio_gateway):
    sent = messages(1)
    twilio_gateway.fail_number(sent[0].to, "opted_out")
    [(_, result)] = get_backend("twilio").send(sent)
    assert result.status == REJECTED
    assert "21610" in result.reason and "opted out" in result.reason


def test_the_signature_is_twilios():
    params = QueryDict(TWILIO_PARAMS)
    assert signature(TWILIO_TOKEN, TWILIO_URL, params) == "RSOYDt4T1cUTdK1PDd93/VVr8B8="
    repeated = QueryDict("Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234")
    assert signature(TWILIO_TOKEN, TWILIO_URL, repeated) == "IK+Dwps556ElfBT0I3Rgjkr1wJU="


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("mycompany.com", "RSOYDt4T1cUTdK1PDd93/VVr8B8="),  # signed without a port
        ("mycompany.com", "kvajT1Ptam85bY51eRf/AJRuM3w="),  # signed with :443
        ("mycompany.com:1234", "RSOYDt4T1cUTdK1PDd93/VVr8B8="),  # port added by a proxy
    ],
)
def test_the_url_is_checked_with_and_without_its_port(settings, host, expected):
    settings.ALLOWED_HOSTS = ["mycompany.com"]
    request = RequestFactory().post(
        "/myapp.php?foo=1&bar=2",
        TWILIO_PARAMS,
        content_type="application/x-www-form-urlencoded",
        secure=True,
        HTTP_HOST=host,
        HTTP_X_TWILIO_SIGNATURE=expected,
    )
    assert signature_matches(TWILIO_TOKEN, request)


def webhook(twilio_gateway, params, **headers):
    """A webhook call as Twilio makes it, signed unless headers say otherwise."""
    signed = {**twilio_gateway.signed(WEBHOOK_URL, params), **headers}
    return RequestFactory().post("/sms/twilio/secret/", params, **signed)


@pytest.mark.parametrize(
    ("message_status", "error_code", "status", "reason"),
    [
        ("delivered", "", DELIVERED, ""),
        ("sent", "", SENT, ""),
        ("undelivered", "30003", FAILED, "undelivered 30003"),
        ("failed", "", FAILED, "failed"),
    ],
)
def test_a_status_callback_is_a_receipt(twilio_gateway, message_status, error_code, status, reason):
    params = twilio_gateway.status_callback("SM123", message_status, error_code)
    request = webhook(twilio_gateway, params, HTTP_I_TWILIO_IDEMPOTENCY_TOKEN="event-1")
    receipts = get_backend("twilio").parse_webhook(request)
    assert receipts == [Receipt("SM123", status, reason=reason, event_id="event-1")]


@pytest.mark.parametrize(("body", "opt_out"), [("Stop", True), ("ARRÊT", True), ("Merci !", False)])
def test_an_inbound_message_is_a_reply(twilio_gateway, body, opt_out):
    params = {"MessageSid": "SM9", "From": "+33639980000", "To": "MAIRIE", "Body": body}
    replies = get_backend("twilio").parse_webhook(webhook(twilio_gateway, params))
    assert replies == [Reply("+33639980000", body, is_opt_out=opt_out)]


def test_a_call_twilio_did_not_sign_is_unauthorised(twilio_gateway):
    params = twilio_gateway.status_callback("SM123")
    forged = webhook(twilio_gateway, params, HTTP_X_TWILIO_SIGNATURE="bm90IHR3aWxpbw==")
    with pytest.raises(WebhookUnauthorised):
        get_backend("twilio").parse_webhook(forged)
    unsigned = RequestFactory().post("/sms/twilio/secret/", params)
    with pytest.raises(WebhookUnauthorised):
        get_backend("twilio").parse_webhook(unsigned)


def test_a_signed_call_with_changed_parameters_is_unauthorised(twilio_gateway):
    params = twilio_gateway.status_callback("SM123", "failed")
    headers = twilio_gateway.signed(WEBHOOK_URL, params)
    request = RequestFactory().post(
        "/sms/twilio/secret/", {**params, "MessageStatus": "delivered"}, **headers
    )
    with pytest.raises(WebhookUnauthorised):
        get_backend("twilio").parse_webhook(request)


def test_a_signed_call_that_is_neither_a_status_nor_a_message_is_malformed(twilio_gateway):
    with pytest.raises(WebhookError):
        get_backend("twilio").parse_webhook(webhook(twilio_gateway, {"AccountSid": "AC1"}))
