"""axe-core's WCAG 2.x A/AA rules run in headless Chromium on each page.

axe-core comes from npm (package.json); its minified build is injected into the visited page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from .browser import PageLoadError, error_summary, fresh_page, visit
from .pages import PageTarget

AXE_JS: Path = settings.PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Only violations come back: the passes and inapplicable rules would weigh megabytes.
RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
})"""


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]  # CSS selectors of the offending elements


@dataclass
class AxeResult:
    target: PageTarget
    violations: list[Violation] = field(default_factory=list)
    error: str = ""  # the page could not be audited (HTTP error, timeout…)

    @property
    def failed(self) -> bool:
        return bool(self.violations or self.error)


def audit_pages(browser: Browser, base_url: str, targets: list[PageTarget]) -> list[AxeResult]:
    """axe-core's verdict on each page, each visited in a fresh browser context."""
    return [audit_page(browser, base_url, target) for target in targets]


def audit_page(browser: Browser, base_url: str, target: PageTarget) -> AxeResult:
    """The page in a fresh context, checked by axe-core once loaded."""
    # The site's CSP forbids inline scripts, which is what add_script_tag() inserts, so the
    # audit context bypasses CSP. That would also let through an inline style the real policy
    # blocks (none today); the budget visits keep the real policy.
    with fresh_page(browser, bypass_csp=True) as page:
        try:
            visit(page, base_url + target.path)
            return AxeResult(target, violations=run_axe(page))
        except (PlaywrightError, PageLoadError) as error:
            return AxeResult(target, error=error_summary(error))


def run_axe(page: Page) -> list[Violation]:
    """axe-core's violations on the page as it is loaded in the tab."""
    if not AXE_JS.exists():
        raise FileNotFoundError(f"{AXE_JS} is missing: run scripts/setup.sh (npm ci).")
    page.add_script_tag(path=AXE_JS)
    results = page.evaluate(RUN_AXE, WCAG_TAGS)
    return [_violation(item) for item in results["violations"]]


def _violation(item: dict[str, Any]) -> Violation:
    return Violation(
        rule=item["id"],
        impact=item.get("impact") or "",
        help=item["help"],
        targets=tuple(_selector(node["target"]) for node in item["nodes"]),
    )


def _selector(target: list[Any]) -> str:
    """axe gives one selector per iframe level, and a list for an element inside a shadow
    root; every level is joined with Playwright's piercing combinator."""
    return " >>> ".join(part if isinstance(part, str) else " >>> ".join(part) for part in target)
