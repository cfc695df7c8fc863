"""Checks every page type of the site, in French and English, with axe-core and against the
eco-design budgets, in headless Chromium, and its served HTML with the Nu Html Checker (vnu);
exits non-zero on any violation, overrun or HTML error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand, CommandError

if TYPE_CHECKING:
    from accessibility.axe import AxeResult
    from accessibility.budget import BudgetResult
    from accessibility.html import HtmlResult
    from accessibility.pages import PageList


class Command(BaseCommand):
    help = (
        "Serves the site with runserver on a free port and checks one page per page type "
        "(French and English) with axe-core (WCAG 2.x A/AA) and against the eco-design "
        "budgets (EcoIndex, kB, requests), and validates its HTML with the Nu Html Checker "
        "(vnu). Exits non-zero on any violation, budget overrun or HTML error."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--only", choices=["axe", "budget", "html"], help="Run one of the checks only."
        )
        parser.add_argument(
            "--no-record",
            action="store_true",
            help="Do not record this run for the accessibility and eco-design statements.",
        )

    def handle(self, *args, only: str | None = None, no_record: bool = False, **options) -> None:
        # The runners need the test extras (Playwright, ecoindex-compute), which production
        # does not install: they are imported when the command runs, not when Django loads.
        try:
            from accessibility.axe import audit_pages
            from accessibility.browser import chromium
            from accessibility.budget import measure_pages
            from accessibility.html import validate_pages
        except ImportError as error:
            raise CommandError(
                f"{error}. check_accessibility needs the test extras: pip install -e '.[test]'"
            ) from error
        from accessibility.pages import page_targets
        from accessibility.runs import record_run
        from accessibility.server import served_site

        # The database is read before Playwright starts: its event loop would make Django
        # refuse ORM calls from this thread.
        pages = page_targets()
        self._report_coverage(pages)
        axe_results: list[AxeResult] = []
        budget_results: list[BudgetResult] = []
        html_results: list[HtmlResult] = []
        with served_site() as base_url, chromium() as browser:
            if only in (None, "axe"):
                axe_results = audit_pages(browser, base_url, pages.targets)
            if only in (None, "budget"):
                budget_results = measure_pages(browser, base_url, pages.targets)
            if only in (None, "html"):
                html_results = validate_pages(base_url, pages.targets)
        self._print_axe(axe_results)
        self._print_budgets(budget_results)
        self._print_html(html_results)
        if not no_record:
            # Failures are recorded too: the statements must tell the truth.
            record_run(
                len(pages.targets),
                axe=axe_results if only in (None, "axe") else None,
                html=html_results if only in (None, "html") else None,
                budgets=budget_results if only in (None, "budget") else None,
            )
        checked = [*axe_results, *budget_results, *html_results]
        failed = {r.target.label: None for r in checked if r.failed}
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
        from accessibility import report

        if not results:
            return
        self.stdout.write("\naxe-core violations (WCAG 2.x A/AA)\n")
        self.stdout.write(report.axe_table(results))
        details = report.axe_details(results)
        if details:
            self.stdout.write("\nDetails\n")
            self.stdout.write(details)

    def _print_budgets(self, results: list[BudgetResult]) -> None:
        from accessibility import report

        if not results:
            return
        self.stdout.write("\nEco-design budgets (first visit)\n")
        self.stdout.write(report.budget_table(results))

    def _print_html(self, results: list[HtmlResult]) -> None:
        from accessibility import report

        if not results:
            return
        self.stdout.write("\nHTML validity (Nu Html Checker)\n")
        self.stdout.write(report.html_table(results))
        details = report.html_details(results)
        if details:
            self.stdout.write("\nDetails\n")
            self.stdout.write(details)
