"""The SMS in the admin: writing one (the length the town allows with its opt-out mention,
the sender name, the urgent flag reserved to those allowed), its counter as the server
computes it, a test to a few numbers through the gateway, sending now or later inside the
town's window, the campaign's controls, the decision on messages whose outcome is unknown,
who may do what, and the status page with its figures and masked numbers.

The gateway is the locmem backend; sending runs the database task worker, so a message sent
from the admin reaches the gateway's outbox as it would a phone."""

from __future__ import annotations

import datetime
from decimal import Decimal
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from connectors.sms import REJECTED, RETRY, Result
from connectors.sms.backends import locmem
from newsletters.models import Campaign, Contact, Delivery, SmsMessage
from newsletters.models.audience import Channel
from newsletters.sms_window import window_for_site
from tests.factories import UserFactory, login_verified
from tests.newsletters.factories import (
    CampaignFactory,
    ConsentFactory,
    ContactFactory,
    DeliveryFactory,
    SegmentFactory,
    demo_theme,
    refused_by_admin,
)

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
TUESDAY_MORNING = datetime.datetime(2026, 12, 8, 10, 0, tzinfo=PARIS)  # inside the window
SUNDAY_MORNING = datetime.datetime(2026, 12, 6, 10, 0, tzinfo=PARIS)  # outside
CULTURE_SERVICE = "Service culture et sports"
NUMBERS = ["+33612345601", "+33612345602", "+33612345603"]
SMS_PERMISSIONS = ["add_smsmessage", "change_smsmessage", "view_smsmessage"]


# -- Fixtures --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def gateway(settings):
    """The locmem gateway, empty; a price per segment so that costs show."""
    settings.SMS_BACKEND = "locmem"
    settings.SMS_BATCH_SIZE = 100
    settings.SMS_PRICE_PER_SEGMENT = {"locmem": Decimal("0.05")}
    locmem.reset()
    yield locmem
    locmem.reset()


@pytest.fixture(autouse=True)
def town():
    """The town's SMS settings as the tests expect them (the defaults, named)."""
    town = window_for_site()
    town.stop_mention = "STOP au 36111"
    town.default_sender = "VILLENEUVE"
    town.max_segments = 3
    town.save()
    return town


def sms_contact(number: str, theme_slug: str = "culture") -> Contact:
    contact = ContactFactory(email=None, phone=number)
    ConsentFactory(contact=contact, theme=demo_theme(theme_slug), channel=Channel.SMS)
    return contact


@pytest.fixture
def segment():
    """Three mobiles who agreed to culture SMS."""
    for number in NUMBERS:
        sms_contact(number)
    sms_contact("+33612345699", "travaux")  # not in the segment
    return SegmentFactory(name="Culture par SMS", channel=Channel.SMS, themes=[demo_theme()])


@pytest.fixture
def sms(segment):
    return SmsMessage.objects.create(
        title="Concert annulé",
        segment=segment,
        sender="VILLENEUVE",
        text="Le concert de ce soir est annulé.",
    )


def user_with(client, *codenames: str, groups: tuple[str, ...] = ()):
    """A user signed in to the admin with these newsletters permissions."""
    user = UserFactory(groups=list(groups))
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="newsletters", codename__in=codenames),
    )
    login_verified(client, user)
    return user


@pytest.fixture
def sender(client):
    """May write and send SMS to every theme, but not urgent alerts."""
    return user_with(client, *SMS_PERMISSIONS, "send_campaign", "address_every_theme")


@pytest.fixture
def contributor(client):
    """The culture service: writes SMS to its themes, does not send them."""
    return user_with(client, *SMS_PERMISSIONS, groups=(CULTURE_SERVICE,))


def messages_of(response) -> list[str]:
    return [unescape(str(message)).strip() for message in get_messages(response.wsgi_request)]


def url(name: str, *args) -> str:
    return reverse(f"newsletters_sms:{name}", args=args)


def form_data(segment, **fields) -> dict:
    return {
        "title": "Fermeture de la piscine",
        "segment": segment.pk,
        "sender": "VILLENEUVE",
        "text": "La piscine est fermée demain pour travaux.",
        **fields,
    }


def text_of_page(response) -> str:
    return unescape(response.content.decode())


