"""Unsubscribing from a letter: the link in the mail opens a page that confirms in one click,
and the same address takes the RFC 8058 one-click POST a mailbox provider sends (no login,
no cookie, no CSRF token), answering 200 without a redirect, however many times."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from newsletters.models import Consent, Delivery
from newsletters.personalise import personal_values, site_root_url
from newsletters.tokens import make_token
from tests.newsletters.factories import (
    CampaignFactory,
    ConsentFactory,
    ContactFactory,
    DeliveryFactory,
    SegmentFactory,
    demo_theme,
)
from tests.newsletters.signup_helpers import path_of

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def delivery():
    """A culture-and-sport letter sent to a resident who also follows road works."""
    contact = ContactFactory(email="martine@example.org")
    for slug in ("culture", "sport", "travaux"):
        ConsentFactory(contact=contact, theme=demo_theme(slug))
    campaign = CampaignFactory(
        segment=SegmentFactory(themes=[demo_theme("culture"), demo_theme("sport")])
    )
    return DeliveryFactory(campaign=campaign, contact=contact)


def unsubscribe_url(delivery: Delivery) -> str:
    return reverse("newsletters:unsubscribe", args=[make_token("unsubscribe", delivery.pk)])


def live_themes(delivery: Delivery) -> list[str]:
    return sorted(
        Consent.objects.filter(contact=delivery.contact, withdrawn_at__isnull=True).values_list(
            "theme__slug", flat=True
        )
    )


def mailbox_provider() -> Client:
    """What Gmail or Yahoo is to our site: no session, no cookie, CSRF checks enforced."""
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize(
    "encoding",
    [FORM, "multipart/form-data"],
)
def test_one_click_post_from_a_mailbox_provider(delivery, encoding):
    provider = mailbox_provider()

    def one_click():
        if encoding == FORM:
            return provider.post(unsubscribe_url(delivery), ONE_CLICK, content_type=FORM)
        return provider.post(unsubscribe_url(delivery), {"List-Unsubscribe": "One-Click"})

    def withdrawn() -> dict:
        consents = Consent.objects.filter(contact=delivery.contact, withdrawn_at__isnull=False)
        return dict(consents.values_list("theme__slug", "withdrawn_at"))

    response = one_click()
    assert response.status_code == 200
    assert "Location" not in response
    assert not response.cookies
    assert live_themes(delivery) == ["travaux"]
    assert sorted(withdrawn()) == ["culture", "sport"]
    assert Delivery.objects.get(pk=delivery.pk).state == "unsubscribed"

    # Providers retry: the same answer, nothing more changes.
    first = withdrawn()
    again = one_click()
    assert again.status_code == 200
    assert withdrawn() == first


def test_the_link_in_the_mail_shows_a_page_that_confirms_in_one_click(delivery):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(unsubscribe_url(delivery))
    assert page.status_code == 200
    assert "Confirmer ma désinscription" in page.text
    assert "Culture" in page.text and "Sport" in page.text
    assert live_themes(delivery) == ["culture", "sport", "travaux"]  # a GET changes nothing
    assert not page.cookies

    done = browser.post(unsubscribe_url(delivery))
    assert done.status_code == 200
    assert "Désinscription enregistrée" in done.text
    assert live_themes(delivery) == ["travaux"]
    # The page leads to the preference centre for the rest.
    assert browser.get(done.context["preferences_url"]).status_code == 200


def test_a_delivery_whose_contact_was_erased_answers_calmly(delivery):
    url = unsubscribe_url(delivery)
    Delivery.objects.filter(pk=delivery.pk).update(contact=None)
    page = Client().get(url)
    assert page.status_code == 200
    assert "Vos données ont été effacées" in page.text
    assert mailbox_provider().post(url, ONE_CLICK, content_type=FORM).status_code == 200
    assert Client().post(url).status_code == 200


def test_bad_unsubscribe_tokens_are_refused_without_error(delivery):
    provider = mailbox_provider()
    good = make_token("unsubscribe", delivery.pk)
    for token in [good[:-2] + "xx", make_token("preferences", delivery.pk), "nimportequoi"]:
        url = reverse("newsletters:unsubscribe", args=[token])
        assert provider.post(url, ONE_CLICK, content_type=FORM).status_code == 400
        page = provider.get(url)
        assert page.status_code == 400
        assert "Ce lien est incomplet ou a été modifié" in page.text
    # A letter deleted since: the signed link points at nothing.
    gone = reverse("newsletters:unsubscribe", args=[make_token("unsubscribe", 10**9)])
    assert provider.post(gone, ONE_CLICK, content_type=FORM).status_code == 404
    assert live_themes(delivery) == ["culture", "sport", "travaux"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_personal_link_a_campaign_mail_carries_works(client, delivery, language):
    """The links dispatch writes into each mail (newsletters.personalise) open our pages, in
    the recipient's language."""
    values = personal_values(
        site_root_url(),
        delivery_id=delivery.pk,
        contact_id=delivery.contact_id,
        language=language,
    )
    links = [value for value in values.values() if value.startswith("http")]
    assert len(links) == 2
    for link in links:
        path = path_of(link)
        assert path.startswith("/en/") == (language == "en")
        response = client.get(path)
        assert response.status_code == 200, link
        assert f'<html lang="{language}">' in response.text
