"""What a careless client or a prober sends to public URLs gets a clear answer, never a
500: dates out of the calendar's range in the agenda's filters, odd API parameters, an
event title without a single letter, a huge contact message, pages that do not exist in
the results, and a sign-in link that points outside the site."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from core.models import ContactFormPage
from events.models import EventIndexPage, EventPage
from tests.site.events.test_proposals import valid_data

pytestmark = pytest.mark.django_db


def agenda_in(language: str) -> EventIndexPage:
    return EventIndexPage.objects.get(locale=Locale.objects.get(language_code=language))


@pytest.mark.parametrize("language", ["fr", "en", "nl"])
@pytest.mark.parametrize(
    "params",
    [{"au": "9999-12-31"}, {"du": "0001-01-01"}, {"du": "0001-01-01", "au": "9999-12-31"}],
    ids=["last-day", "first-day", "both"],
)
def test_a_date_at_the_end_of_the_calendar_is_refused_with_a_message(client, language, params):
    response = client.get(agenda_in(language).url, params)
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text


def test_a_far_but_sensible_period_still_filters(client):
    response = client.get(agenda_in("fr").url, {"du": "2000-01-01", "au": "2099-12-31"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' not in response.text


def test_an_event_title_without_letters_still_becomes_a_draft(client):
    agenda = agenda_in("fr")
    for _attempt in range(2):  # the second one must not collide with the first's address
        response = client.post(agenda.url + "proposer/", valid_data(title="???"))
        assert response.status_code == 302
    drafts = EventPage.objects.child_of(agenda).filter(title="???")
    assert drafts.count() == 2
    assert all(draft.slug for draft in drafts)


API_PARAMETERS = [
    {"search": 'a"b'},
    {"search": "a\x00b"},
    {"search": "*"},
    {"search": "(piscine OR"},
    {"search_operator": "xx", "search": "a"},
    {"offset": "99999999999999999999"},
    {"offset": "-1"},
    {"limit": "99999999999999999999"},
    {"fields": "\x00"},
    {"order": "\x00"},
    {"type": "\x00"},
    {"child_of": "99999999999999999999"},
    {"descendant_of": "99999999999999999999"},
    {"id": "99999999999999999999"},
]


@pytest.mark.parametrize("endpoint", ["pages", "events", "places", "documents"])
@pytest.mark.parametrize("params", API_PARAMETERS, ids=range(len(API_PARAMETERS)))
def test_the_api_answers_odd_parameters_with_a_client_error(client, endpoint, params):
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code in (200, 400), response.status_code
    if response.status_code == 400:
        assert response.json()["message"]


def test_the_api_is_json_only(client):
    response = client.get("/api/v2/pages/", {"format": "api"})
    assert response.status_code == 404
    assert response["Content-Type"] != "text/html; charset=utf-8"


def test_a_huge_contact_message_is_refused_with_a_message(client):
    page = ContactFormPage.objects.get(locale=Locale.get_default())
    field = page.form_fields.filter(field_type="multiline").first()
    response = client.post(page.url, {field.clean_name: "x" * 2_000_000})
    assert response.status_code in (200, 400)
    assert "caractères" in response.text


@pytest.mark.parametrize(
    "careless",
    [{"page": "0"}, {"page": "-1"}, {"page": "abc"}, {"profil": "n-existe-pas"}, {"type": "\x00"}],
    ids=["zero", "negative", "letters", "unknown-profile", "nul-type"],
)
def test_a_bad_extra_parameter_keeps_the_residents_query(client, careless):
    response = client.get("/recherche/", {"q": "cantine", **careless})
    assert response.status_code == 200
    assert 'value="cantine"' in response.text


def test_the_sign_in_for_private_pages_never_sends_outside_nor_to_a_missing_page(client):
    from tests.factories import UserFactory

    UserFactory(username="habitant", password="un mot de passe solide 2026")
    response = client.post(
        "/_util/login/?next=https://evil.example/",
        {"username": "habitant", "password": "un mot de passe solide 2026"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_proposal_dates_stay_within_two_years(client):
    far = (timezone.localdate() + timedelta(days=800)).isoformat()
    response = client.post(agenda_in("fr").url + "proposer/", valid_data(date=far))
    assert response.status_code == 400


@pytest.mark.parametrize("endpoint", ["pages", "events", "places", "documents"])
def test_an_api_detail_with_a_huge_id_is_not_found(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/99999999999999999999/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("endpoint", "params"),
    [
        ("events", {"start": "demain"}),
        ("places", {"latitude": ""}),
        ("pages", {"id": "abc"}),
        ("pages", {"id": "99999999999999999999"}),
    ],
)
def test_a_field_filter_of_the_wrong_type_is_a_client_error(client, endpoint, params):
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code == 400
    assert next(iter(params)) in response.json()["message"]


def test_the_api_still_filters_by_language_and_field(client):
    response = client.get("/api/v2/pages/", {"locale": "en", "slug": "whats-on"})
    assert response.status_code == 200
    assert [page["meta"]["slug"] for page in response.json()["items"]] == ["whats-on"]