# -- Writing an SMS --------------------------------------------------------------------------


def test_the_letters_menu_has_an_sms_entry(client, webmaster):
    assert url("index") in client.get("/admin/").content.decode()


def test_the_listing_shows_each_sms_and_its_sending(client, webmaster, sms):
    html = text_of_page(client.get(url("index")))
    assert "Concert annulé" in html and "Culture par SMS" in html
    assert "Pas encore envoyé" in html
    CampaignFactory(sms=sms, segment=sms.segment, channel=Channel.SMS)
    assert "Programmée" in text_of_page(client.get(url("index")))


def test_the_form_offers_sms_segments_the_sender_and_the_mention(client, webmaster, segment):
    email_segment = SegmentFactory(name="Lettre culture")
    html = text_of_page(client.get(url("add")))
    assert f'<option value="{segment.pk}">Culture par SMS</option>' in html
    assert f'value="{email_segment.pk}"' not in html
    assert 'value="VILLENEUVE"' in html
    assert "comptée dans sa longueur : « STOP au 36111 »" in html
    assert 'data-sms-counter="' in html and "sms-counter.js" in html
    assert 'aria-live="polite"' in html


def test_a_new_sms_opens_its_page_once_saved(client, webmaster, segment):
    response = client.post(url("add"), form_data(segment))
    sms = SmsMessage.objects.get(title="Fermeture de la piscine")
    assert response.status_code == 302 and response["Location"] == url("inspect", sms.pk)
    assert sms.created_by == webmaster and not sms.urgent


def test_a_message_too_long_with_its_mention_is_refused_with_the_reason(client, webmaster, segment):
    # 455 characters fit in three parts alone; with "\nSTOP au 36111", they need four.
    response = client.post(url("add"), form_data(segment, text="a" * 455))
    html = text_of_page(response)
    assert response.status_code == 200
    assert "Le message compte 4 segments (GSM-7) : 3 au plus sont autorisés." in html
    assert not SmsMessage.objects.filter(title="Fermeture de la piscine").exists()
    # The same text as an urgent alert has no mention, and fits.
    response = client.post(url("add"), form_data(segment, text="a" * 455, urgent="on"))
    assert response.status_code == 302


def test_a_sender_name_the_gateways_refuse_is_refused(client, webmaster, segment):
    response = client.post(url("add"), form_data(segment, sender="Mairie-Écol"))
    assert "Le nom d'expéditeur compte au plus 11 caractères" in text_of_page(response)
    assert not SmsMessage.objects.exists()


def test_urgent_needs_its_permission(client, sender, segment):
    html = text_of_page(client.get(url("add")))
    assert 'name="urgent"' in html and "disabled" in html.split('name="urgent"')[1][:80]
    assert "Seules les personnes autorisées à envoyer les alertes urgentes" in html
    response = client.post(url("add"), form_data(segment, urgent="on"))
    # A disabled field keeps its value: the forged "on" is ignored, the SMS is not urgent.
    assert response.status_code == 302
    assert not SmsMessage.objects.get(title="Fermeture de la piscine").urgent


def test_an_urgent_alert_cannot_be_changed_without_the_permission(client, sender, sms):
    SmsMessage.objects.filter(pk=sms.pk).update(urgent=True)
    response = client.post(url("edit", sms.pk), form_data(sms.segment, text="Autre texte"))
    assert response.status_code == 200
    assert "Seule une personne autorisée à envoyer les alertes urgentes" in text_of_page(response)
    sms.refresh_from_db()
    assert sms.text == "Le concert de ce soir est annulé."


def test_preview_shows_the_servers_figures_without_saving(client, webmaster, segment):
    data = form_data(segment, text="Fête de la musique € 21 juin", preview="1")
    response = client.post(url("add"), data)
    html = text_of_page(response)
    assert response.status_code == 200
    assert not SmsMessage.objects.exists()
    assert "Aperçu mis à jour : rien n'est encore enregistré." in html
    assert '<dd data-figure="encoding">UCS-2</dd>' in html  # the ê
    assert '<dd data-figure="recipients">3</dd>' in html
    assert '<dd data-figure="total">3</dd>' in html
    assert '<span data-figure="cost">0,15\xa0€</span>' in html
    assert "Fête de la musique € 21 juin\nSTOP au 36111" in html


