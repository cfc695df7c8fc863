"""The preference centre, reached by the signed link of every mail, without an account:
changing themes, language and neighbourhood leaves a dated consent history; unsubscribing
from everything, downloading one's data and erasing it do what they say."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from core.models import Neighbourhood
from newsletters.models import Consent, Contact, Delivery, Signup, Suppression
from newsletters.models.audience import address_hash
from newsletters.personalise import preferences_path
from newsletters.subscriptions import request_signup
from newsletters.tokens import make_token
from tests.newsletters.factories import ConsentFactory, ContactFactory, DeliveryFactory, demo_theme
from tests.newsletters.signup_helpers import signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    """A resident who follows culture by e-mail and sport by SMS."""
    person = ContactFactory(email="martine@example.org", phone="+33612345678")
    ConsentFactory(contact=person, theme=demo_theme("culture"))
    ConsentFactory(contact=person, theme=demo_theme("sport"), channel="sms")
    return person


def url(name: str, contact: Contact) -> str:
    return reverse(f"newsletters:{name}", args=[make_token("preferences", contact.pk)])


def live_email_themes(contact: Contact) -> list[str]:
    return live_themes(contact, "email")


def live_themes(contact: Contact, channel: str) -> list[str]:
    return sorted(contact.live_consents(channel).values_list("theme__slug", flat=True))


def choices(**changes) -> dict:
    """What the preference centre posts for the fixture's contact as the page shows them
    (culture by e-mail, sport by SMS at 06 12 34 56 78), with `changes`."""
    data = {
        "themes": [demo_theme("culture").pk],
        "phone": "06 12 34 56 78",
        "sms_themes": [demo_theme("sport").pk],
        "language": "fr",
    }
    return {**data, **changes}


def test_the_page_shows_what_the_contact_follows(client, contact):
    response = client.get(preferences_path(contact.pk, "fr"))
    assert response.status_code == 200
    assert "martine@example.org" in response.text
    form = response.context["form"]
    assert form["themes"].value() == [demo_theme("culture").pk]
    assert form["language"].value() == "fr"
    assert 'name="robots" content="noindex"' in response.text
    # The number as its owner writes it, in a box phones show a keypad for.
    assert form["phone"].value() == "06 12 34 56 78"
    assert form["sms_themes"].value() == [demo_theme("sport").pk]
    assert (
        '<input type="tel" name="phone" value="06 12 34 56 78" autocomplete="tel"' in response.text
    )


def test_changing_themes_records_each_consent_given_and_withdrawn(client, contact):
    moulin = Neighbourhood.objects.get(slug="le-moulin", locale=Locale.get_default())
    page = url("preferences", contact)
    new_choices = choices(
        themes=[demo_theme("travaux").pk, demo_theme("sport").pk],
        language="en",
        neighbourhood=moulin.pk,
    )
    response = client.post(page, new_choices)
    assert (response.status_code, response.url) == (302, f"{page}?fait=enregistre")
    assert "Vos choix sont enregistrés." in client.get(response.url).text

    contact.refresh_from_db()
    assert (contact.language, contact.neighbourhood) == ("en", moulin)
    assert live_email_themes(contact) == ["sport", "travaux"]
    culture = Consent.objects.get(contact=contact, theme=demo_theme("culture"))
    assert culture.withdrawn_at is not None  # kept as history, dated
    for slug in ("travaux", "sport"):
        given = Consent.objects.get(
            contact=contact, theme=demo_theme(slug), channel="email", withdrawn_at__isnull=True
        )
        assert given.source == "preferences"
        assert given.wording.startswith("En cochant un thème, j'accepte de recevoir")
        assert "Thèmes cochés : Sport, Travaux" in given.wording
    # The SMS consent is another channel: untouched.
    assert contact.live_consents("sms").count() == 1

    # Saving the same choices again changes nothing.
    client.post(page, new_choices)
    assert Consent.objects.filter(contact=contact).count() == 4


def test_ticking_a_theme_again_gives_a_new_consent_after_the_withdrawn_one(client, contact):
    page = url("preferences", contact)
    client.post(page, choices(themes=[]))
    assert live_email_themes(contact) == []
    client.post(page, choices())
    history = list(
        Consent.objects.filter(contact=contact, theme=demo_theme("culture")).order_by(
            "given_at", "pk"
        )
    )
    assert [(c.source, c.withdrawn_at is None) for c in history] == [
        ("site", False),
        ("preferences", True),
    ]


def test_ticking_themes_by_sms_records_each_consent_with_the_wording_shown(client, contact):
    page = url("preferences", contact)
    shown = client.get(page).text.replace("&#x27;", "'")
    response = client.post(
        page, choices(sms_themes=[demo_theme("travaux").pk, demo_theme("culture").pk])
    )
    assert response.status_code == 302

    assert live_themes(contact, "sms") == ["culture", "travaux"]
    assert live_email_themes(contact) == ["culture"]  # the letters by e-mail: untouched
    for slug in ("culture", "travaux"):
        given = contact.live_consents("sms").get(theme=demo_theme(slug))
        assert given.source == "preferences"
        statement, ticked = given.wording.split("\n")
        assert statement.startswith("En cochant un thème à recevoir par SMS, j'accepte")
        assert statement in shown  # word for word what the page said
        assert ticked == "Thèmes cochés : Culture, Travaux"
    sport = Consent.objects.get(contact=contact, theme=demo_theme("sport"), channel="sms")
    assert sport.withdrawn_at is not None
    assert sport.withdrawn_via == "preferences"


def test_a_new_number_keeps_the_sms_consents(client, contact):
    before = list(contact.live_consents("sms"))
    response = client.post(url("preferences", contact), choices(phone="0690 12 34 56"))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.phone == "+590690123456"
    assert contact.phone_hash == address_hash("+590690123456")
    assert list(contact.live_consents("sms")) == before


def test_a_contact_without_a_number_adds_one_and_chooses_sms_themes(client):
    person = ContactFactory(email="nadia@example.org", themes=[demo_theme("culture")])
    response = client.post(
        url("preferences", person),
        choices(phone="+32 470 12 34 56", sms_themes=[demo_theme("travaux").pk]),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.phone == "+32470123456"
    assert live_themes(person, "sms") == ["travaux"]


def test_no_number_and_no_sms_theme_forgets_the_number(client, contact):
    response = client.post(url("preferences", contact), choices(phone="", sms_themes=[]))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.phone, contact.phone_hash) == ("", "")
    assert live_themes(contact, "sms") == []
    assert live_email_themes(contact) == ["culture"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("01 23 45 67 89", "Ce numéro est un fixe : les SMS ne partent que vers un mobile."),
        ("06 12 34", "Ce numéro de mobile n'est pas valide"),
        ("", "Indiquez votre numéro de mobile pour recevoir les SMS des thèmes cochés."),
    ],
)
def test_a_number_that_cannot_receive_sms_is_explained_next_to_the_field_and_nothing_is_lost(
    client, contact, typed, message
):
    travaux = demo_theme("travaux").pk
    response = client.post(
        url("preferences", contact),
        choices(phone=typed, sms_themes=[travaux], themes=[travaux]),
    )
    assert response.status_code == 400
    html = response.text.replace("&#x27;", "'")
    # In the summary, linked to the field, and next to the field itself.
    assert f'<a href="#id_phone">Votre numéro de mobile : {message}' in html
    field = html[html.index('<label for="id_phone">') : html.index('name="phone"')]
    assert f'<p class="error" id="id_phone_error">{message}' in field
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in html
    # What was typed and ticked is shown again.
    form = response.context["form"]
    assert form["phone"].value() == typed
    assert form["sms_themes"].value() == [str(travaux)]
    assert form["themes"].value() == [str(travaux)]
    # And nothing was saved.
    contact.refresh_from_db()
    assert contact.phone == "+33612345678"
    assert live_email_themes(contact) == ["culture"]
    assert live_themes(contact, "sms") == ["sport"]


def test_unsubscribing_from_everything_withdraws_every_consent_and_keeps_the_history(
    client, contact
):
    page = url("preferences", contact)
    response = client.post(page, {"tout": "1"})
    assert (response.status_code, response.url) == (302, f"{page}?fait=desinscrit")
    assert "Vous êtes désinscrit de toutes les lettres" in client.get(response.url).text
    assert contact.live_consents().count() == 0
    assert Consent.objects.filter(contact=contact, withdrawn_at__isnull=False).count() == 2


def test_bad_choices_get_french_errors_and_change_nothing(client, contact):
    response = client.post(
        url("preferences", contact),
        {"themes": ["999999"], "language": "xx", "neighbourhood": "abc"},
    )
    assert response.status_code == 400
    assert "Choisissez les thèmes dans la liste proposée." in response.text
    assert "Choisissez une langue dans la liste." in response.text
    assert "Choisissez un quartier dans la liste." in response.text
    assert live_email_themes(contact) == ["culture"]


def test_the_forms_need_their_csrf_token(contact):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(url("preferences", contact), {"tout": "1"}).status_code == 403
    assert browser.post(url("erase", contact)).status_code == 403
    assert contact.live_consents().count() == 2


def test_my_data_downloads_as_json_with_the_consents_history(client, contact):
    client.post(url("preferences", contact), choices(themes=[]))
    DeliveryFactory(contact=contact)
    response = client.get(url("my_data", contact))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mes-donnees-lettres.json"'
    data = json.loads(response.content)
    assert data["contact"]["email"] == "martine@example.org"
    assert data["contact"]["phone"] == "+33612345678"
    consents = sorted(data["consents"], key=lambda c: (c["channel"], c["theme"]))
    assert [(c["theme"], c["channel"], c["source"]) for c in consents] == [
        ("Culture", "email", "site"),
        ("Sport", "sms", "site"),
    ]
    assert consents[0]["withdrawn_at"] is not None and consents[0]["given_at"]
    assert consents[0]["wording"] == "J'accepte de recevoir la lettre Culture."
    assert len(data["deliveries"]) == 1


def test_erasure_asks_first_then_keeps_only_the_hash(
    client, contact, smtp, worker, django_capture_on_commit_callbacks
):
    delivery = DeliveryFactory(contact=contact)
    request_signup("martine@example.org", [demo_theme("travaux").pk], "fr", "J'accepte.")
    confirmation = client.get(url("erase", contact))
    assert confirmation.status_code == 200
    assert "Cette action est définitive" in confirmation.text
    assert Contact.objects.filter(pk=contact.pk).exists()  # a GET erases nothing

    response = client.post(url("erase", contact))
    assert response.status_code == 200
    assert "Vos données ont été effacées." in response.text
    assert not Contact.objects.filter(pk=contact.pk).exists()
    assert not Consent.objects.filter(contact_id=contact.pk).exists()
    assert not Signup.objects.filter(email="martine@example.org").exists()
    assert sorted(Suppression.objects.values_list("channel", "address_hash", "reason")) == [
        ("email", address_hash("martine@example.org"), "erased"),
        ("sms", address_hash("+33612345678"), "erased"),
    ]
    # The campaign's statistics keep the row, without the person.
    delivery = Delivery.objects.get(pk=delivery.pk)
    assert (delivery.contact_id, delivery.state) == (None, "sent")

    # The old links answer calmly.
    gone = client.get(url("preferences", contact))
    assert gone.status_code == 404
    assert "Ce lien ne correspond plus à aucune inscription" in gone.text
    assert client.post(url("erase", contact)).status_code == 404

    # Signing up again with the same address is refused quietly: the same answer, no mail.
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post("/lettres/inscription/", signup_data("Martine@example.org", "culture"))
    assert (answer.status_code, answer.url) == (302, "/lettres/inscription/envoyee/")
    worker()
    assert smtp.mailbox.deliveries == []
    assert not Signup.objects.exists()
    assert not Contact.objects.filter(email="martine@example.org").exists()
