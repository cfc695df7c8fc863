"""Property-based probes of every public form and GET parameter: whatever a careless client
or a prober sends (numbers out of range, impossible dates, quotes, NUL characters, huge or
odd unicode, unknown parameters, random JSON), the site answers without a server error.
Where a resident typed something wrong in a form, the page says so (the form comes back
with its messages, status 200 or 400).

Examples are bounded and derandomised so that `make test` stays quick and repeatable; set
HYPOTHESIS_PROFILE=explore to run many more random examples locally."""

from __future__ import annotations

import json
import os

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from core.models import ContactFormPage
from events.models import EventIndexPage
from news.models import NewsIndexPage
from newsletters.tokens import make_token
from tests.newsletters.factories import ConsentFactory, ContactFactory, demo_theme

pytestmark = pytest.mark.django_db

settings.register_profile(
    "public-inputs",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "explore",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
probes = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "public-inputs"))

# Values that broke, or could break, a parser, a database or a date computation.
TRICKY = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "1.5",
        "1e9",
        "99999999999999999999",
        "-99999999999999999999",
        "9999-12-31",
        "0001-01-01",
        "2026-02-30",
        "31/12/2026",
        '"',
        "'",
        "a\"b'c",
        "\\",
        "%",
        "%00",
        "\x00",
        "a\x00b",
        "*",
        "(piscine OR",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "é" * 300,
        "x" * 5000,
        "\u202e\u200b\ufeff",
        "😀🏊‍♀️",
        "true",
        "null",
        "[]",
        "{}",
        "and",
        "or",
        "xx",
        "-title",
        "title,",
        "*,-title",
        "fr",
        "en",
        "zz",
        "events.EventPage",
        "wagtailcore.Page",
    ]
)
# Any text a client can put in a URL or a form (surrogates cannot be encoded at all).
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
VALUES = st.one_of(TRICKY, TEXT)


def parameters(names: list[str]) -> st.SearchStrategy[dict[str, str]]:
    """A handful of the given parameters, plus sometimes one nobody expects."""
    known = st.dictionaries(st.sampled_from(names), VALUES, max_size=4)
    unknown = st.dictionaries(TEXT.filter(bool), VALUES, max_size=1)
    return st.builds(lambda a, b: {**b, **a}, known, unknown)


def assert_answered(response) -> None:
    assert response.status_code < 500, (response.status_code, response.request)


def page_url(model, language: str = "fr") -> str:
    return model.objects.get(locale=Locale.objects.get(language_code=language)).url


@probes
@given(
    url=st.sampled_from(["/recherche/", "/en/search/", "/nl/zoeken/"]),
    params=parameters(["q", "type", "profil", "page"]),
)
def test_the_results_page_answers_any_parameters(client, url, params):
    response = client.get(url, params)
    assert_answered(response)
    if response.status_code == 200 and params.get("q", "").strip().isalnum():
        assert params["q"].strip() in response.text


@probes
@given(params=parameters(["q", "locale", "type", "profile", "page", "limit"]))
def test_the_autocomplete_api_answers_any_parameters(client, params):
    response = client.get("/api/search/", params)
    assert_answered(response)
    if response.status_code == 400:
        assert response.json()["errors"]


@probes
@given(
    language=st.sampled_from(["fr", "en", "nl"]),
    params=parameters(["du", "au", "theme", "profil", "page"]),
)
def test_the_agenda_filters_answer_any_parameters(client, language, params):
    response = client.get(page_url(EventIndexPage, language), params)
    assert_answered(response)


API_PARAMETERS = [
    "search",
    "search_operator",
    "offset",
    "limit",
    "order",
    "fields",
    "type",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "locale",
    "id",
    "title",
    "slug",
    "show_in_menus",
    "start",
    "latitude",
    "format",
]


@probes
@given(
    endpoint=st.sampled_from(["pages", "events", "places", "documents"]),
    params=parameters(API_PARAMETERS),
)
def test_the_open_data_api_answers_any_parameters(client, endpoint, params):
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert_answered(response)
    if response.status_code == 400:
        assert response.json()["message"]


