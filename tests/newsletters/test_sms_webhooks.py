"""The gateways' calls to the site: delivery receipts and STOP replies update the rows and
the consents; calls that are not the gateway's change nothing."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from newsletters.models import Consent, Delivery, ProviderEvent
from newsletters.models.audience import Channel, WithdrawalSource

from .factories import DeliveryFactory, SmsCampaignFactory, SmsContactFactory, demo_theme

pytestmark = pytest.mark.django_db
SECRET = "s3cret-webhook-path-token"


@pytest.fixture
def webhook_secret(settings):
    settings.SMS_WEBHOOK_SECRET = SECRET
    return settings


def url(provider: str = "locmem", secret: str = SECRET) -> str:
    return f"/sms/webhooks/{provider}/{secret}/"


def sms_delivery(**fields) -> Delivery:
    contact = SmsContactFactory(sms_themes=[demo_theme("culture"), demo_theme("travaux")])
    return DeliveryFactory(
        campaign=SmsCampaignFactory(), contact=contact, provider_message_id="locmem-41", **fields
    )


def test_a_delivery_receipt_marks_the_sms_delivered_once(webhook_secret):
    delivery = sms_delivery()
    receipt = {"id": "locmem-41", "status": "delivered", "event_id": "dlr-1"}

    for _ in range(2):  # gateways post again until they get a 200
        assert Client().post(url(), receipt).status_code == 200

    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.DELIVERED
    assert ProviderEvent.objects.filter(delivery=delivery).count() == 1


def test_a_failure_receipt_keeps_the_reason_and_never_undoes_a_delivery(webhook_secret):
    failed = sms_delivery()
    Client().post(url(), {"id": "locmem-41", "status": "failed", "reason": "absent subscriber"})
    failed.refresh_from_db()
    assert (failed.state, failed.error) == (Delivery.State.FAILED, "absent subscriber")

    Client().post(url(), {"id": "locmem-41", "status": "delivered"})
    failed.refresh_from_db()
    assert failed.state == Delivery.State.FAILED


def test_stop_unsubscribes_the_number_from_every_sms_theme_with_its_proof(webhook_secret):
    delivery = sms_delivery()
    contact = delivery.contact
    email_consent = Consent.objects.create(
        contact=contact,
        theme=demo_theme("culture"),
        channel=Channel.EMAIL,
        source="site",
        wording="Lettre culture",
    )

    response = Client().post(url(), {"from": contact.phone, "text": " Stop "})

    assert response.status_code == 200
    sms_consents = contact.consents.filter(channel=Channel.SMS)
    assert sms_consents.count() == 2
    assert set(sms_consents.values_list("withdrawn_via", flat=True)) == {WithdrawalSource.SMS_STOP}
    assert all(consent.withdrawn_at for consent in sms_consents)
    email_consent.refresh_from_db()
    assert email_consent.withdrawn_at is None  # STOP by SMS is about SMS
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.UNSUBSCRIBED


def test_a_reply_that_is_not_stop_changes_nothing(webhook_secret):
    delivery = sms_delivery()
    Client().post(url(), {"from": delivery.contact.phone, "text": "Merci, stop à quelle heure ?"})
    assert not delivery.contact.consents.filter(withdrawn_at__isnull=False).exists()


def test_a_receipt_for_an_unknown_message_is_ignored_and_logged_without_the_number(
    webhook_secret, caplog
):
    caplog.set_level(logging.INFO, logger="newsletters.sms_webhooks")
    response = Client().post(url(), {"id": "locmem-999", "status": "delivered"})
    assert response.status_code == 200
    assert ProviderEvent.objects.count() == 0
    assert "unknown message id" in caplog.text


@pytest.mark.parametrize(
    "path, status",
    [
        (url(secret="wrong"), 403),  # not the gateway
        (url(provider="twilio"), 404),  # not the gateway this town uses
    ],
)
def test_calls_that_are_not_the_gateways_change_nothing(webhook_secret, path, status):
    delivery = sms_delivery()
    assert Client().post(path, {"id": "locmem-41", "status": "delivered"}).status_code == status
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.SENT


def test_without_a_configured_secret_every_call_is_refused(settings):
    settings.SMS_WEBHOOK_SECRET = ""
    assert Client().post(url(secret="x"), {"id": "a", "status": "delivered"}).status_code == 403


def test_a_malformed_call_is_answered_400(webhook_secret):
    response = Client().post(url(), "{not json", content_type="application/json")
    assert response.status_code == 400


def test_twilio_callbacks_must_carry_twilio_signature(webhook_secret, twilio_gateway):
    webhook_secret.SMS_BACKEND = "twilio"
    delivery = sms_delivery()
    Delivery.objects.filter(pk=delivery.pk).update(provider_message_id="SM" + "a" * 32)
    params = twilio_gateway.status_callback("SM" + "a" * 32, "delivered")
    address = "http://testserver" + url("twilio")

    forged = Client().post(url("twilio"), params, HTTP_X_TWILIO_SIGNATURE="Zm9yZ2Vk")
    assert forged.status_code == 403
    signed = Client().post(url("twilio"), params, **twilio_gateway.signed(address, params))
    assert signed.status_code == 200
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.DELIVERED
