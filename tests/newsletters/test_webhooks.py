"""Providers' tracking webhooks (django-anymail): Brevo, Mailjet and Amazon SES post what
became of each message, as their documentation shows it, with the town's basic-auth secret.
The delivery row follows, hard bounces and complaints put the address on the suppression
list, and a replayed, unsigned or unreadable post changes nothing."""

from __future__ import annotations

import base64
import json
import logging

import pytest
from anymail.exceptions import AnymailInsecureWebhookWarning
from django.urls import reverse

from newsletters.mail import message_id
from newsletters.models import Channel, Delivery, ProviderEvent, Suppression
from tests.newsletters.factories import ConsentFactory, DeliveryFactory, demo_theme

pytestmark = pytest.mark.django_db

SECRET = "brevo-webhook:Kx8d0c2Vq9"
State = Delivery.State


def basic_auth(secret: str = SECRET) -> dict:
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(secret.encode()).decode()}


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}


@pytest.fixture
def delivery():
    """A culture letter handed to Brevo for Camille, who also follows the road works."""
    delivery = DeliveryFactory()
    ConsentFactory(contact=delivery.contact, theme=demo_theme("culture"))
    ConsentFactory(contact=delivery.contact, theme=demo_theme("travaux"))
    return delivery


def brevo_event(delivery: Delivery, event: str, **fields) -> dict:
    """A Brevo transactional webhook as https://developers.brevo.com/docs/transactional-webhooks
    documents it."""
    return {
        "event": event,
        "email": delivery.contact.email,
        "id": 1187245,
        "date": "2025-06-01 10:15:32",
        "ts": 1748765732,
        "message-id": delivery.provider_message_id,
        "ts_event": 1748765732,
        "subject": "La lettre culture de juin",
        "tag": "",
        "sending_ip": "185.41.28.109",
        "ts_epoch": 1748765732417,
        "tags": [],
        **fields,
    }


def post(client, provider: str, payload, auth: dict | None = None, **headers):
    body = payload if isinstance(payload, bytes) else json.dumps(payload)
    return client.post(
        reverse(f"anymail:{provider}_tracking_webhook"),
        body,
        content_type="application/json",
        **(basic_auth() if auth is None else auth),
        **headers,
    )


def refresh(delivery: Delivery) -> Delivery:
    delivery.refresh_from_db()
    return delivery


def live_themes(contact) -> set[str]:
    return set(contact.live_consents(Channel.EMAIL).values_list("theme__slug", flat=True))


def is_suppressed(address: str) -> bool:
    return Suppression.is_suppressed(Channel.EMAIL, address)


# Brevo


def test_a_delivered_mail_is_recorded_without_the_address(client, delivery):
    response = post(client, "brevo", brevo_event(delivery, "delivered"))

    assert response.status_code == 200
    assert refresh(delivery).state == State.DELIVERED
    event = ProviderEvent.objects.get(delivery=delivery)
    assert (event.provider, event.event_type) == ("Brevo", "delivered")
    assert event.occurred_at.year == 2025
    stored = " ".join(str(value) for value in vars(event).values())
    assert delivery.contact.email not in stored
    assert not is_suppressed(delivery.contact.email)


def test_a_hard_bounce_suppresses_the_address_and_keeps_the_consents(client, delivery):
    reason = f"550 5.1.1 <{delivery.contact.email}>: Recipient address rejected"
    response = post(client, "brevo", brevo_event(delivery, "hard_bounce", reason=reason))

    assert response.status_code == 200
    delivery = refresh(delivery)
    assert delivery.state == State.BOUNCED
    assert delivery.error.startswith("550 5.1.1")
    assert delivery.contact.email not in delivery.error
    assert is_suppressed(delivery.contact.email)
    # The next campaign to the same segment leaves the address out.
    assert not delivery.campaign.segment.recipients().filter(pk=delivery.contact.pk).exists()
    assert live_themes(delivery.contact) == {"culture", "travaux"}


