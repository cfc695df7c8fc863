"""Every page type of the demo town, in French and in English, in headless Chromium: no
axe-core violation (WCAG 2.x A/AA) and within the eco-design budgets of PRODUCT.md.

The pages are visited once for the module, and each test reads its part of the results: a
test that uses live_server runs on a transactional database that pytest-django flushes
afterwards, so a later visit would find no demo town.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from django.core.management import call_command

from accessibility import report
from accessibility.axe import AxeResult, audit_pages, run_axe
from accessibility.browser import chromium, fresh_page
from accessibility.budget import BudgetResult, Measurement, judge, measure_pages
from accessibility.pages import PageList, PageTarget, page_targets

PAGE_TYPES = 18  # the 16 Wagtail page types, the event proposal form and the search results


@dataclass
class CheckedPages:
    pages: PageList
    axe: list[AxeResult]
    budgets: list[BudgetResult]


@pytest.fixture(scope="module")
def checked_pages(
    django_db_setup, django_db_blocker, meilisearch_server, live_server
) -> CheckedPages:
    # The live server's thread reads the test database during the whole visit.
    with django_db_blocker.unblock():
        # The results page as residents get it, hits and facets from Meilisearch: the
        # database fallback finds nothing, as load_demo does not fill Wagtail's own index.
        call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
        pages = page_targets()  # before Playwright, whose event loop forbids ORM calls
        with chromium() as browser:
            axe = audit_pages(browser, live_server.url, pages.targets)
            budgets = measure_pages(browser, live_server.url, pages.targets)
    return CheckedPages(pages, axe, budgets)


@pytest.mark.browser
def test_every_page_type_is_checked_in_french_and_english(checked_pages):
    assert checked_pages.pages.missing == []
    assert checked_pages.pages.untranslated == []
    assert len(checked_pages.pages.targets) == 2 * PAGE_TYPES


@pytest.mark.browser
def test_no_axe_violation(checked_pages):
    failing = [result for result in checked_pages.axe if result.failed]
    assert not failing, (
        f"axe-core violations on {len(failing)} page(s):\n"
        f"{report.axe_table(failing)}\n\n{report.axe_details(failing)}"
    )


@pytest.mark.browser
def test_eco_design_budgets(checked_pages):
    failing = [result for result in checked_pages.budgets if result.failed]
    assert not failing, (
        f"Budgets exceeded on {len(failing)} page(s):\n{report.budget_table(checked_pages.budgets)}"
    )


@pytest.mark.browser
def test_axe_reports_a_faulty_page():
    """The audit finds what it should: a page without title, language, alt text or link name."""
    with chromium() as browser, fresh_page(browser) as page:
        page.set_content("<html><body><img src='plan.png'><a href='/'></a></body></html>")
        violations = run_axe(page)
    assert {v.rule for v in violations} >= {"document-title", "html-has-lang", "image-alt"}
    assert [v.targets for v in violations if v.rule == "image-alt"] == [("img",)]


def test_home_has_a_tighter_budget_than_other_pages():
    measurement = Measurement(transferred_bytes=61_000, requests=3, dom_elements=150)
    home = judge(PageTarget("home", "fr", "/"), measurement)
    news = judge(PageTarget("news page", "fr", "/actualites/x/"), measurement)
    assert home.failures == ["61.0 kB > 60 kB"]
    assert news.failures == []
    assert (news.ecoindex, news.grade) == (home.ecoindex, home.grade)


def test_requests_and_ecoindex_budgets():
    heavy = Measurement(transferred_bytes=300_000, requests=40, dom_elements=1500)
    result = judge(PageTarget("news page", "fr", "/actualites/x/"), heavy)
    assert result.failures[:2] == ["300.0 kB > 100 kB", "40 requests > 10"]
    assert result.failures[2].startswith("EcoIndex ")
    assert result.grade in "CDEFG"
