"""A form sent with mistakes, in headless Chromium, in French and in English (RGAA 11.10,
WCAG 3.3.1): the event proposal form and the agenda filters. After the failed submit the
focus is on the error summary, the page title starts with what is wrong, each invalid field's
accessible description (as Chromium computes it for screen readers) holds its message, and
axe-core and the Nu Html Checker find nothing wrong in this state, which a first visit never
shows them.

As in test_keyboard.py, the browser work happens once for the module on a live server of its
own, and each test reads its part of the results.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Locale

from accessibility.axe import run_axe
from accessibility.browser import chromium, fresh_page, visit
from accessibility.html import validate_documents

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = ("fr", "en")
FORMS = ("proposal", "filters")


@dataclass
class FailedSubmit:
    """The page a form answers its mistakes with, as the browser and axe-core get it."""

    focused: str = ""  # the focused element's id, or its tag name
    title: str = ""
    descriptions: dict[str, str] = field(default_factory=dict)  # invalid field id: description
    messages: dict[str, str] = field(default_factory=dict)  # field id: message by the field
    axe: list = field(default_factory=list)
    served: bytes = b""  # the HTML as the server sent it
    html: list = field(default_factory=list)  # vnu's messages on it


def _agenda_urls() -> dict[str, str]:
    from events.models import EventIndexPage

    return {
        language: EventIndexPage.objects.get(locale=Locale.objects.get(language_code=language)).url
        for language in LANGUAGES
    }


@pytest.fixture(scope="module")
def failed_submits(django_db_setup, django_db_blocker) -> dict[tuple[str, str], FailedSubmit]:
    results: dict[tuple[str, str], FailedSubmit] = {}
    with django_db_blocker.unblock():
        agendas = _agenda_urls()  # before Playwright, whose event loop forbids ORM calls
        live_server = LiveServer("localhost")
        try:
            with chromium() as browser:
                for language, path in agendas.items():
                    for form in FORMS:
                        results[form, language] = _submit_with_mistakes(
                            browser, live_server.url + path, form
                        )
        finally:
            live_server.stop()
    submits = list(results.values())
    for submit, messages in zip(
        submits, validate_documents([s.served for s in submits]), strict=True
    ):
        submit.html = messages
    return results


def _submit_with_mistakes(browser, agenda_url: str, form: str) -> FailedSubmit:
    """The proposal form sent empty but for a past date, or the agenda filtered from a date
    to an earlier one, with the mouse as most people do."""
    with fresh_page(browser, bypass_csp=True) as page:  # axe-core is injected afterwards
        if form == "proposal":
            visit(page, agenda_url + "proposer/")
            page.locator("#id_date").fill("2001-01-01")
            button = page.locator("main form button[type=submit]")
        else:
            visit(page, agenda_url)
            page.locator("#id_du").fill("2030-05-10")
            page.locator("#id_au").fill("2030-05-01")
            button = page.locator("form.filters button[type=submit]")
        with page.expect_navigation(wait_until="load") as navigation:
            button.click()
        submit = _read_failed_submit(page)
        submit.served = navigation.value.body()
        return submit


def _read_failed_submit(page: Page) -> FailedSubmit:
    invalid_ids = page.eval_on_selector_all("[aria-invalid=true]", "els => els.map(e => e.id)")
    return FailedSubmit(
        focused=page.evaluate("() => document.activeElement.id || document.activeElement.tagName"),
        title=page.title(),
        descriptions={box: _accessible_description(page, box) for box in invalid_ids},
        messages={box: _message_by(page, box) for box in invalid_ids},
        axe=run_axe(page),
    )


def _message_by(page: Page, element_id: str) -> str:
    """The error message printed in the field's own block, if any."""
    return page.eval_on_selector(
        f"#{element_id}",
        "el => (el.closest('.field')?.querySelector('.error')?.textContent || '').trim()",
    )


def _accessible_description(page: Page, element_id: str) -> str:
    """The description Chromium's accessibility tree gives the element: what a screen
    reader reads after its name and state."""
    session = page.context.new_cdp_session(page)
    try:
        root = session.send("DOM.getDocument")["root"]["nodeId"]
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": f"#{element_id}"})
        tree = session.send(
            "Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False}
        )
        return tree["nodes"][0].get("description", {}).get("value", "")
    finally:
        session.detach()


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_focus_goes_to_the_error_summary(failed_submits, form, language):
    assert failed_submits[form, language].focused == "erreurs"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_title_says_how_many_fields_to_correct(failed_submits, form, language):
    submit = failed_submits[form, language]
    count = len(submit.descriptions)

    assert count == (7 if form == "proposal" else 1)
    assert str(count) in submit.title.split(" – ")[0]
    if language == "fr":
        plural = "s" if count > 1 else ""
        assert submit.title.startswith(f"Erreur : {count} champ{plural} à corriger – ")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_invalid_field_is_described_by_the_message_shown_by_it(failed_submits, form, language):
    submit = failed_submits[form, language]

    assert submit.descriptions
    for box, description in submit.descriptions.items():
        assert submit.messages[box], f"no message by {box}"
        assert submit.messages[box] in description, box


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_axe_violation_after_a_failed_submit(failed_submits, form, language):
    assert failed_submits[form, language].axe == []


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_with_mistakes_is_valid_html(failed_submits, form, language):
    assert [m for m in failed_submits[form, language].html if m.is_error] == []
