"""Every page type of the demo town, in French and in English, in headless Chromium: no
axe-core violation (WCAG 2.x A/AA) and within the eco-design budgets (accessibility.budgets);
and the HTML each page is served with is valid for the Nu Html Checker (vnu, the W3C's validator).

The pages are visited once for the module, and each test reads its part of the results: a
test that uses live_server runs on a transactional database that pytest-django flushes
afterwards, so a later visit would find no demo town.
"""

from __future__ import annotations

import io
import urllib.request
from dataclasses import dataclass

import pytest
from django.core.management import call_command

from accessibility import report
from accessibility.axe import AxeResult, audit_pages, run_axe
from accessibility.browser import chromium, fresh_page
from accessibility.budget import BudgetResult, Measurement, _counted, judge, measure_pages
from accessibility.html import HtmlResult, validate_documents, validate_pages
from accessibility.pages import PageList, PageTarget, page_targets
from accessibility.runs import record_run

# The 18 Wagtail page types, the event proposal form and the search results.
PAGE_TYPES = 20


@dataclass
class CheckedPages:
    pages: PageList
    axe: list[AxeResult]
    budgets: list[BudgetResult]
    html: list[HtmlResult]
    statements: dict[str, str]  # French statement pages after the run was recorded


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
        html = validate_pages(live_server.url, pages.targets)
        record_run(len(pages.targets), axe=axe, html=html, budgets=budgets)
        statements = {
            target.page_type: _served_html(live_server.url + target.path)
            for target in pages.targets
            if target.page_type.endswith("statement") and target.language == "fr"
        }
    return CheckedPages(pages, axe, budgets, html, statements)


def _served_html(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


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
def test_html_is_valid(checked_pages):
    failing = [result for result in checked_pages.html if result.failed]
    assert not failing, (
        f"Invalid HTML on {len(failing)} page(s):\n"
        f"{report.html_table(checked_pages.html)}\n\n{report.html_details(failing)}"
    )


@pytest.mark.browser
def test_statements_quote_this_run(checked_pages):
    """The run is recorded: the statements show its figures, the home page's first."""
    home = next(result for result in checked_pages.budgets if result.target.path == "/")
    eco = checked_pages.statements["eco-design statement"]
    assert f"sur {len(checked_pages.pages.targets)} pages" in eco
    assert f"<td>{home.measurement.kb:.1f}</td>".replace(".", ",") in eco
    accessibility = checked_pages.statements["accessibility statement"]
    assert "0 violation(s) relevée(s)" in accessibility
    assert "Nu Html Checker) : 0 erreur(s)" in accessibility


def test_vnu_reports_a_faulty_document():
    """The validator really runs: a duplicate id and an unclosed element are errors, and a
    valid document passes, each document with its own messages."""
    faulty = (
        b'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Mairie</title>'
        b'</head><body><main><p id="horaires">Lundi</p><p id="horaires">Mardi</p>'
        b"<div>Non ferm\xc3\xa9</main></body></html>"
    )
    valid = (
        b'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Mairie</title>'
        b"</head><body><main><p>Bonjour</p></main></body></html>"
    )
    faulty_messages, valid_messages = validate_documents([faulty, valid])
    errors = [message.message for message in faulty_messages if message.is_error]
    assert {"Duplicate ID “horaires”.", "Unclosed element “div”."} <= set(errors)
    assert [message for message in valid_messages if message.is_error] == []


@pytest.mark.browser
def test_axe_reports_a_faulty_page():
    """The audit finds what it should: a page without title, language, alt text or link name."""
    with chromium() as browser, fresh_page(browser) as page:
        page.set_content("<html><body><img src='plan.png'><a href='/'></a></body></html>")
        violations = run_axe(page)
    assert {v.rule for v in violations} >= {"document-title", "html-has-lang", "image-alt"}
    assert [v.targets for v in violations if v.rule == "image-alt"] == [("img",)]


def test_lazy_images_count_and_the_favicon_does_not():
    """Chromium starts both by itself (no initiator): only the favicon is left out."""

    def request(url: str, resource_type: str) -> dict:
        return {"request": {"url": url}, "type": resource_type, "initiator": {"type": "other"}}

    assert _counted(request("http://127.0.0.1/media/images/plan.width-800.avif", "Image"))
    assert not _counted(request("http://127.0.0.1/static/img/favicon.svg", "Other"))
    assert not _counted(request("data:image/png;base64,AAAA", "Image"))


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
