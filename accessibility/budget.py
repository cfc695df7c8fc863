"""Eco-design budgets (budgets.py), measured on a first visit in headless Chromium.

Per page: bytes transferred (Chrome's `encodedDataLength`: headers and body as they crossed
the wire, compressed if the server compressed), requests, DOM elements, and the EcoIndex
(https://www.ecoindex.fr) computed by `ecoindex-compute`, the package of the EcoIndex
maintainers (cnumr/ecoindex_python). The visit follows EcoIndex's reference scraper: a
1920×1080 window, the page loaded, then scrolled to the bottom so lazy images count too.
Sizes are in kB of 1,000 bytes, EcoIndex's unit.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ecoindex.compute import get_grade, get_score
from playwright.sync_api import Browser, CDPSession, Page
from playwright.sync_api import Error as PlaywrightError

from .browser import PageLoadError, error_summary, fresh_page, visit
from .budgets import HOME_BUDGET, PAGE_BUDGET, Budget
from .pages import PageTarget

QUIET_SECONDS = 0.5  # no request in flight for this long: the page is done loading
SETTLE_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class Measurement:
    transferred_bytes: int
    requests: int
    dom_elements: int

    @property
    def kb(self) -> float:
        return self.transferred_bytes / 1000


@dataclass
class BudgetResult:
    target: PageTarget
    measurement: Measurement | None = None
    ecoindex: float = 0.0
    grade: str = ""
    failures: list[str] = field(default_factory=list)  # the budgets this page exceeds
    error: str = ""  # the page could not be measured

    @property
    def failed(self) -> bool:
        return bool(self.failures or self.error)


def budget_for(target: PageTarget) -> Budget:
    return HOME_BUDGET if target.page_type == "home" else PAGE_BUDGET


def measure_pages(browser: Browser, base_url: str, targets: list[PageTarget]) -> list[BudgetResult]:
    """Each page measured on a first visit (fresh context, empty cache) and judged."""
    return [measure_and_judge(browser, base_url, target) for target in targets]


def measure_and_judge(browser: Browser, base_url: str, target: PageTarget) -> BudgetResult:
    """One page's figures and verdict; a page that fails to load is an error, not a pass."""
    try:
        measurement = measure(browser, base_url + target.path)
    except (PlaywrightError, PageLoadError) as error:
        return BudgetResult(target, error=error_summary(error))
    return judge(target, measurement)


def measure(browser: Browser, url: str) -> Measurement:
    """Bytes, requests and DOM elements of a first visit, lazy content included."""
    # The real CSP stays on: what is blocked for residents is not counted either.
    with fresh_page(browser) as page:
        network = NetworkTally(page.context.new_cdp_session(page))
        visit(page, url)
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        _wait_until_quiet(page, network)
        dom_elements = page.evaluate("document.getElementsByTagName('*').length")
        return Measurement(network.transferred_bytes, network.requests, dom_elements)


def judge(target: PageTarget, measurement: Measurement) -> BudgetResult:
    """The EcoIndex of the figures and the budgets (budgets.py) that they exceed."""
    score, grade = ecoindex(measurement)
    budget = budget_for(target)
    failures = []
    if measurement.kb > budget.max_kb:
        failures.append(f"{measurement.kb:.1f} kB > {budget.max_kb:g} kB")
    if measurement.requests > budget.max_requests:
        failures.append(f"{measurement.requests} requests > {budget.max_requests}")
    if score < budget.min_ecoindex:
        failures.append(f"EcoIndex {score:g} < {budget.min_ecoindex:g}")
    return BudgetResult(target, measurement, score, grade, failures)


def ecoindex(measurement: Measurement) -> tuple[float, str]:
    """EcoIndex score (0–100) and grade (A–G) of a measured page."""
    # ecoindex-compute's functions are coroutines, and Playwright's sync API keeps an event
    # loop running in this thread, where asyncio.run() is refused: use a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _score_and_grade(measurement)).result()


async def _score_and_grade(measurement: Measurement) -> tuple[float, str]:
    score = await get_score(
        dom=measurement.dom_elements, size=measurement.kb, requests=measurement.requests
    )
    return score, await get_grade(score)


class NetworkTally:
    """Counts the requests of a tab and the bytes they transferred, from Chrome's own network
    events (what DevTools shows as "transferred"), redirects and failed requests included."""

    def __init__(self, cdp: CDPSession) -> None:
        self.requests = 0
        self.transferred_bytes = 0
        self.in_flight: set[str] = set()
        self.last_activity = time.monotonic()
        cdp.on("Network.requestWillBeSent", self._on_request)
        cdp.on("Network.loadingFinished", self._on_finished)
        cdp.on("Network.loadingFailed", self._on_failed)
        cdp.send("Network.enable")

    def _on_request(self, event: dict[str, Any]) -> None:
        self.last_activity = time.monotonic()
        if not _counted(event):
            return
        self.requests += 1
        self.in_flight.add(event["requestId"])
        # A redirect reuses the request id; the hop's own response is reported here only.
        redirect = event.get("redirectResponse")
        if redirect:
            self.transferred_bytes += int(redirect.get("encodedDataLength", 0))

    def _on_finished(self, event: dict[str, Any]) -> None:
        self.last_activity = time.monotonic()
        if event["requestId"] in self.in_flight:
            self.in_flight.discard(event["requestId"])
            self.transferred_bytes += int(event["encodedDataLength"])

    def _on_failed(self, event: dict[str, Any]) -> None:
        self.last_activity = time.monotonic()
        self.in_flight.discard(event["requestId"])


def _counted(event: dict[str, Any]) -> bool:
    """Whether a request is the page's own, and so counts against its budget."""
    # data: URIs are decoded in place: no request goes to any server.
    if event["request"]["url"].startswith("data:"):
        return False
    # Chromium fetches the favicon by itself (resource type "Other"), once per browser rather
    # than per context, so counting it would make a page's figures depend on the pages visited
    # before it. Like EcoIndex's reference scraper (a Playwright HAR, which does not see it),
    # leave it out. Lazy images started by the scroll are browser-initiated too, but typed
    # "Image": they count.
    browser_initiated = event.get("initiator", {}).get("type") == "other"
    return not (browser_initiated and event.get("type") == "Other")


def _wait_until_quiet(page: Page, network: NetworkTally) -> None:
    """Waits until no request has been in flight for QUIET_SECONDS (lazy images started by
    the scroll included); Playwright delivers the network events while it waits."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        if not network.in_flight and time.monotonic() - network.last_activity >= QUIET_SECONDS:
            return
