"""Brevo: what the requests carry, and how its webhook events are read."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from connectors.sms import DELIVERED, FAILED, SENT, Receipt, Reply, Sms, WebhookError, get_backend


def post_json(payload):
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return RequestFactory().post("/sms/brevo/secret/", body, content_type="application/json")


def test_messages_leave_as_transactional_sms_to_the_number_without_plus(brevo_gateway):
    sent = [
        Sms("+33639980000", "Réunion publique lundi", "MAIRIE", "1"),
        Sms("+33639980009", "Fête du village samedi", "MAIRIE", "2"),
    ]
    list(get_backend("brevo").send(sent))
    bodies = sorted((r.json() for r in brevo_gateway.send_requests()), key=lambda b: b["content"])
    assert [body["recipient"] for body in bodies] == ["33639980009", "33639980000"]
    assert {(body["type"], body["tag"], body["sender"]) for body in bodies} == {
        ("transactional", "commune", "MAIRIE")
    }
    # "ê" is not in the GSM alphabet: Brevo is told to send that text in Unicode.
    assert [body["unicodeEnabled"] for body in bodies] == [True, False]


def test_the_backend_needs_an_api_key(settings):
    settings.SMS_BREVO_API_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="SMS_BREVO_API_KEY"):
        get_backend("brevo")


@pytest.mark.parametrize(
    ("msg_status", "status", "reason"),
    [
        ("sent", SENT, ""),
        ("delivered", DELIVERED, ""),
        ("soft_bounce", FAILED, "soft_bounce"),
        ("hard_bounce", FAILED, "hard_bounce"),
        ("hardBounce", FAILED, "hardBounce"),
    ],
)
def test_a_delivery_event_is_a_receipt(brevo_gateway, msg_status, status, reason):
    payload = brevo_gateway.receipt("1511882900176220", msg_status)
    receipts = get_backend("brevo").parse_webhook(post_json(payload))
    assert receipts == [Receipt("1511882900176220", status, reason=reason)]


def test_batched_events_are_read_together(brevo_gateway):
    payload = [brevo_gateway.receipt("1", "sent"), brevo_gateway.receipt("1", "delivered")]
    receipts = get_backend("brevo").parse_webhook(post_json(payload))
    assert [receipt.status for receipt in receipts] == [SENT, DELIVERED]


def test_events_that_say_nothing_of_delivery_are_ignored(brevo_gateway):
    payload = brevo_gateway.receipt("1", "subscribe")
    assert get_backend("brevo").parse_webhook(post_json(payload)) == []


def test_a_reply_is_read_as_far_as_its_unconfirmed_payload_allows(brevo_gateway):
    payload = {"event": "replied", "from": "33639980000", "text": "Stop", "messageId": 1}
    replies = get_backend("brevo").parse_webhook(post_json(payload))
    assert replies == [Reply("+33639980000", "Stop", is_opt_out=True)]


def test_an_unsubscription_is_an_opt_out(brevo_gateway):
    payload = {"msg_status": "unsubscribe", "to": "33639980000", "messageId": 1}
    [reply] = get_backend("brevo").parse_webhook(post_json(payload))
    assert (reply.from_number, reply.is_opt_out) == ("+33639980000", True)


@pytest.mark.parametrize(
    "payload",
    ["not json", "[]", '["delivered"]', '"delivered"', {"msg_status": "delivered"}],
)
def test_a_body_brevo_does_not_send_is_refused(brevo_gateway, payload):
    with pytest.raises(WebhookError):
        get_backend("brevo").parse_webhook(post_json(payload))