def test_a_soft_bounce_only_defers(client, delivery):
    post(client, "brevo", brevo_event(delivery, "soft_bounce", reason="452 4.2.2 Mailbox full"))

    assert refresh(delivery).state == State.DEFERRED
    assert not is_suppressed(delivery.contact.email)


def test_a_complaint_suppresses_and_withdraws_every_email_consent(client, delivery):
    post(client, "brevo", brevo_event(delivery, "spam"))

    assert refresh(delivery).state == State.COMPLAINED
    assert is_suppressed(delivery.contact.email)
    assert live_themes(delivery.contact) == set()
    assert delivery.contact.consents.count() == 2  # the history stays, withdrawn


def test_an_unsubscription_withdraws_the_letters_themes_only(client, delivery):
    post(client, "brevo", brevo_event(delivery, "unsubscribe"))

    assert refresh(delivery).state == State.UNSUBSCRIBED
    assert live_themes(delivery.contact) == {"travaux"}
    assert not is_suppressed(delivery.contact.email)


def test_a_replayed_event_changes_nothing(client, delivery):
    """The resident unsubscribes, then signs up again; Brevo posts the old event again."""
    payload = brevo_event(delivery, "unsubscribe")
    post(client, "brevo", payload)
    ConsentFactory(contact=delivery.contact, theme=demo_theme("culture"))

    response = post(client, "brevo", payload)

    assert response.status_code == 200
    assert ProviderEvent.objects.filter(delivery=delivery).count() == 1
    assert live_themes(delivery.contact) == {"culture", "travaux"}


def test_events_arriving_out_of_order_never_move_a_delivery_back(client, delivery):
    post(client, "brevo", brevo_event(delivery, "hard_bounce", ts_epoch=1748765800000))
    post(client, "brevo", brevo_event(delivery, "delivered", ts_epoch=1748765700000))

    assert refresh(delivery).state == State.BOUNCED
    assert ProviderEvent.objects.filter(delivery=delivery).count() == 2


def test_opens_and_clicks_are_not_recorded(client, delivery):
    for event in ("unique_opened", "click"):
        assert post(client, "brevo", brevo_event(delivery, event)).status_code == 200

    assert not ProviderEvent.objects.exists()
    assert refresh(delivery).state == State.SENT


def test_an_event_for_an_unknown_message_is_kept_without_a_delivery(client, delivery):
    payload = {
        **brevo_event(delivery, "hard_bounce"),
        "message-id": "<202506011015.98765432100@smtp-relay.mailin.fr>",
        "email": "ancien.agent@example.org",
    }

    response = post(client, "brevo", payload)

    assert response.status_code == 200
    event = ProviderEvent.objects.get()
    assert event.delivery is None
    assert event.provider_message_id == payload["message-id"]
    assert is_suppressed("ancien.agent@example.org")
    assert refresh(delivery).state == State.SENT


def test_our_own_message_id_finds_the_delivery_without_its_brackets(client):
    delivery = DeliveryFactory(provider_message_id="")
    delivery.provider_message_id = message_id(delivery.campaign_id, delivery.pk)
    delivery.save()
    bare = delivery.provider_message_id.strip("<>")

    post(client, "brevo", {**brevo_event(delivery, "delivered"), "message-id": bare})

    assert refresh(delivery).state == State.DELIVERED


# Mailjet


def mailjet_event(delivery: Delivery, event: str, **fields) -> dict:
    """A Mailjet event as https://dev.mailjet.com/email/guides/webhooks/ documents it."""
    return {
        "event": event,
        "time": 1748765732,
        "MessageID": int(delivery.provider_message_id),
        "Message_GUID": "1ab23cd4-e567-8901-2345-6789f0a1b2c3",
        "email": delivery.contact.email,
        "mj_campaign_id": 7257,
        "mj_contact_id": 4,
        "customcampaign": "",
        "CustomID": "",
        "Payload": "",
        **fields,
    }