def test_the_counter_counts_the_saved_sms(client, webmaster, sms):
    html = text_of_page(client.get(url("edit", sms.pk)))
    assert '<dd data-figure="encoding">GSM-7</dd>' in html
    assert '<dd data-figure="characters">47</dd>' in html  # 33 + line break + 13
    assert '<dd data-figure="segments">1</dd>' in html


def test_a_sent_sms_is_read_only(client, webmaster, sms):
    CampaignFactory(sms=sms, segment=sms.segment, channel=Channel.SMS, status=Campaign.Status.SENT)
    response = client.get(url("edit", sms.pk))
    assert response.status_code == 302 and response["Location"] == url("inspect", sms.pk)
    assert "il ne peut plus être modifié" in messages_of(response)[0]
    response = client.post(url("edit", sms.pk), form_data(sms.segment, text="Changé"))
    sms.refresh_from_db()
    assert sms.text == "Le concert de ce soir est annulé."


def test_the_recipient_count_of_a_segment_in_reach(client, contributor, segment):
    assert client.get(url("recipients"), {"segment": segment.pk}).json()["count"] == 3
    works = SegmentFactory(channel=Channel.SMS, themes=[demo_theme("travaux")])
    assert client.get(url("recipients"), {"segment": works.pk}).status_code == 404
    assert client.get(url("recipients"), {"segment": "x"}).status_code == 404


def test_a_contributor_writes_only_to_their_themes(client, contributor, segment, sms):
    works = SegmentFactory(name="Riverains", channel=Channel.SMS, themes=[demo_theme("travaux")])
    html = text_of_page(client.get(url("add")))
    assert "Culture par SMS" in html and "Riverains" not in html
    other = SmsMessage.objects.create(title="Chantier", segment=works, sender="MAIRIE", text="x")
    assert "Chantier" not in text_of_page(client.get(url("index")))
    assert client.get(url("inspect", other.pk)).status_code == 404


# -- Test send ---------------------------------------------------------------------------------


def test_a_test_goes_to_the_typed_numbers_and_shows_each_answer(client, webmaster, sms, gateway):
    gateway.answers["+32470123456"] = Result(REJECTED, reason="HTTP 400 21211 invalid 'To'")
    response = client.post(
        url("send_test", sms.pk), {"numbers": "06 12 34 56 78\n+32 470 12 34 56, 0612345678"}
    )
    html = text_of_page(response)
    assert response.status_code == 200
    assert [message.to for message in gateway.outbox] == ["+33612345678"]
    assert gateway.outbox[0].text == "[TEST] Le concert de ce soir est annulé.\nSTOP au 36111"
    assert gateway.outbox[0].sender == "VILLENEUVE"
    assert "06 12 34 56 78" in html and "Accepté" in html
    assert "+32 470 12 34 56" in html and "Refusé" in html
    assert "La passerelle a refusé ce SMS" in html and "HTTP 400 21211 invalid 'To'" in html
    entry = ModelLogEntry.objects.get(action="newsletters.sms_test")
    assert entry.data == {"count": 2}  # no number in the history


def test_a_gateway_that_asks_to_come_back_is_explained(client, webmaster, sms, gateway):
    gateway.fail_next(RETRY, "HTTP 503")
    html = text_of_page(client.post(url("send_test", sms.pk), {"numbers": "0612345678"}))
    assert "Non parti" in html and "réessayez dans quelques minutes" in html


def test_invalid_test_numbers_are_named(client, webmaster, sms, gateway):
    response = client.post(url("send_test", sms.pk), {"numbers": "0612345678, 01 23 45 67 89"})
    assert "Ce numéro n'est pas un mobile valide : 01 23 45 67 89" in text_of_page(response)
    assert gateway.outbox == []


def test_five_test_numbers_at_most(client, webmaster, sms, gateway):
    numbers = ", ".join(f"06123456{n:02d}" for n in range(6))
    response = client.post(url("send_test", sms.pk), {"numbers": numbers})
    assert "5 numéros au plus pour un test." in text_of_page(response)
    assert gateway.outbox == []


# -- Sending -------------------------------------------------------------------------------


def send_now(client, sms, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url("send_now", sms.pk))


