"""Headless Chromium from Debian, driven by Playwright's sync API.

Playwright's own browser builds are never downloaded: the project installs Debian's
`chromium` (scripts/setup.sh) and Playwright launches that binary.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    # Runs as root in containers, where Chromium's sandbox cannot start.
    "--no-sandbox",
    "--disable-gpu",
    # No update checks, field trials or component downloads: only the site's own requests
    # should reach the network, and they are what the budget counts.
    "--disable-background-networking",
    "--disable-component-update",
]
# The window EcoIndex's reference scraper measures with.
DESKTOP = ViewportSize(width=1920, height=1080)
NAVIGATION_TIMEOUT_MS = 30_000


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium for the duration of the block."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def fresh_page(browser: Browser, *, bypass_csp: bool = False) -> Iterator[Page]:
    """A tab in a context of its own: empty cache, no cookies, so each visit is a first one."""
    context = browser.new_context(viewport=DESKTOP, bypass_csp=bypass_csp)
    context.set_default_timeout(NAVIGATION_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


class PageLoadError(Exception):
    """The page answered with an HTTP error or not at all."""


def visit(page: Page, url: str) -> None:
    """Opens the URL and waits for its load event; an error status is a failure, not a page
    to audit (axe would happily find no violation on a 500 page)."""
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        status = response.status if response is not None else "no response"
        raise PageLoadError(f"HTTP {status} for {url}")


def error_summary(error: Exception) -> str:
    """The first line of an error's message (Playwright's run to many), or its type."""
    message = str(error)
    return message.splitlines()[0] if message.strip() else type(error).__name__