def mailjet_bounce(delivery: Delivery, hard: bool) -> dict:
    return mailjet_event(
        delivery,
        "bounce",
        blocked=False,
        hard_bounce=hard,
        error_related_to="recipient",
        error="user unknown" if hard else "quota exceeded",
        comment="Host or domain name not found",
    )


@pytest.fixture
def mailjet_deliveries():
    return [DeliveryFactory(provider_message_id=str(19421777835146490 + n)) for n in range(4)]


def test_mailjet_grouped_events_update_each_delivery(client, mailjet_deliveries):
    sent, hard, soft, spam = mailjet_deliveries
    events = [
        mailjet_event(sent, "sent", smtp_reply="sent (250 2.0.0 OK 1748765732 gsmtp)"),
        mailjet_bounce(hard, hard=True),
        mailjet_bounce(soft, hard=False),
        mailjet_event(spam, "spam", source="JMRPP"),
    ]

    response = post(client, "mailjet", events)

    assert response.status_code == 200
    assert [refresh(d).state for d in mailjet_deliveries] == [
        State.DELIVERED,
        State.BOUNCED,
        State.DEFERRED,
        State.COMPLAINED,
    ]
    assert [is_suppressed(d.contact.email) for d in mailjet_deliveries] == [
        False,
        True,
        False,
        True,
    ]
    assert ProviderEvent.objects.filter(provider="Mailjet").count() == 4


def test_a_single_mailjet_event_and_its_replay(client, mailjet_deliveries):
    payload = mailjet_bounce(mailjet_deliveries[0], hard=True)

    assert post(client, "mailjet", payload).status_code == 200
    assert post(client, "mailjet", payload).status_code == 200

    assert ProviderEvent.objects.count() == 1
    assert refresh(mailjet_deliveries[0]).state == State.BOUNCED


# Amazon SES (through Amazon SNS)


def test_an_amazon_ses_permanent_bounce(client):
    delivery = DeliveryFactory(provider_message_id="0100019731d4e5f6-8a9b7c6d-5e4f-4a3b-9c8d")
    bounce = {
        "notificationType": "Bounce",
        "bounce": {
            "bounceType": "Permanent",
            "bounceSubType": "General",
            "bouncedRecipients": [
                {
                    "emailAddress": delivery.contact.email,
                    "action": "failed",
                    "status": "5.1.1",
                    "diagnosticCode": "smtp; 550 5.1.1 user unknown",
                }
            ],
            "timestamp": "2025-06-01T10:15:32.000Z",
            "feedbackId": "0100019731d4e5f6-feedback-000000",
        },
        "mail": {
            "timestamp": "2025-06-01T10:15:30.000Z",
            "source": "lettre@villeneuve-sur-lys.fr",
            "messageId": delivery.provider_message_id,
            "destination": [delivery.contact.email],
        },
    }
    notification = {
        "Type": "Notification",
        "MessageId": "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
        "TopicArn": "arn:aws:sns:eu-west-3:123456789012:ses-bounces",
        "Message": json.dumps(bounce),
        "Timestamp": "2025-06-01T10:15:33.000Z",
        "SignatureVersion": "1",
        "Signature": "EXAMPLE",
        "SigningCertURL": "https://sns.eu-west-3.amazonaws.com/SimpleNotificationService.pem",
        "UnsubscribeURL": "https://sns.eu-west-3.amazonaws.com/?Action=Unsubscribe",
    }
    headers = {
        "HTTP_X_AMZ_SNS_MESSAGE_TYPE": "Notification",
        "HTTP_X_AMZ_SNS_MESSAGE_ID": notification["MessageId"],
    }

    response = post(client, "amazon_ses", notification, **headers)

    assert response.status_code == 200
    assert refresh(delivery).state == State.BOUNCED
    assert ProviderEvent.objects.get().provider_event_id == notification["MessageId"]
    assert is_suppressed(delivery.contact.email)


