"""The suppression list in the admin: read-only fingerprints, and an address blocked by
hand, of which only the fingerprint is kept."""

import pytest

from newsletters.models import Channel, Suppression
from newsletters.models.audience import address_hash
from tests.newsletters.factories import refused_by_admin

pytestmark = pytest.mark.django_db

LISTING = "/admin/lettres/adresses-bloquees/"


def test_an_address_added_by_hand_is_kept_as_a_fingerprint(client, webmaster):
    response = client.post(
        f"{LISTING}new/", {"channel": "email", "address": " Jean.Dupont@Example.org "}
    )
    assert response.status_code == 302
    suppression = Suppression.objects.get(address_hash=address_hash("jean.dupont@example.org"))
    assert suppression.reason == Suppression.Reason.ADMIN
    assert Suppression.is_suppressed(Channel.EMAIL, "jean.dupont@example.org")
    html = client.get(LISTING).content.decode()
    assert suppression.address_hash[:12] in html
    assert "jean.dupont" not in html.lower()
    assert "Ajout par l&#x27;administration" in html


def test_a_mobile_number_is_blocked_in_its_international_form(client, webmaster):
    client.post(f"{LISTING}new/", {"channel": "sms", "address": "06 12 34 56 78"})
    assert Suppression.is_suppressed(Channel.SMS, "+33612345678")


def test_a_bad_address_gets_a_clear_message(client, webmaster):
    response = client.post(f"{LISTING}new/", {"channel": "email", "address": "pas-une-adresse"})
    assert (
        "Saisissez une adresse électronique valide, par exemple nom@exemple.fr."
        in response.content.decode()
    )
    assert not Suppression.objects.filter(reason=Suppression.Reason.ADMIN).exists()


def test_an_address_already_blocked_says_so(client, webmaster):
    Suppression.add(Channel.EMAIL, "deja@example.org", Suppression.Reason.COMPLAINT)
    response = client.post(f"{LISTING}new/", {"channel": "email", "address": "deja@example.org"})
    assert "Cette adresse est déjà bloquée." in response.content.decode()


def test_blocked_addresses_cannot_be_edited(client, webmaster):
    Suppression.add(Channel.EMAIL, "bloque@example.org", Suppression.Reason.HARD_BOUNCE)
    suppression = Suppression.objects.get(address_hash=address_hash("bloque@example.org"))
    assert refused_by_admin(client.get(f"{LISTING}edit/{suppression.pk}/"))


def test_an_overseas_mobile_is_blocked_as_contacts_store_it(client, webmaster):
    client.post(f"{LISTING}new/", {"channel": "sms", "address": "0690 12 34 56"})
    assert Suppression.is_suppressed(Channel.SMS, "+590690123456")


def test_a_landline_cannot_be_blocked_for_sms(client, webmaster):
    response = client.post(f"{LISTING}new/", {"channel": "sms", "address": "01 23 45 67 89"})
    assert "Ce numéro est un fixe" in response.content.decode()
    assert not Suppression.objects.exists()
