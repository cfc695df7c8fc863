"""A form sent with mistakes says so where a screen reader looks (RGAA 11.10, WCAG 3.3.1):
each invalid field is marked aria-invalid and its aria-describedby names the message printed
by the field; an error summary, server-rendered, links to the fields and takes the focus on
load (autofocus, no script); the page title starts with the number of fields to correct.

Checked on the event proposal form and the agenda filters in French and English, and on the
contact form that shares the proposal's field template."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from wagtail.models import Locale

from core.models import ContactFormPage
from events.models import EventIndexPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en"]


class ServedPage(HTMLParser):
    """The parts of a served page the checks read: the title, every element's attributes
    by id, the text and links inside each element with an id, and the elements marked
    invalid."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.by_id: dict[str, dict[str, str]] = {}
        self.text_by_id: dict[str, str] = {}
        self.invalid: list[dict[str, str]] = []
        self.links_in: dict[str, list[str]] = {}  # the links inside each element with an id
        self._open_ids: list[tuple[str, str]] = []  # (tag, id) of the elements being read
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self._in_title = tag == "title"
        if attributes.get("aria-invalid") == "true":
            self.invalid.append(attributes)
        if tag == "a":
            for _, element_id in self._open_ids:
                self.links_in.setdefault(element_id, []).append(attributes.get("href", ""))
        if "id" in attributes:
            self.by_id[attributes["id"]] = attributes
            self.text_by_id[attributes["id"]] = ""
            if tag not in {"input", "img", "br", "meta", "link"}:
                self._open_ids.append((tag, attributes["id"]))

    def handle_endtag(self, tag):
        self._in_title = False
        if self._open_ids and self._open_ids[-1][0] == tag:
            self._open_ids.pop()

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        for _, element_id in self._open_ids:
            self.text_by_id[element_id] += data

    def description_of(self, field: dict[str, str]) -> str:
        """What a screen reader reads after the field's name: the texts its
        aria-describedby names (an id that names nothing reads as nothing)."""
        ids = field.get("aria-describedby", "").split()
        return " ".join(self.text_by_id.get(element_id, "").strip() for element_id in ids)


def _agenda(language: str) -> EventIndexPage:
    return EventIndexPage.objects.get(locale=Locale.objects.get(language_code=language))


def _proposal_with_mistakes(client, language: str) -> ServedPage:
    """The proposal form sent with a past date and no title nor e-mail."""
    response = client.post(
        _agenda(language).url + "proposer/",
        {"date": "2001-01-01", "location": "Salle des fêtes", "contact_email": "pas-un-courriel"},
    )
    assert response.status_code == 400
    return ServedPage(response.text)


def _filters_with_mistakes(client, language: str) -> ServedPage:
    """The agenda filtered from a date to an earlier one."""
    response = client.get(_agenda(language).url + "?du=2030-05-10&au=2030-05-01")
    assert response.status_code == 200
    return ServedPage(response.text)


def _assert_each_invalid_field_is_described_by_its_message(page: ServedPage, count: int):
    assert len(page.invalid) == count
    for field in page.invalid:
        error_id = f"{field['id']}_error"
        assert error_id in field.get("aria-describedby", "").split(), field
        message = page.text_by_id.get(error_id, "").strip()
        assert message, f"no message with id {error_id}"
        assert message in page.description_of(field)


@pytest.mark.parametrize("language", LANGUAGES)
def test_proposal_fields_are_described_by_their_messages(client, language):
    page = _proposal_with_mistakes(client, language)

    # title, date, description, organisation, contact_name, contact_email
    _assert_each_invalid_field_is_described_by_its_message(page, 6)
    assert "id_date_helptext" in page.by_id["id_date"]["aria-describedby"].split()


@pytest.mark.parametrize("language", LANGUAGES)
def test_agenda_filters_show_their_message_by_the_field(client, language):
    page = _filters_with_mistakes(client, language)

    _assert_each_invalid_field_is_described_by_its_message(page, 1)
    assert page.invalid[0]["id"] == "id_au"


@pytest.mark.parametrize(
    ("serve", "path", "count"),
    [(_proposal_with_mistakes, "proposer/", 6), (_filters_with_mistakes, "", 1)],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_title_starts_with_the_number_of_fields_to_correct(
    client, serve, path, count, language
):
    plain_title = ServedPage(client.get(_agenda(language).url + path).text).title.strip()

    first, rest = serve(client, language).title.strip().split(" – ", 1)

    assert rest == plain_title
    assert str(count) in first
    if language == "fr":
        assert first == f"Erreur : {count} champ{'s' if count > 1 else ''} à corriger"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_without_mistakes_keep_their_plain_title(client, language):
    agenda = _agenda(language)
    for url in (agenda.url, agenda.url + "proposer/"):
        title = ServedPage(client.get(url).text).title
        assert "Erreur" not in title
        assert "_error" not in client.get(url).text


@pytest.mark.parametrize("serve", [_proposal_with_mistakes, _filters_with_mistakes])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_error_summary_takes_the_focus_and_links_to_each_field(client, serve, language):
    page = serve(client, language)

    summary = page.by_id["erreurs"]
    assert "autofocus" in summary
    assert summary["tabindex"] == "-1"
    for field in page.invalid:
        assert f"#{field['id']}" in page.links_in["erreurs"]


def test_contact_form_shares_the_described_fields_and_the_title(client):
    contact = ContactFormPage.objects.filter(locale=Locale.get_default()).first()
    response = client.post(contact.url, {})
    page = ServedPage(response.text)

    assert page.invalid
    _assert_each_invalid_field_is_described_by_its_message(page, len(page.invalid))
    assert page.title.startswith("Erreur : ")
    assert "autofocus" in page.by_id["erreurs"]
