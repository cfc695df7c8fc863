"""Keyboard only, in headless Chromium: the main menu (a disclosure on small screens) and the
search form with its suggestions, as a resident who does not use a mouse gets them, and a
visible focus on every stop of the header.

As in test_display_settings.py, the browser work happens once for the module on a live
server of its own, and each test reads its part of the results.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, ViewportSize
from pytest_django.live_server_helper import LiveServer

from accessibility.browser import chromium, fresh_page, visit

MAX_TABS = 40
PHONE = ViewportSize(width=375, height=800)
MENU_LINKS = "nav.main-nav a"

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@dataclass
class KeyboardVisit:
    # Small screen: the menu is a closed disclosure until opened with the keyboard.
    menu_links_visible_before: int = 0
    menu_links_visible_without_script: int = 0
    menu_summary: str = ""
    menu_links_visible_after: int = 0
    first_menu_link: str = ""
    path_after_menu_link: str = ""
    # Wide screen: the list is shown and its links are reached with Tab.
    wide_menu_links_visible: int = 0
    wide_summary_focusable: bool = True
    header_stops: list[tuple[str, bool]] = field(default_factory=list)  # (element, has outline)
    # Search, without choosing a suggestion: Enter submits the form.
    search_path: str = ""
    search_query: list[str] = field(default_factory=list)
    search_status: str = ""
    # Search through the suggestions: arrow down, then Enter.
    suggestions: list[str] = field(default_factory=list)
    chosen_suggestion: str = ""
    path_after_suggestion: str = ""
    title_after_suggestion: str = ""


def _focused(page: Page, script: str):
    return page.evaluate(f"() => {{ const el = document.activeElement; return {script}; }}")


def _tab_until(page: Page, condition: str) -> bool:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if _focused(page, condition):
            return True
    return False


def _visible_count(page: Page, selector: str) -> int:
    return sum(1 for link in page.locator(selector).all() if link.is_visible())


@pytest.fixture(scope="module")
def keyboard_visit(django_db_setup, django_db_blocker, meilisearch_server) -> KeyboardVisit:
    result = KeyboardVisit()
    with django_db_blocker.unblock():
        call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
        live_server = LiveServer("localhost")
        try:
            with chromium() as browser:
                _menu_on_a_phone(browser, live_server.url, result)
                _menu_without_javascript(browser, live_server.url, result)
                _menu_on_a_wide_screen(browser, live_server.url, result)
                _search_with_enter(browser, live_server.url, result)
                _search_with_suggestions(browser, live_server.url, result)
        finally:
            live_server.stop()
    return result


def _menu_on_a_phone(browser, base_url: str, result: KeyboardVisit) -> None:
    with fresh_page(browser) as page:
        page.set_viewport_size(PHONE)
        visit(page, base_url + "/")
        result.menu_links_visible_before = _visible_count(page, MENU_LINKS)
        _tab_until(page, "el.tagName === 'SUMMARY' && !!el.closest('nav.main-nav')")
        result.menu_summary = _focused(page, "el.textContent.trim()")
        page.keyboard.press("Enter")
        result.menu_links_visible_after = _visible_count(page, MENU_LINKS)
        page.keyboard.press("Tab")
        result.first_menu_link = _focused(page, "el.textContent.trim()")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        result.path_after_menu_link = urlsplit(page.url).path


def _menu_without_javascript(browser, base_url: str, result: KeyboardVisit) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        visit(page, base_url + "/")
        result.menu_links_visible_without_script = _visible_count(page, MENU_LINKS)
    finally:
        context.close()


def _menu_on_a_wide_screen(browser, base_url: str, result: KeyboardVisit) -> None:
    with fresh_page(browser) as page:
        visit(page, base_url + "/")
        result.wide_menu_links_visible = _visible_count(page, MENU_LINKS)
        # Every stop from the top of the page to the first menu link, with its focus style.
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            stop = _focused(
                page,
                "[el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + "
                "(el.textContent || el.value || '').trim().slice(0, 30), "
                "getComputedStyle(el).outlineStyle !== 'none' && "
                "parseFloat(getComputedStyle(el).outlineWidth) >= 2]",
            )
            result.header_stops.append(tuple(stop))
            if _focused(page, "el.tagName === 'SUMMARY' && !!el.closest('nav.main-nav')"):
                result.wide_summary_focusable = True
                break
            if _focused(page, "!!el.closest('nav.main-nav')"):
                result.wide_summary_focusable = False
                break


def _search_with_enter(browser, base_url: str, result: KeyboardVisit) -> None:
    with fresh_page(browser) as page:
        visit(page, base_url + "/")
        _tab_until(page, "el.id === 'site-search-q'")
        page.keyboard.type("horaires mediatheque")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        url = urlsplit(page.url)
        result.search_path = url.path
        result.search_query = parse_qs(url.query).get("q", [])
        result.search_status = page.locator("[role=status]").first.inner_text().strip()


def _search_with_suggestions(browser, base_url: str, result: KeyboardVisit) -> None:
    with fresh_page(browser) as page:
        visit(page, base_url + "/")
        _tab_until(page, "el.id === 'site-search-q'")
        page.keyboard.type("piscine")
        page.locator("[role=option]").first.wait_for(state="visible")
        result.suggestions = [option.inner_text() for option in page.locator("[role=option]").all()]
        page.keyboard.press("ArrowDown")
        result.chosen_suggestion = page.evaluate(
            "() => document.getElementById("
            "document.activeElement.getAttribute('aria-activedescendant')).firstChild.textContent"
        )
        with page.expect_navigation():
            page.keyboard.press("Enter")
        result.path_after_suggestion = urlsplit(page.url).path
        result.title_after_suggestion = page.locator("h1").inner_text().strip()


def test_phone_menu_is_a_closed_disclosure_that_opens_with_enter(keyboard_visit):
    assert keyboard_visit.menu_links_visible_before == 0
    assert keyboard_visit.menu_summary == "Menu"
    assert keyboard_visit.menu_links_visible_after >= 6


def test_without_javascript_the_phone_menu_is_open(keyboard_visit):
    assert keyboard_visit.menu_links_visible_without_script >= 6


def test_menu_links_are_followed_with_the_keyboard(keyboard_visit):
    assert keyboard_visit.first_menu_link == "Mairie et citoyenneté"
    assert keyboard_visit.path_after_menu_link == "/mairie/"


def test_wide_screen_shows_the_menu_without_a_button(keyboard_visit):
    assert keyboard_visit.wide_menu_links_visible >= 6
    assert keyboard_visit.wide_summary_focusable is False


def test_every_header_stop_has_a_visible_focus(keyboard_visit):
    stops = keyboard_visit.header_stops
    assert any(stop.startswith("input#site-search-q") for stop, _ in stops)
    assert [stop for stop, outlined in stops if not outlined] == []


def test_search_form_submits_with_enter(keyboard_visit):
    assert keyboard_visit.search_path == "/recherche/"
    assert keyboard_visit.search_query == ["horaires mediatheque"]
    assert "résultat" in keyboard_visit.search_status


def test_a_suggestion_is_chosen_with_arrows_and_enter(keyboard_visit):
    assert keyboard_visit.suggestions, "no suggestion appeared"
    assert keyboard_visit.chosen_suggestion == keyboard_visit.suggestions[0].split(" – ")[0]
    assert keyboard_visit.path_after_suggestion != "/"
    assert keyboard_visit.title_after_suggestion == keyboard_visit.chosen_suggestion