# Posts that must change nothing


@pytest.mark.parametrize(
    "auth",
    [
        {},
        basic_auth("brevo-webhook:wrong"),
        {"HTTP_AUTHORIZATION": "Basic not-base64!"},
        {"HTTP_AUTHORIZATION": "Bearer Kx8d0c2Vq9"},
    ],
    ids=["missing", "wrong secret", "garbled", "other scheme"],
)
def test_a_post_without_the_secret_changes_nothing(client, delivery, auth):
    response = post(client, "brevo", brevo_event(delivery, "hard_bounce"), auth=auth)

    assert response.status_code == 400
    assert refresh(delivery).state == State.SENT
    assert not ProviderEvent.objects.exists()
    assert not is_suppressed(delivery.contact.email)


def test_without_a_configured_secret_every_post_is_refused(client, delivery, settings):
    settings.ANYMAIL = {}

    with pytest.warns(AnymailInsecureWebhookWarning):
        response = post(client, "brevo", brevo_event(delivery, "spam"), auth={})

    assert response.status_code == 400
    assert not ProviderEvent.objects.exists()
    assert live_themes(delivery.contact) == {"culture", "travaux"}


MALFORMED_BREVO = {
    "empty body": b"",
    "not json": b"event=hard_bounce",
    "cut json": b'{"event": "hard_bounce", "email": ',
    "not utf-8": b'{"event": "spam", "email": "\xff\xfe"}',
    "a list": b"[]",
    "a string": b'"hard_bounce"',
    "null": b"null",
    "nested too deep": b"[" * 100_000 + b"]" * 100_000,
    "address as a number": b'{"event": "hard_bounce", "email": 33612345678}',
    "message id as an object": b'{"event": "spam", "message-id": {"id": 1}}',
    "timestamp as text": b'{"event": "spam", "ts_epoch": "hier"}',
    "an inbound payload": b'{"items": []}',
}


@pytest.mark.parametrize("body", MALFORMED_BREVO.values(), ids=MALFORMED_BREVO.keys())
def test_an_unreadable_brevo_body_is_refused(client, delivery, body):
    response = post(client, "brevo", body)

    assert response.status_code == 400
    assert not ProviderEvent.objects.exists()
    assert refresh(delivery).state == State.SENT


def test_an_unreadable_event_in_a_mailjet_batch_refuses_the_whole_batch(client, mailjet_deliveries):
    events = [
        mailjet_bounce(mailjet_deliveries[0], hard=True),
        {"event": "sent", "time": "hier"},
    ]

    for body in (events, {}, [mailjet_event(mailjet_deliveries[1], "sent"), "sent"]):
        assert post(client, "mailjet", body).status_code == 400

    assert not ProviderEvent.objects.exists()
    assert not is_suppressed(mailjet_deliveries[0].contact.email)


def test_an_unreadable_sns_message_is_refused(client):
    headers = {"HTTP_X_AMZ_SNS_MESSAGE_TYPE": "Notification"}
    for body in (b"{", b'{"Type": "Notification"}', b'{"Type": "Nope"}'):
        assert post(client, "amazon_ses", body, **headers).status_code == 400


def test_a_provider_without_its_keys_is_not_served(client):
    """Mailgun's webhooks need its signing key, which this site does not have."""
    response = post(client, "mailgun", {"signature": {}, "event-data": {}})

    assert response.status_code == 404


def test_no_address_reaches_the_logs(client, delivery, caplog):
    address = delivery.contact.email
    caplog.set_level(logging.INFO)

    post(client, "brevo", brevo_event(delivery, "hard_bounce", reason=f"550 <{address}>"))
    post(client, "brevo", f'{{"event": "spam", "email": "{address}", '.encode())
    post(client, "brevo", brevo_event(delivery, "spam"), auth=basic_auth("x:y"))

    assert "Brevo bounced event" in caplog.text  # the event was logged, by its row id
    assert address not in caplog.text
