"""Checks every page type of the site, in French and English, with axe-core and against the
eco-design budgets, in headless Chromium; exits non-zero on any violation or overrun."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from accessibility import report
from accessibility.axe import AxeResult, audit_pages
from accessibility.browser import chromium
from accessibility.budget import BudgetResult, measure_pages
from accessibility.pages import PageList, page_targets
from accessibility.server import served_site


class Command(BaseCommand):
    help = (
        "Serves the site with runserver on a free port and checks one page per page type "
        "(French and English) with axe-core (WCAG 2.x A/AA) and against the eco-design "
        "budgets (EcoIndex, kB, requests). Exits non-zero on any violation or budget overrun."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--only", choices=["axe", "budget"], help="Run one of the two checks only."
        )

    def handle(self, *args, only: str | None = None, **options) -> None:
        # The database is read before Playwright starts: its event loop would make Django
        # refuse ORM calls from this thread.
        pages = page_targets()
        self._report_coverage(pages)
        axe_results: list[AxeResult] = []
        budget_results: list[BudgetResult] = []
        with served_site() as base_url, chromium() as browser:
            if only in (None, "axe"):
                axe_results = audit_pages(browser, base_url, pages.targets)
            if only in (None, "budget"):
                budget_results = measure_pages(browser, base_url, pages.targets)
        self._print_axe(axe_results)
        self._print_budgets(budget_results)
        failed = {r.target.label: None for r in [*axe_results, *budget_results] if r.failed}
        if failed:
            raise CommandError(f"{len(failed)} page(s) fail: {', '.join(failed)}")
        self.stdout.write(self.style.SUCCESS("Every page passes."))

    def _report_coverage(self, pages: PageList) -> None:
        self.stdout.write(f"{len(pages.targets)} pages to check.")
        if pages.untranslated:
            self.stdout.write(
                self.style.WARNING(f"No English translation: {', '.join(pages.untranslated)}")
            )
        if pages.missing:
            self.stdout.write(self.style.WARNING(f"No live page: {', '.join(pages.missing)}"))

    def _print_axe(self, results: list[AxeResult]) -> None:
        if not results:
            return
        self.stdout.write("\naxe-core violations (WCAG 2.x A/AA)\n")
        self.stdout.write(report.axe_table(results))
        details = report.axe_details(results)
        if details:
            self.stdout.write("\nDetails\n")
            self.stdout.write(details)

    def _print_budgets(self, results: list[BudgetResult]) -> None:
        if not results:
            return
        self.stdout.write("\nEco-design budgets (first visit)\n")
        self.stdout.write(report.budget_table(results))