def test_send_now_shows_the_figures_then_sends_to_the_segment(
    client, webmaster, sms, gateway, work, django_capture_on_commit_callbacks
):
    with time_machine.travel(TUESDAY_MORNING, tick=True):
        html = text_of_page(client.get(url("send_now", sms.pk)))
        assert "Envoyer le SMS maintenant" in html
        assert '<dd data-figure="recipients">3</dd>' in html
        assert '<span data-figure="cost">0,15\xa0€</span>' in html
        response = send_now(client, sms, django_capture_on_commit_callbacks)
        assert messages_of(response) == ["L'envoi du SMS a commencé."]
        campaign = Campaign.objects.get(sms=sms)
        assert campaign.channel == Channel.SMS and campaign.created_by == webmaster
        work()
    assert sorted(message.to for message in gateway.outbox) == NUMBERS
    assert {message.text for message in gateway.outbox} == {
        "Le concert de ce soir est annulé.\nSTOP au 36111"
    }
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    entry = ModelLogEntry.objects.get(action="newsletters.sms_send")
    assert entry.user == webmaster and entry.data["campaign"] == campaign.pk


def test_a_second_click_sends_nothing_more(
    client, webmaster, sms, db_tasks, django_capture_on_commit_callbacks
):
    with time_machine.travel(TUESDAY_MORNING, tick=True):
        send_now(client, sms, django_capture_on_commit_callbacks)
        response = send_now(client, sms, django_capture_on_commit_callbacks)
    assert messages_of(response)[-1] == "Un envoi de ce SMS est déjà programmé ou en cours."
    assert Campaign.objects.filter(sms=sms).count() == 1


def test_outside_the_window_it_says_when_it_leaves(
    client, webmaster, sms, gateway, work, django_capture_on_commit_callbacks
):
    with time_machine.travel(SUNDAY_MORNING, tick=True):
        html = text_of_page(client.get(url("send_now", sms.pk)))
        assert "hors de la plage d'envoi de la commune : le SMS partira le 7 décembre 2026" in html
        response = send_now(client, sms, django_capture_on_commit_callbacks)
        assert "le SMS partira le 7 décembre 2026 08:00" in messages_of(response)[0]
        work()
    assert gateway.outbox == []
    assert Campaign.objects.get(sms=sms).status == Campaign.Status.SCHEDULED


def test_an_urgent_alert_leaves_at_once_and_its_sender_is_in_the_history(
    client, webmaster, sms, gateway, work, django_capture_on_commit_callbacks
):
    webmaster.first_name, webmaster.last_name = "Claire", "Martin"
    webmaster.save()
    SmsMessage.objects.filter(pk=sms.pk).update(urgent=True)
    with time_machine.travel(SUNDAY_MORNING, tick=True):
        html = text_of_page(client.get(url("send_now", sms.pk)))
        assert "Alerte urgente : elle part tout de suite" in html
        response = send_now(client, sms, django_capture_on_commit_callbacks)
        assert messages_of(response) == ["L'alerte urgente part maintenant."]
        work()
    assert {message.text for message in gateway.outbox} == {"Le concert de ce soir est annulé."}
    history = text_of_page(client.get(url("history", sms.pk)))
    assert "Alerte urgente envoyée par Claire Martin" in history


def test_schedule_at_a_date_to_come(client, webmaster, sms):
    when = timezone.localtime() + datetime.timedelta(days=2)
    response = client.post(url("schedule", sms.pk), {"when": when.strftime("%Y-%m-%d %H:%M")})
    assert response.status_code == 302
    assert messages_of(response)[0].startswith("Envoi programmé le ")
    campaign = Campaign.objects.get(sms=sms)
    assert campaign.scheduled_at.replace(second=0, microsecond=0) == when.replace(
        second=0, microsecond=0
    )
    assert ModelLogEntry.objects.filter(action="newsletters.sms_schedule").exists()