@probes
@given(
    path=st.sampled_from(["", "rss/", "atom/", "ical/"]),
    params=parameters(["page", "theme", "profil", "q"]),
)
def test_listings_feeds_and_the_calendar_answer_any_parameters(client, path, params):
    index = EventIndexPage if path == "ical/" else NewsIndexPage
    response = client.get(page_url(index) + path, params)
    assert_answered(response)


PROPOSAL_FIELDS = [
    "title",
    "date",
    "start_time",
    "end_time",
    "location",
    "description",
    "audience",
    "price",
    "registration_url",
    "organisation",
    "contact_name",
    "contact_email",
    "contact_phone",
]


@probes
@given(data=parameters(PROPOSAL_FIELDS))
def test_the_event_proposal_form_answers_any_post(data):
    response = Client().post(page_url(EventIndexPage) + "proposer/", data)
    assert_answered(response)
    if response.status_code == 400:
        assert 'aria-invalid="true"' in response.text


@probes
@given(data=st.data())
def test_the_contact_form_answers_any_post(data):
    page = ContactFormPage.objects.get(locale=Locale.get_default())
    names = [field.clean_name for field in page.form_fields.all()]
    response = Client().post(page.url, data.draw(parameters(names)))
    assert_answered(response)


@probes
@given(data=parameters(["email", "themes", "phone", "language", "site_web"]))
def test_the_newsletter_signup_answers_any_post(data):
    assert_answered(Client().post(reverse("newsletters:signup"), data))


@probes
@given(
    name=st.sampled_from(["confirm", "preferences", "my_data", "erase", "unsubscribe"]),
    token=TEXT.filter(lambda token: token.strip() and "/" not in token),
    method=st.sampled_from(["get", "post"]),
)
def test_links_with_a_forged_token_answer_clearly(client, name, token, method):
    url = reverse(f"newsletters:{name}", args=[token])
    assert_answered(getattr(client, method)(url))


@pytest.fixture
def preferences_url():
    contact = ContactFactory()
    ConsentFactory(contact=contact, theme=demo_theme("culture"))
    return reverse("newsletters:preferences", args=[make_token("preferences", contact.pk)])


@probes
@given(
    data=parameters(
        ["themes", "phone", "sms_themes", "language", "neighbourhood", "tout_arreter", "action"]
    )
)
def test_the_preference_centre_answers_any_post(preferences_url, data):
    assert_answered(Client().post(preferences_url, data))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT | TRICKY,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.one_of(TEXT, TRICKY), children, max_size=4)
    ),
    max_leaves=12,
)
WEBHOOK_SECRET = "brevo-webhook:Kx8d0c2Vq9"


@probes
@given(
    provider=st.sampled_from(["brevo", "mailjet", "sendgrid", "postmark", "amazon_ses"]),
    body=st.one_of(JSON.map(json.dumps), st.binary(max_size=200).map(bytes.hex), TEXT),
)
def test_the_mail_providers_webhooks_answer_any_body(client, settings, provider, body):
    settings.ANYMAIL = {"WEBHOOK_SECRET": WEBHOOK_SECRET}
    url = reverse(f"anymail:{provider}_tracking_webhook")
    response = client.post(
        url,
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic YnJldm8td2ViaG9vazpLeDhkMGMyVnE5",  # the secret above
    )
    assert_answered(response)


@probes
@given(
    provider=st.sampled_from(["locmem", "brevo", "ovh", "twilio", "inconnu"]),
    form=parameters(["id", "status", "event_id", "reason", "from", "text", "MessageSid"]),
    body=st.one_of(st.none(), JSON.map(json.dumps)),
)
def test_the_sms_gateways_webhooks_answer_any_body(client, settings, provider, form, body):
    settings.SMS_WEBHOOK_SECRET = "s3cret-webhook-path-token"
    url = f"/sms/webhooks/{provider}/s3cret-webhook-path-token/"
    if body is None:
        response = client.post(url, form)
    else:
        response = client.post(url, body, content_type="application/json")
    assert_answered(response)
