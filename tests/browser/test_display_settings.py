"""The display settings of the header (text size, contrast, line spacing), with the keyboard
only, in headless Chromium: applied to <html>, kept in localStorage, never sent to the server.

The browser work happens once for the module and each test reads its part of the results, as
in test_pages.py. The module starts its own live server instead of using the `live_server`
fixture: a test that depends on that fixture runs on a transactional database that
pytest-django flushes afterwards, and test_pages.py, which runs after this module, would find
no demo town. The django_db mark makes pytest-django create the test database even when this
module runs alone; the demo town, committed by tests/conftest.py, is what the server reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request
from pytest_django.live_server_helper import LiveServer

from accessibility.axe import Violation, run_axe
from accessibility.browser import chromium, fresh_page, visit

MAX_TABS = 40  # from the top of the page to the "Affichage" summary, with room to spare

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@dataclass
class Visit:
    focused_summary: str = ""
    panel_open: bool = False
    text_attribute: str | None = None
    root_font_px: tuple[float, float] = (0.0, 0.0)  # before and after choosing "Grande"
    stored: str | None = None
    requests: list[str] = field(default_factory=list)  # while choosing
    after_reload_attribute: str | None = None
    after_reload_checked: str = ""
    after_reload_font_px: float = 0.0
    csp_errors: list[str] = field(default_factory=list)
    axe_default: list[Violation] = field(default_factory=list)
    axe_enhanced: list[Violation] = field(default_factory=list)


def _focused(page: Page, script: str) -> str:
    return page.evaluate(f"() => {{ const el = document.activeElement; return {script}; }}")


def _root_font_px(page: Page) -> float:
    return float(
        page.evaluate("() => getComputedStyle(document.documentElement).fontSize").removesuffix(
            "px"
        )
    )


def _open_with_keyboard(page: Page) -> str:
    """Tabs from the top of the page to the summary and opens it with Enter."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if _focused(page, "el.tagName") == "SUMMARY":
            break
    summary = _focused(page, "el.tagName === 'SUMMARY' ? el.textContent.trim() : ''")
    page.keyboard.press("Enter")
    return summary


def _choose_with_keyboard(page: Page, name: str, value: str) -> None:
    """From the focused summary or radio, Tab to the group, arrows to the value, then Space."""
    for _ in range(MAX_TABS):
        if _focused(page, "el.name") == name:
            break
        page.keyboard.press("Tab")
    for _ in range(5):
        if _focused(page, "el.value") == value:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")


@pytest.fixture(scope="module")
def display_visit(django_db_setup, django_db_blocker) -> Visit:
    result = Visit()
    with django_db_blocker.unblock():
        live_server = LiveServer("localhost")  # after the test database: see the docstring
        try:
            _visit(live_server.url, result)
        finally:
            live_server.stop()
    return result


def _visit(base_url: str, result: Visit) -> None:
    with chromium() as browser:
        # The real CSP: the script must work without any inline code.
        with fresh_page(browser) as page:

            def on_console(message: ConsoleMessage) -> None:
                if "Content Security Policy" in message.text:
                    result.csp_errors.append(message.text)

            def on_request(sent: Request) -> None:
                # Chromium fetches the favicon on its own, sometimes after the load event.
                if not sent.url.endswith("/favicon.svg"):
                    result.requests.append(sent.url)

            page.on("console", on_console)
            visit(page, base_url + "/")
            before = _root_font_px(page)
            page.on("request", on_request)
            result.focused_summary = _open_with_keyboard(page)
            result.panel_open = page.evaluate(
                "() => document.querySelector('details.display-settings').open"
            )
            _choose_with_keyboard(page, "text", "large")
            page.wait_for_timeout(100)  # anything the change would send has left by now
            result.text_attribute = page.evaluate(
                "() => document.documentElement.getAttribute('data-text')"
            )
            result.root_font_px = (before, _root_font_px(page))
            result.stored = page.evaluate("() => localStorage.getItem('commune-display')")
            page.remove_listener("request", on_request)

            page.reload(wait_until="load")
            result.after_reload_attribute = page.evaluate(
                "() => document.documentElement.getAttribute('data-text')"
            )
            result.after_reload_checked = page.evaluate(
                "() => document.querySelector('.display-settings input[name=text]:checked').value"
            )
            result.after_reload_font_px = _root_font_px(page)

        # axe-core is injected inline, hence a context that bypasses the CSP.
        with fresh_page(browser, bypass_csp=True) as page:
            visit(page, base_url + "/")
            _open_with_keyboard(page)
            result.axe_default = run_axe(page)
            for name, value in [("text", "x-large"), ("contrast", "high"), ("spacing", "wide")]:
                _choose_with_keyboard(page, name, value)
            result.axe_enhanced = run_axe(page)


def test_panel_opens_with_the_keyboard(display_visit):
    assert display_visit.focused_summary == "Affichage"
    assert display_visit.panel_open


def test_larger_text_is_applied_and_kept(display_visit):
    before, after = display_visit.root_font_px
    assert display_visit.text_attribute == "large"
    assert after > before
    assert display_visit.stored is not None and '"text":"large"' in display_visit.stored
    assert display_visit.after_reload_attribute == "large"
    assert display_visit.after_reload_checked == "large"
    assert display_visit.after_reload_font_px == after


def test_nothing_is_sent_to_the_server(display_visit):
    assert display_visit.requests == []


def test_no_csp_violation(display_visit):
    assert display_visit.csp_errors == []


def test_no_axe_violation_with_the_panel_open(display_visit):
    assert display_visit.axe_default == []
    assert display_visit.axe_enhanced == []
