"""The site's colour scheme as the browser uses it, in headless Chromium (RGAA 3.2 / 3.3):
the page declares that it follows the light or dark preference, so that native controls
(date and time pickers, scrollbars) are drawn for the dark background too, and placeholder
text keeps a 4.5:1 contrast in every display mode: light, dark, and the "Renforcé" contrast
of the display settings over each.

As in test_display_settings.py, the module starts its own live server once and each test
reads its part of the results (see that module's docstring for why).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pytest
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from accessibility.browser import chromium, fresh_page, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

Scheme = Literal["light", "dark"]
MODES: list[tuple[Scheme, bool]] = [
    ("light", False),
    ("dark", False),
    ("light", True),
    ("dark", True),
]
MIN_TEXT_CONTRAST = 4.5
DISPLAY_KEY = "commune-display"  # js/header.js keeps the display settings there

# The placeholder's colour and opacity over the background the search box is drawn on (the
# first opaque one from the box up), as [r, g, b, alpha] in 0-255 / 0-1.
_PLACEHOLDER_COLOURS = """() => {
  const box = document.querySelector("#site-search-q");
  const rgba = (text) => {
    const parts = text.match(/[\\d.]+/g).map(Number);
    return parts.length === 4 ? parts : [...parts, 1];
  };
  const placeholder = getComputedStyle(box, "::placeholder");
  const text = rgba(placeholder.color);
  text[3] *= Number(placeholder.opacity);
  let element = box, background = [0, 0, 0, 0];
  while (element && background[3] === 0) {
    background = rgba(getComputedStyle(element).backgroundColor);
    element = element.parentElement;
  }
  if (background[3] === 0) background = [255, 255, 255, 1];  // the canvas
  return {text, background};
}"""


@dataclass
class Visit:
    color_scheme: dict[Scheme, str] = field(default_factory=dict)
    placeholder_contrast: dict[str, float] = field(default_factory=dict)


def _luminance(rgb: list[float]) -> float:
    """WCAG 2.x relative luminance of an sRGB colour in 0-255."""
    srgb = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in srgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(text: list[float], background: list[float]) -> float:
    """WCAG contrast of `text` ([r, g, b, alpha]) blended over an opaque `background`."""
    alpha = text[3]
    shown = [alpha * t + (1 - alpha) * b for t, b in zip(text[:3], background[:3], strict=True)]
    lighter, darker = sorted((_luminance(shown), _luminance(background[:3])), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _mode_name(scheme: Scheme, high_contrast: bool) -> str:
    return f"{scheme}{' high contrast' if high_contrast else ''}"


def _placeholder_contrast(page: Page) -> float:
    colours = page.evaluate(_PLACEHOLDER_COLOURS)
    return contrast_ratio(colours["text"], colours["background"])


@pytest.fixture(scope="module")
def scheme_visit(django_db_setup, django_db_blocker) -> Visit:
    result = Visit()
    with django_db_blocker.unblock():
        live_server = LiveServer("localhost")  # after the test database: see the docstring
        try:
            _visit(live_server.url + "/", result)
        finally:
            live_server.stop()
    return result


def _visit(url: str, result: Visit) -> None:
    with chromium() as browser, fresh_page(browser) as page:
        visit(page, url)
        for scheme, high_contrast in MODES:
            page.emulate_media(color_scheme=scheme)
            contrast = '{"contrast":"high"}' if high_contrast else "{}"
            page.evaluate(f"() => localStorage.setItem('{DISPLAY_KEY}', '{contrast}')")
            page.reload(wait_until="load")
            name = _mode_name(scheme, high_contrast)
            result.placeholder_contrast[name] = _placeholder_contrast(page)
            if not high_contrast:
                result.color_scheme[scheme] = page.evaluate(
                    "() => getComputedStyle(document.documentElement).colorScheme"
                )


def test_the_page_declares_both_colour_schemes(scheme_visit):
    """Native controls follow the dark preference only when the page says it supports it."""
    assert "dark" in scheme_visit.color_scheme["dark"].split()
    assert "light" in scheme_visit.color_scheme["light"].split()


@pytest.mark.parametrize("mode", [_mode_name(*mode) for mode in MODES])
def test_placeholder_text_has_enough_contrast(scheme_visit, mode):
    assert scheme_visit.placeholder_contrast[mode] >= MIN_TEXT_CONTRAST


def test_the_contrast_formula_matches_wcag():
    """Black on white is 21:1; #767676 on white is the well-known 4.54:1."""
    white = [255, 255, 255, 1]
    assert contrast_ratio([0, 0, 0, 1], white) == pytest.approx(21)
    assert contrast_ratio([118, 118, 118, 1], white) == pytest.approx(4.54, abs=0.01)
