"""The webmaster's contact base in the admin: a French listing with search, filters and a
CSV export, and each contact's consent history, the proof the CNIL asks for."""

import pytest
from django.utils import timezone

from newsletters.models import Contact, Suppression
from newsletters.models.audience import Channel, ConsentSource, address_hash
from tests.newsletters.factories import ConsentFactory, ContactFactory, demo_theme
from tests.site.test_admin_french import assert_french

pytestmark = pytest.mark.django_db

LISTING = "/admin/lettres/contacts/"


@pytest.fixture
def contacts():
    culture, travaux = demo_theme("culture"), demo_theme("travaux")
    return {
        "lea": ContactFactory(email="lea.martin@example.org", first_name="Léa", themes=[culture]),
        "omar": ContactFactory(email="omar@example.org", first_name="Omar", themes=[travaux]),
        "ines": ContactFactory(email="ines@example.org", language="en", themes=[culture]),
    }


@pytest.mark.parametrize(
    "url",
    [
        LISTING,
        "/admin/lettres/segments/",
        "/admin/lettres/segments/new/",
        "/admin/lettres/campagnes/",
        "/admin/lettres/adresses-bloquees/",
        "/admin/lettres/adresses-bloquees/new/",
        "/admin/lettres/import/",
    ],
)
def test_the_letters_admin_reads_as_french(client, webmaster, contacts, url):
    assert_french(client, url)


def test_the_menu_groups_the_letters(client, webmaster):
    html = client.get("/admin/").content.decode()
    assert "Lettres d&#x27;information" in html or "Lettres d'information" in html


def test_search_finds_a_contact_by_address_or_first_name(client, webmaster, contacts):
    by_name = client.get(LISTING, {"q": "Léa"}).content.decode()
    assert "lea.martin@example.org" in by_name and "omar@example.org" not in by_name
    by_address = client.get(LISTING, {"q": "omar@"}).content.decode()
    assert "omar@example.org" in by_address and "lea.martin@example.org" not in by_address


def test_filters_by_consented_theme_and_language(client, webmaster, contacts):
    culture = client.get(LISTING, {"theme": demo_theme("culture").pk}).content.decode()
    assert "lea.martin@example.org" in culture and "omar@example.org" not in culture
    english = client.get(LISTING, {"language": "en"}).content.decode()
    assert "ines@example.org" in english and "lea.martin@example.org" not in english


def test_a_withdrawn_consent_no_longer_counts_for_the_theme_filter(client, webmaster, contacts):
    contacts["lea"].consents.update(withdrawn_at=timezone.now())
    culture = client.get(LISTING, {"theme": demo_theme("culture").pk}).content.decode()
    assert "lea.martin@example.org" not in culture


def test_filters_by_channel(client, webmaster, contacts):
    ConsentFactory(contact=contacts["omar"], theme=demo_theme("travaux"), channel=Channel.SMS)
    contacts["omar"].consents.filter(channel=Channel.EMAIL).delete()
    sms = client.get(LISTING, {"channel": Channel.SMS}).content.decode()
    assert "omar@example.org" in sms and "lea.martin@example.org" not in sms


def test_the_listing_exports_as_csv(client, webmaster, contacts):
    response = client.get(LISTING, {"export": "csv", "theme": demo_theme("culture").pk})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    header, *rows = body.strip().splitlines()
    assert "Adresse électronique" in header
    assert sorted(row.split(",")[0] for row in rows) == [
        "ines@example.org",
        "lea.martin@example.org",
    ]


def test_the_contact_page_shows_the_whole_consent_history(client, webmaster, contacts):
    contact = contacts["lea"]
    ConsentFactory(
        contact=contact,
        theme=demo_theme("travaux"),
        source=ConsentSource.IMPORT,
        wording="Consentement repris du fichier « travaux.csv ».",
        withdrawn_at=timezone.now(),
    )
    for url in (
        f"/admin/lettres/contacts/edit/{contact.pk}/",
        f"/admin/lettres/contacts/inspect/{contact.pk}/",
    ):
        html = assert_french(client, url)
        assert "Historique des consentements" in html
        assert "Consentement repris du fichier « travaux.csv »." in html
        assert "J&#x27;accepte de recevoir la lettre" in html  # the culture consent's wording
        assert "Retiré le" in html and "Import" in html


def contact_form(contact, **changes) -> dict:
    """What the contact's edit form posts, with `changes`."""
    return {
        "email": contact.email,
        "first_name": contact.first_name,
        "phone": contact.phone,
        "language": contact.language,
        "neighbourhood": "",
        **changes,
    }


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("06 12 34 56 78", "+33612345678"),
        ("06.12.34.56.78", "+33612345678"),
        ("0690 12 34 56", "+590690123456"),
        ("+32 470 12 34 56", "+32470123456"),
        ("", ""),
    ],
)
def test_a_mobile_typed_in_the_admin_is_stored_in_international_format(
    client, webmaster, contacts, typed, stored
):
    contact = contacts["lea"]
    url = f"/admin/lettres/contacts/edit/{contact.pk}/"
    response = client.post(url, contact_form(contact, phone=typed))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.phone == stored
    assert contact.phone_hash == (address_hash(stored) if stored else "")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("01 23 45 67 89", "Ce numéro est un fixe : les SMS ne partent que vers un mobile."),
        ("06 12 34 56", "Ce numéro de mobile n&#x27;est pas valide"),
        ("06 12 AB 56 78", "ne s&#x27;écrit qu&#x27;avec des chiffres"),
    ],
)
def test_a_landline_or_a_mistyped_number_is_refused_in_the_admin(
    client, webmaster, contacts, typed, message
):
    contact = contacts["omar"]
    response = client.post(
        f"/admin/lettres/contacts/edit/{contact.pk}/", contact_form(contact, phone=typed)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'value="{typed}"' in html  # what was typed stays, to be corrected
    contact.refresh_from_db()
    assert contact.phone == ""


def test_a_new_contact_with_only_a_mobile(client, webmaster):
    response = client.post(
        "/admin/lettres/contacts/new/",
        {"email": "", "first_name": "Hugo", "phone": "07 81 23 45 67", "language": "fr"},
    )
    assert response.status_code == 302
    assert Contact.objects.get(first_name="Hugo").phone == "+33781234567"


def test_deleting_a_contact_in_the_admin_blocks_the_address_for_good(client, webmaster, contacts):
    lea = contacts["lea"]
    lea.phone = "+33612345678"
    lea.save()
    confirm = client.get(f"{LISTING}delete/{lea.pk}/")
    assert "seront bloqués" in confirm.text

    response = client.post(f"{LISTING}delete/{lea.pk}/")

    assert response.status_code == 302
    assert not Contact.objects.filter(pk=lea.pk).exists()
    assert Suppression.is_suppressed(Channel.EMAIL, "lea.martin@example.org")
    assert Suppression.is_suppressed(Channel.SMS, "+33612345678")
    assert not Suppression.objects.filter(address_hash__contains="lea").exists()
