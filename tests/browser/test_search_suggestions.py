"""The search suggestions (RGAA 7.1 and 10.7), with the keyboard only, in headless Chromium,
in French and in English, in the header's box and on the search page: an ARIA combobox whose
list floats over the page without bullets, whose chosen option looks chosen by more than a
tint, whose number of options is announced, and which Escape closes without losing the text.

As in test_keyboard.py, the browser work happens once for the module on a live server of its
own, and each test reads its part of the results.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from accessibility.browser import chromium, fresh_page, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = ("fr", "en")
BOXES = {"header": "#site-search-q", "search page": "#recherche-q"}
QUERIES = {"fr": "piscine", "en": "swimming pool"}
LISTBOX = "[role=listbox]:not([hidden])"

# What the chosen option and an unchosen one look like, and whether the chosen one differs
# by something other than colour.
_LOOKS = """() => {
  const look = (el) => {
    const s = getComputedStyle(el);
    return {outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
            underline: s.textDecorationLine.includes("underline"), background: s.backgroundColor};
  };
  return [look(document.querySelector("[role=option][aria-selected=true]")),
          look(document.querySelector("[role=option][aria-selected=false]"))];
}"""


@dataclass
class Suggestions:
    """The combobox of one search box in one language, as the keyboard user meets it."""

    combobox: dict[str, str | None] = field(default_factory=dict)  # ARIA attributes of the box
    listbox_named: int = 0  # listboxes named "Suggestions"
    options: list[str] = field(default_factory=list)
    announced: str = ""
    list_style: dict[str, str] = field(default_factory=dict)
    header_height: tuple[float, float] = (0.0, 0.0)  # before and with the list open
    list_below_box: bool = False
    selected: list[str] = field(default_factory=list)  # aria-selected of each option
    active_descendant_is_chosen: bool = False
    looks: list[dict] = field(default_factory=list)  # chosen, unchosen
    after_escape: dict = field(default_factory=dict)
    chosen: str = ""
    title_after_enter: str = ""
    path_after_enter: str = ""


def _start_urls() -> dict[tuple[str, str], str]:
    """The page of each box, per language: the home for the header, the empty search page."""
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            urls["header", language] = reverse("wagtail_serve", args=[""])
            urls["search page", language] = reverse("search")
    return urls


@pytest.fixture(scope="module")
def suggestions(django_db_setup, django_db_blocker, meilisearch_server) -> dict:
    results: dict[tuple[str, str], Suggestions] = {}
    with django_db_blocker.unblock():
        call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
        urls = _start_urls()
        live_server = LiveServer("localhost")
        try:
            with chromium() as browser:
                for (box, language), path in urls.items():
                    results[box, language] = _use(browser, live_server.url + path, box, language)
        finally:
            live_server.stop()
    return results


def _use(browser, url: str, box: str, language: str) -> Suggestions:
    result = Suggestions()
    with fresh_page(browser) as page:  # the real CSP: no inline script needed
        visit(page, url)
        header_before = page.locator("header.site-header").bounding_box()["height"]
        page.focus(BOXES[box])
        page.keyboard.type(QUERIES[language])
        page.locator(LISTBOX + " [role=option]").first.wait_for(state="visible")
        result.header_height = (header_before, page.locator("header").bounding_box()["height"])
        result.combobox = page.eval_on_selector(
            BOXES[box],
            """el => Object.fromEntries(["role", "aria-expanded", "aria-controls",
                 "aria-autocomplete"].map(name => [name, el.getAttribute(name)]))""",
        )
        result.listbox_named = page.get_by_role("listbox", name="Suggestions").count()
        result.options = [o.inner_text() for o in page.locator(LISTBOX + " [role=option]").all()]
        result.announced = page.evaluate(
            "() => document.getElementById('suggestions-status')?.textContent ?? ''"
        )
        result.list_style = page.eval_on_selector(
            LISTBOX,
            "el => ({position: getComputedStyle(el).position, bullets: getComputedStyle(el)"
            ".listStyleType, controlled: el.id === document.activeElement"
            ".getAttribute('aria-controls') ? 'yes' : 'no'})",
        )
        box_rect = page.locator(BOXES[box]).bounding_box()
        list_rect = page.locator(LISTBOX).bounding_box()
        result.list_below_box = list_rect["y"] >= box_rect["y"] + box_rect["height"] - 1

        page.keyboard.press("ArrowDown")
        result.selected = page.eval_on_selector_all(
            LISTBOX + " [role=option]", "els => els.map(e => e.getAttribute('aria-selected'))"
        )
        result.active_descendant_is_chosen = page.evaluate(
            "() => document.getElementById(document.activeElement"
            ".getAttribute('aria-activedescendant'))?.getAttribute('aria-selected') === 'true'"
        )
        result.looks = page.evaluate(_LOOKS)

        page.keyboard.press("Escape")
        result.after_escape = page.eval_on_selector(
            BOXES[box],
            "el => ({value: el.value, expanded: el.getAttribute('aria-expanded'), "
            "listShown: !!document.querySelector('" + LISTBOX + "'), "
            "focused: document.activeElement === el})",
        )
        _choose_first_and_open(page, result)
    return result


def _choose_first_and_open(page: Page, result: Suggestions) -> None:
    """Types once more to bring the list back, then ArrowDown and Enter."""
    page.keyboard.type(" ")
    page.keyboard.press("Backspace")
    page.locator(LISTBOX + " [role=option]").first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    result.chosen = page.locator("[role=option][aria-selected=true]").evaluate(
        "el => el.firstChild.textContent"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    result.title_after_enter = page.locator("h1").inner_text().strip()
    result.path_after_enter = urlsplit(page.url).path


CASES = [(box, language) for box in BOXES for language in LANGUAGES]


@pytest.mark.parametrize(("box", "language"), CASES)
def test_the_box_is_a_combobox_controlling_a_named_listbox(suggestions, box, language):
    result = suggestions[box, language]
    assert result.combobox["role"] == "combobox"
    assert result.combobox["aria-expanded"] == "true"
    assert result.combobox["aria-autocomplete"] == "list"
    assert result.list_style["controlled"] == "yes"
    assert result.listbox_named == 1


@pytest.mark.parametrize(("box", "language"), CASES)
def test_the_number_of_suggestions_is_announced(suggestions, box, language):
    result = suggestions[box, language]
    assert len(result.options) > 1
    assert result.announced == f"{len(result.options)} suggestions"


@pytest.mark.parametrize(("box", "language"), CASES)
def test_the_list_floats_under_the_box_without_bullets(suggestions, box, language):
    result = suggestions[box, language]
    before, open_ = result.header_height
    assert result.list_style["position"] == "absolute"
    assert result.list_style["bullets"] == "none"
    assert open_ == before
    assert result.list_below_box


@pytest.mark.parametrize(("box", "language"), CASES)
def test_the_chosen_option_looks_chosen_not_only_by_colour(suggestions, box, language):
    result = suggestions[box, language]
    chosen, other = result.looks
    assert result.selected[0] == "true"
    assert set(result.selected[1:]) == {"false"}
    assert result.active_descendant_is_chosen
    assert chosen["outline"] and not other["outline"]
    assert chosen["underline"] and not other["underline"]
    assert chosen["background"] != other["background"]


@pytest.mark.parametrize(("box", "language"), CASES)
def test_escape_closes_the_list_and_keeps_the_text(suggestions, box, language):
    assert suggestions[box, language].after_escape == {
        "value": QUERIES[language],
        "expanded": "false",
        "listShown": False,
        "focused": True,
    }


@pytest.mark.parametrize(("box", "language"), CASES)
def test_enter_opens_the_chosen_suggestion(suggestions, box, language):
    result = suggestions[box, language]
    assert result.chosen == result.options[0].split(" – ")[0]
    assert result.title_after_enter == result.chosen
