"""The states a first visit never shows, in headless Chromium, in French and in English
(issue 18): axe-core and the keyboard checks with the suggestion list open and an option
chosen, with the "Affichage" panel open, in dark and forced-colours modes, at 320 and 640 px
(200 % zoom of 1280), and after a failed submit of each public form; the reflow check (WCAG
1.4.10: nothing sticks out of a 320 px viewport, the panel open included), the text-spacing
check (WCAG 1.4.12: no text clipped under the bookmarklet's spacing), and the panel's own
behaviour (RGAA 10.4, 10.7, 10.11): inside the viewport at every width, closed when the focus
leaves it or on Escape, never over the focused menu link.

As in test_keyboard.py, one browser does all the work once for the module on a live server of
its own, and each test reads its part of the results.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, ViewportSize
from pytest_django.live_server_helper import LiveServer

from accessibility.axe import run_axe
from accessibility.browser import chromium, fresh_page, visit
from accessibility.pages import SEARCH_QUERIES, page_targets

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = ("fr", "en")
WIDE = ViewportSize(width=1280, height=800)
ZOOMED = ViewportSize(width=640, height=800)  # 1280 px at 200 %
NARROW = ViewportSize(width=320, height=640)
WIDTHS = {"1280px": WIDE, "640px": ZOOMED, "320px": NARROW}
# The page types of the manual audit, as accessibility.pages labels them.
AUDITED = [
    "home",
    "procedure",
    "event index",
    "search results",
    "place",
    "publication page",
    "accessibility statement",
]
# Fewer pages for the states that change the whole page alike: the home, and the agenda
# for its form and native date fields; at 640 px the two pages the issue saw overflow.
FEW = {"dark": ["home", "event index"], "forced colors": ["home", "event index"]}
FEW.update({"320px": FEW["dark"], "640px": ["search results", "publication page"]})
FORMS = ["event proposal form", "contact form", "newsletter sign-up", "agenda filters"]
STATES = ["suggestions", "display panel", "dark", "forced colors", "320px", "640px"] + [
    f"{form} errors" for form in FORMS
]
TAB_STOPS = 20
PANEL = "details.display-settings"

# A short name for an element in the messages: tag, id, classes, start of its text.
_DESCRIBE = """const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
  (typeof el.className === "string" && el.className
    ? "." + el.className.trim().split(/\\s+/).join(".") : "") +
  " «" + (el.textContent || "").trim().slice(0, 25) + "»";"""

# What is wrong with the focused element: no visible outline, outside the viewport, or covered
# by another element at its centre. Empty when nothing is.
_FOCUS_PROBLEM = f"""() => {{
  {_DESCRIBE}
  const el = document.activeElement;
  // The focus inside a date box's calendar button, which Chromium outlines itself.
  if (!el || el === document.body || !el.matches(":focus")) return "";
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2)
    return describe(el) + ": no visible focus";
  if (!box.width || !box.height) return describe(el) + ": focused but not shown";
  if (box.left < -1 || box.right > innerWidth + 1) return describe(el) + ": outside the viewport";
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const labelled = [...(el.labels || [])].some((label) => label.contains(top));
  if (top && !el.contains(top) && !top.contains(el) && !labelled)
    return describe(el) + ": covered by " + describe(top);
  return "";
}}"""

# WCAG 1.4.10: elements that stick out of the viewport horizontally, and the document's width.
# Off-screen by design (skip links, visually hidden text, the honeypot) is left out, and so is
# what scrolls inside a box of its own (a wide table), which the criterion allows.
_REFLOW = f"""() => {{
  {_DESCRIBE}
  const width = document.documentElement.clientWidth, out = [];
  const scrollsInside = (el) => {{
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
      if (getComputedStyle(up).overflowX !== "visible") return true;
    return false;
  }};
  for (const el of document.body.querySelectorAll("*")) {{
    if (el.closest(".visually-hidden, .skip-link, .hp") || scrollsInside(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width && box.height && (box.left < -1 || box.right > width + 1))
      out.push(describe(el) + " from " + Math.round(box.left) + " to " + Math.round(box.right));
  }}
  return {{scrollWidth: document.documentElement.scrollWidth, outside: out}};
}}"""

# WCAG 1.4.12, the bookmarklet's overrides.
_TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""
_CLIPPED = f"""() => {{
  {_DESCRIBE}
  const clips = (value) => value === "hidden" || value === "clip";
  return [...document.body.querySelectorAll("*")].filter((el) => {{
    if (el.closest(".visually-hidden, .hp")) return false;
    const style = getComputedStyle(el);
    return (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1) ||
      (clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1);
  }}).map(describe);
}}"""

# The open panel's box, and each label that does not fit in it or in the viewport.
_PANEL_FIT = """() => {
  const form = document.querySelector(".display-settings .display-form");
  const box = form.getBoundingClientRect(), width = document.documentElement.clientWidth;
  const cut = [...form.querySelectorAll("label, legend, .hint")].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.left < box.left - 1 || r.right > box.right + 1 || r.left < -1 ||
      r.right > width + 1 || el.scrollWidth > el.clientWidth + 1;
  }).map((el) => el.textContent.trim());
  return {left: box.left, right: box.right, width: width, cut: cut};
}"""


@dataclass
class PanelVisit:
    """The display panel opened with the keyboard at one width."""

    fit: dict = field(default_factory=dict)
    reflow: dict = field(default_factory=dict)
    open_after_leaving: bool = True
    first_stop_after_panel: str = ""
    open_after_escape: bool = True
    focus_after_escape: str = ""
    open_after_click_inside: bool = False


@dataclass
class Results:
    axe: dict = field(default_factory=lambda: defaultdict(list))  # (state, lang, page): rules
    keyboard: dict = field(default_factory=lambda: defaultdict(list))  # (state, lang, page)
    reflow: dict = field(default_factory=dict)  # (lang, page): {scrollWidth, outside}
    clipped: dict = field(default_factory=dict)  # (lang, page): elements
    panels: dict = field(default_factory=dict)  # (lang, width): PanelVisit
    visited: set = field(default_factory=set)  # (state, lang, page)


def _paths() -> dict[tuple[str, str], str]:
    """(language, page type): path, for the audited pages, the forms and the agenda."""
    paths = {(t.language, t.page_type): t.path for t in page_targets().targets}
    for language in LANGUAGES:
        with translation.override(language):
            paths[language, "newsletter sign-up"] = reverse("newsletters:signup")
        paths[language, "agenda filters"] = paths[language, "event index"]
    return paths


@pytest.fixture(scope="module")
def states(django_db_setup, django_db_blocker, meilisearch_server) -> Results:
    results = Results()
    with django_db_blocker.unblock():
        call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
        paths = _paths()  # before Playwright, whose event loop forbids ORM calls
        live_server = LiveServer("localhost")
        try:
            with chromium() as browser:
                for language in LANGUAGES:
                    url = {page: live_server.url + paths[language, page] for page in AUDITED}
                    url.update({f: live_server.url + paths[language, f] for f in FORMS})
                    _suggestions(browser, url["home"], language, results)
                    for name, size in WIDTHS.items():
                        results.panels[language, name] = _panel(
                            browser, url["home"], size, language, results
                        )
                    _modes(browser, url, language, results)
                    _widths(browser, url, language, results)
                    _text_spacing(browser, url, language, results)
                    for form in FORMS:
                        _failed_submit(browser, url[form], form, language, results)
        finally:
            live_server.stop()
    return results


def _check(page: Page, results: Results, key: tuple[str, str, str], stops: int) -> None:
    """axe-core on the page as it is, then the focus problems of the next `stops` Tabs."""
    results.visited.add(key)
    results.axe[key] = [v.rule + " " + ", ".join(v.targets) for v in run_axe(page)]
    for _ in range(stops):
        page.keyboard.press("Tab")
        problem = page.evaluate(_FOCUS_PROBLEM)
        if problem:
            results.keyboard[key].append(problem)


def _tab_to(page: Page, condition: str) -> None:
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {condition}; }}"):
            return
    raise AssertionError(f"no stop where {condition}")


def _suggestions(browser: Browser, home: str, language: str, results: Results) -> None:
    """The header's list open with its first option chosen: axe, and the focused box and the
    chosen option in view and uncovered (a Tab would close the list)."""
    key = ("suggestions", language, "home")
    with fresh_page(browser, bypass_csp=True) as page:
        page.set_viewport_size(WIDE)
        visit(page, home)
        page.focus("#site-search-q")
        page.keyboard.type(SEARCH_QUERIES[language])
        page.locator("[role=option]").first.wait_for(state="visible")
        page.keyboard.press("ArrowDown")
        results.visited.add(key)
        results.axe[key] = [v.rule for v in run_axe(page)]
        problem = page.evaluate(_FOCUS_PROBLEM)
        chosen = page.locator("[role=option][aria-selected=true]")
        box = chosen.bounding_box()
        on_top = page.evaluate(
            "([x, y]) => !!document.elementFromPoint(x, y)?.closest('[aria-selected=true]')",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        results.keyboard[key] = [p for p in [problem, "" if on_top else "option covered"] if p]


def _panel(
    browser: Browser, home: str, size: ViewportSize, language: str, results: Results
) -> PanelVisit:
    """The panel opened with the keyboard: where it lies, axe and the keyboard checks from its
    summary on, then Escape and a click on its text."""
    width = f"{size['width']}px"
    panel = PanelVisit()
    with fresh_page(browser, bypass_csp=True) as page:
        page.set_viewport_size(size)
        visit(page, home)
        _tab_to(page, "el.tagName === 'SUMMARY' && !!el.closest('.display-settings')")
        page.keyboard.press("Enter")
        panel.fit = page.evaluate(_PANEL_FIT)
        panel.reflow = page.evaluate(_REFLOW)
        # Through its three groups of radios, then out of it.
        _check(page, results, ("display panel", language, f"home at {width}"), 4)
        panel.open_after_leaving = page.eval_on_selector(PANEL, "el => el.open")
        panel.first_stop_after_panel = page.evaluate(
            "() => document.activeElement.closest('nav.main-nav') ? 'menu' : "
            "document.activeElement.tagName"
        )
        page.focus(PANEL + " summary")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")
        panel.open_after_escape = page.eval_on_selector(PANEL, "el => el.open")
        panel.focus_after_escape = page.evaluate("() => document.activeElement.textContent.trim()")
        page.eval_on_selector(PANEL, "el => { el.open = true; }")
        page.click(PANEL + " .hint")
        panel.open_after_click_inside = page.eval_on_selector(PANEL, "el => el.open")
    return panel


def _modes(browser: Browser, url: dict[str, str], language: str, results: Results) -> None:
    modes = [("dark", {"color_scheme": "dark"}), ("forced colors", {"forced_colors": "active"})]
    for state, media in modes:
        with fresh_page(browser, bypass_csp=True) as page:
            page.set_viewport_size(WIDE)
            page.emulate_media(**media)
            for name in FEW[state]:
                visit(page, url[name])
                _check(page, results, (state, language, name), TAB_STOPS)


def _widths(browser: Browser, url: dict[str, str], language: str, results: Results) -> None:
    """axe and the keyboard at 320 and 640 px; the reflow check on every audited page."""
    for state, size in [("320px", NARROW), ("640px", ZOOMED)]:
        with fresh_page(browser, bypass_csp=True) as page:
            page.set_viewport_size(size)
            for name in AUDITED if state == "320px" else FEW[state]:
                visit(page, url[name])
                if state == "320px":
                    results.reflow[language, name] = page.evaluate(_REFLOW)
                if name in FEW[state]:
                    _check(page, results, (state, language, name), TAB_STOPS)


def _text_spacing(browser: Browser, url: dict[str, str], language: str, results: Results) -> None:
    with fresh_page(browser, bypass_csp=True) as page:  # the overrides are an inline style
        page.set_viewport_size(WIDE)
        for name in AUDITED:
            visit(page, url[name])
            page.add_style_tag(content=_TEXT_SPACING)
            results.clipped[language, name] = page.evaluate(_CLIPPED)


def _failed_submit(browser: Browser, url: str, form: str, language: str, results: Results) -> None:
    """The form sent with mistakes (empty, a past date, or a period that ends before it
    starts): axe, and the keyboard from the error summary, which has the focus."""
    with fresh_page(browser, bypass_csp=True) as page:
        page.set_viewport_size(WIDE)
        visit(page, url)
        if form == "event proposal form":
            page.locator("#id_date").fill("2001-01-01")
        if form == "agenda filters":
            page.locator("#id_du").fill("2030-05-10")
            page.locator("#id_au").fill("2030-05-01")
            button = page.locator("form.filters button[type=submit]")
        else:
            button = page.locator("main form button[type=submit]").first
        with page.expect_navigation(wait_until="load"):
            button.click()
        assert page.locator(".error-summary").count() == 1, f"{form}: no error shown"
        _check(page, results, (f"{form} errors", language, form), TAB_STOPS)


def _in_state(found: dict, state: str) -> dict:
    return {key: value for key, value in found.items() if key[0] == state and value}


@pytest.mark.parametrize("state", STATES)
def test_no_axe_violation_in_the_state(states, state):
    assert {key for key in states.visited if key[0] == state}, "state not visited"
    assert _in_state(states.axe, state) == {}


@pytest.mark.parametrize("state", STATES)
def test_every_focus_is_visible_in_view_and_uncovered_in_the_state(states, state):
    assert _in_state(states.keyboard, state) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_sticks_out_of_a_320px_viewport(states, language):
    pages = {page: found for (lang, page), found in states.reflow.items() if lang == language}
    pages["home, panel open"] = states.panels[language, "320px"].reflow
    assert len(pages) == len(AUDITED) + 1
    assert {page: found for page, found in pages.items() if found["outside"]} == {}
    assert {page: found["scrollWidth"] for page, found in pages.items()} == dict.fromkeys(
        pages, NARROW["width"]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_text_spacing_clips_no_text(states, language):
    pages = {page: found for (lang, page), found in states.clipped.items() if lang == language}
    assert set(pages) == set(AUDITED)
    assert {page: found for page, found in pages.items() if found} == {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_display_panel_opens_inside_the_viewport(states, language, width):
    fit = states.panels[language, width].fit
    assert fit["left"] >= 0
    assert fit["right"] <= fit["width"]
    assert fit["cut"] == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_display_panel_closes_when_the_focus_leaves_it(states, language, width):
    panel = states.panels[language, width]
    assert not panel.open_after_leaving
    assert panel.open_after_click_inside


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_display_panel_never_covers_the_focused_menu_link(states, language):
    assert states.panels[language, "1280px"].first_stop_after_panel == "menu"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_escape_closes_the_display_panel_and_focuses_its_button(states, language, width):
    panel = states.panels[language, width]
    assert not panel.open_after_escape
    assert panel.focus_after_escape == ("Affichage" if language == "fr" else "Display")