def test_a_past_date_is_refused(client, webmaster, sms):
    when = (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(url("schedule", sms.pk), {"when": when})
    assert "Choisissez une date à venir." in text_of_page(response)
    assert not Campaign.objects.exists()


def test_a_message_made_too_long_by_new_settings_is_not_sent(client, webmaster, sms, town):
    SmsMessage.objects.filter(pk=sms.pk).update(text="a" * 150)  # two SMS with the mention
    town.max_segments = 1
    town.save()
    response = client.post(url("send_now", sms.pk))
    assert "Modifiez le SMS avant de l'envoyer." in messages_of(response)[0]
    assert not Campaign.objects.exists()


# -- Who may send --------------------------------------------------------------------------


def test_a_contributor_cannot_send(client, contributor, sms):
    html = text_of_page(client.get(url("inspect", sms.pk)))
    assert "Une personne autorisée à envoyer les campagnes l'enverra." in html
    assert url("send_now", sms.pk) not in html
    assert refused_by_admin(client.post(url("send_now", sms.pk)))
    when = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    assert refused_by_admin(client.post(url("schedule", sms.pk), {"when": when}))
    assert not Campaign.objects.exists()


def test_a_sender_cannot_send_an_urgent_alert(client, sender, sms):
    SmsMessage.objects.filter(pk=sms.pk).update(urgent=True)
    html = text_of_page(client.get(url("inspect", sms.pk)))
    assert "Une personne autorisée à envoyer les alertes urgentes l'enverra." in html
    assert refused_by_admin(client.post(url("send_now", sms.pk)))
    assert not Campaign.objects.exists()


def test_a_sender_sends_an_ordinary_sms(
    client, sender, sms, db_tasks, django_capture_on_commit_callbacks
):
    with time_machine.travel(TUESDAY_MORNING, tick=True):
        send_now(client, sms, django_capture_on_commit_callbacks)
    assert Campaign.objects.filter(sms=sms).exists()


# -- The campaign's controls and the unknown outcomes --------------------------------------


def sms_campaign(sms, status=Campaign.Status.SENDING, **fields) -> Campaign:
    return CampaignFactory(
        sms=sms,
        segment=sms.segment,
        channel=Channel.SMS,
        status=status,
        started_at=timezone.now(),
        **fields,
    )


@pytest.mark.parametrize(
    ("control", "before", "after"),
    [
        ("pause", Campaign.Status.SENDING, Campaign.Status.PAUSED),
        ("resume", Campaign.Status.PAUSED, Campaign.Status.SENDING),
        ("cancel", Campaign.Status.SENDING, Campaign.Status.CANCELLED),
    ],
)
def test_the_campaign_controls(client, webmaster, sms, control, before, after):
    campaign = sms_campaign(sms, before)
    response = client.post(url(control, campaign.pk))
    assert response["Location"] == url("inspect", sms.pk)
    campaign.refresh_from_db()
    assert campaign.status == after
    assert ModelLogEntry.objects.filter(action=f"newsletters.sms_{control}").exists()


def test_cancelling_asks_first(client, webmaster, sms):
    campaign = sms_campaign(sms)
    html = text_of_page(client.get(url("cancel", campaign.pk)))
    assert "ne le recevront pas" in html
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENDING


def test_controls_need_the_send_permission(client, contributor, sms):
    campaign = sms_campaign(sms)
    assert refused_by_admin(client.post(url("pause", campaign.pk)))
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENDING


@pytest.fixture
def unknown_campaign(sms):
    """A campaign that sent two SMS and got no answer for two others."""
    campaign = sms_campaign(sms, Campaign.Status.SENT, finished_at=timezone.now())
    for number, state in zip(
        NUMBERS + ["+33612345604"],
        [Delivery.State.SENT, Delivery.State.SENT, Delivery.State.UNKNOWN, Delivery.State.UNKNOWN],
        strict=True,
    ):
        DeliveryFactory(
            campaign=campaign,
            contact=Contact.objects.filter(phone=number).first() or sms_contact(number),
            state=state,
            sent_at=timezone.now() if state == Delivery.State.SENT else None,
            error="" if state == Delivery.State.SENT else "délai dépassé",
        )
    return campaign


def test_the_status_page_offers_to_settle_unknown_outcomes(client, webmaster, unknown_campaign):
    sms = unknown_campaign.sms
    html = text_of_page(client.get(url("inspect", sms.pk)))
    assert "2 SMS ont une issue inconnue" in html
    assert url("resend_unknown", unknown_campaign.pk) in html
    assert url("confirm_unknown", unknown_campaign.pk) in html


def test_resending_explains_the_risk_of_duplicates_then_resends(
    client, webmaster, unknown_campaign, django_capture_on_commit_callbacks
):
    html = text_of_page(client.get(url("resend_unknown", unknown_campaign.pk)))
    assert "ces personnes les recevront deux fois" in html
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(url("resend_unknown", unknown_campaign.pk))
    assert messages_of(response) == ["2 SMS vont repartir."]
    states = unknown_campaign.deliveries.values_list("state", flat=True)
    assert sorted(states) == ["queued", "queued", "sent", "sent"]
    unknown_campaign.refresh_from_db()
    assert unknown_campaign.status == Campaign.Status.SENDING
    entry = ModelLogEntry.objects.get(action="newsletters.sms_resend_unknown")
    assert entry.data == {"campaign": unknown_campaign.pk, "count": 2}


def test_confirming_counts_them_as_sent(client, webmaster, unknown_campaign):
    html = text_of_page(client.get(url("confirm_unknown", unknown_campaign.pk)))
    assert "ne recevront pas le message" in html
    response = client.post(url("confirm_unknown", unknown_campaign.pk))
    assert messages_of(response) == ["2 SMS comptés comme envoyés."]
    assert set(unknown_campaign.deliveries.values_list("state", flat=True)) == {"sent"}


def test_a_cancelled_campaign_is_not_resent(client, webmaster, unknown_campaign):
    Campaign.objects.filter(pk=unknown_campaign.pk).update(status=Campaign.Status.CANCELLED)
    response = client.post(url("resend_unknown", unknown_campaign.pk))
    assert messages_of(response) == ["Impossible : la campagne est « Annulée »."]
    assert unknown_campaign.deliveries.filter(state=Delivery.State.UNKNOWN).count() == 2


def test_settling_needs_the_send_permission(client, contributor, unknown_campaign):
    assert refused_by_admin(client.post(url("confirm_unknown", unknown_campaign.pk)))
    assert unknown_campaign.deliveries.filter(state=Delivery.State.UNKNOWN).count() == 2


# -- The status page -------------------------------------------------------------------------


def test_the_status_page_shows_the_figures_the_text_and_masked_numbers(
    client, webmaster, unknown_campaign
):
    sms = unknown_campaign.sms
    SmsMessage.objects.filter(pk=sms.pk).update(
        sent_text="Le concert de ce soir est annulé.\nSTOP au 36111", segments=2
    )
    others = {
        "+33700000001": (Delivery.State.FAILED, None),
        "+33700000002": (Delivery.State.UNSUBSCRIBED, timezone.now()),
        "+33700000003": (Delivery.State.SKIPPED, None),
    }
    for number, (state, sent_at) in others.items():
        contact = sms_contact(number)
        DeliveryFactory(campaign=unknown_campaign, contact=contact, state=state, sent_at=sent_at)
    html = text_of_page(client.get(url("inspect", sms.pk)))
    figures = {
        "Ciblés": "7",
        "Envoyés": "3",  # two sent, and the unsubscribed one was sent first
        "Échecs": "1",
        "Issue inconnue (à vérifier)": "2",
        "Désinscrits (STOP)": "1",
        "Écartés": "1",
        "Segments utilisés": "6",  # 3 sent × 2 segments
        "Coût estimé": "0,30\xa0€",
    }
    for label, value in figures.items():
        assert f'<th scope="row">{label}</th><td>{value}</td>' in html
    assert "Texte envoyé" in html
    assert "Le concert de ce soir est annulé.\nSTOP au 36111" in html
    assert "+33 6 •• •• •• 01" in html and "+33612345601" not in html
    assert "délai dépassé" in html


def test_the_recipients_are_listed_by_pages(client, webmaster, sms):
    campaign = sms_campaign(sms, Campaign.Status.SENT)
    for n in range(55):
        DeliveryFactory(campaign=campaign, contact=sms_contact(f"+336100000{n:02d}"))
    first = text_of_page(client.get(url("inspect", sms.pk)))
    assert first.count("+33 6 •• •• ••") == 50
    second = text_of_page(client.get(url("inspect", sms.pk), {"p": 2}))
    assert second.count("+33 6 •• •• ••") == 5
