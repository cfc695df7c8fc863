"""The site's own RGAA 4.1 grid (accessibility/data/grille-rgaa-site.toml): all 106 criteria,
each backed by the tests it names or a dated manual check; the demo's audit is loaded from it
and the statement's rate is computed from it page by page, as RGAA's method says."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from accessibility.models import (
    AccessibilityAudit,
    AccessibilityStatementPage,
    AuditCriterionResult,
    CriterionStatus,
    grid_rate,
)
from accessibility.rgaa import criteria, site_grid
from tests.accessibility.test_audit_admin import EDIT, audit_form_data

GRID = site_grid()


def missing_test(node_id: str) -> str:
    """Why a pytest node id names no test ("" when it does): its file must exist and define
    the function; a parametrised id ("test_x[fr]") names the function before the brackets."""
    path, _sep, name = node_id.partition("::")
    file = Path(settings.PROJECT_DIR) / path
    if not name or not file.is_file():
        return f"{node_id}: no such file"
    function = name.split("::")[-1].split("[")[0]
    if not re.search(rf"^\s*(async\s+)?def {re.escape(function)}\(", file.read_text(), re.M):
        return f"{node_id}: no such test"
    return ""


def test_the_grid_rates_exactly_the_106_criteria():
    numbers = [row.number for row in GRID.rows]
    assert len(numbers) == len(set(numbers)) == 106
    assert set(numbers) == set(criteria())


def test_every_automated_check_names_tests_that_exist():
    automated = [row for row in GRID.rows if row.method in ("auto", "partial")]
    assert automated and all(row.tests for row in automated)
    assert [
        missing_test(node) for row in automated for node in row.tests if missing_test(node)
    ] == []


@pytest.mark.parametrize(
    "node_id",
    [
        "tests/browser/test_pages.py::test_no_axe_violation_anywhere",
        "tests/browser/test_nowhere.py::test_no_axe_violation",
        "tests/browser/test_pages.py",
    ],
)
def test_a_test_that_does_not_exist_is_caught(node_id):
    assert missing_test(node_id)


def test_a_parametrised_test_is_found():
    node = "tests/browser/test_form_errors.py::test_the_focus_goes_to_the_error_summary[fr-contact]"
    assert missing_test(node) == ""


def test_every_manual_check_says_when_and_by_whom():
    by_hand = [row for row in GRID.rows if row.method in ("manual", "partial")]
    assert by_hand and all(row.checked_date and row.checked_by for row in by_hand)
    assert {row.method for row in GRID.rows} <= {"auto", "partial", "manual"}
    assert {row.status for row in GRID.rows} <= {"c", "nc", "na"}


def test_rows_name_only_audited_pages_and_failures_only_on_non_conformities():
    keys = {page.key for page in GRID.pages}
    for row in GRID.rows:
        assert set(row.failing_on + row.not_applicable_on + row.checked_on) <= keys, row.number
        assert not row.failing_on or row.status == "nc", row.number


def test_the_rate_is_the_mean_of_the_pages_rates():
    # Page A: 2 met of 3 applicable; page B: 2 of 2. RGAA: (2/3 + 1) / 2 = 83.3 %, where the
    # criteria met on every page over the criteria applicable would give 2 of 3.
    results = [
        AuditCriterionResult(criterion="1.1", status=CriterionStatus.COMPLIANT),
        AuditCriterionResult(criterion="3.2", status=CriterionStatus.NON_COMPLIANT, failing_on="A"),
        AuditCriterionResult(
            criterion="5.4", status=CriterionStatus.COMPLIANT, not_applicable_on="B"
        ),
        AuditCriterionResult(criterion="2.1", status=CriterionStatus.NOT_APPLICABLE),
    ]
    assert grid_rate(results, ["A", "B"]) == Decimal("83.3")
    # A grid that names no page is the site as a whole.
    assert grid_rate(results, []) == Decimal("66.6")


@pytest.mark.django_db
def test_the_demo_audit_is_the_shipped_grid():
    audit = AccessibilityAudit.objects.latest_audit()
    assert audit.auditor == GRID.auditor
    assert audit.page_names() == [page.name for page in GRID.pages]
    rows = {row.number: row for row in GRID.rows}
    results = audit.rated_results()
    assert len(results) == 106
    for result in results:
        row = rows[result.criterion]
        assert (result.status, result.method) == (row.status, row.method)
        assert result.test_ids == list(row.tests)
    for result in results:
        assert result.failing_pages == list(rows[result.criterion].failing_on), result.criterion
    # Every criterion the issue 18 audit found failing is fixed and tested.
    assert audit.compliance_rate == Decimal("100.0")


@pytest.mark.django_db
def test_the_statement_shows_the_computed_rate_and_where_criteria_fail(client):
    page = AccessibilityStatementPage.objects.get(locale__language_code="fr")
    html = client.get(page.url).content.decode()
    assert "révèle que 100,0 % des critères du RGAA version 4.1 sont respectés" in html
    assert "la moyenne, sur les 10 pages auditées" in html
    assert "67 critères respectés sur 67 critères applicables" in html
    assert "<strong>totalement conforme</strong>" in html


@pytest.mark.django_db
def test_the_webmaster_records_a_manual_check_and_the_rate_follows(client, webmaster):
    audit = AccessibilityAudit.objects.latest_audit()
    results = audit.rated_results()
    spacing = next(r for r in results if r.criterion == "10.12")
    spacing.status = CriterionStatus.NON_COMPLIANT
    spacing.failing_on = "Accueil"
    spacing.comment = "Texte coupé avec l'espacement augmenté."
    response = client.post(reverse(EDIT, args=[audit.pk]), audit_form_data(audit, results))
    assert response.status_code == 302, response.context["form"].errors
    audit = AccessibilityAudit.objects.latest_audit()
    # One page of ten loses one criterion of its 58: the mean drops by 1/58 / 10.
    assert audit.compliance_rate == Decimal("99.8")
    assert (audit.met_criteria, audit.applicable_criteria) == (66, 67)


@pytest.mark.parametrize(
    "change, error",
    [
        ({"failing_on": "Page inconnue", "status": "nc"}, "Page inconnue"),
        ({"failing_on": "Accueil"}, "Seul un critère non conforme"),
        ({"checked_date": None}, "Datez la vérification manuelle"),
        ({"checked_by": ""}, "Dites qui a fait la vérification manuelle"),
        ({"tests": ""}, "Nommez les tests"),
    ],
)
@pytest.mark.django_db
def test_the_admin_refuses_an_incoherent_row(client, webmaster, change, error):
    audit = AccessibilityAudit.objects.latest_audit()
    results = audit.rated_results()
    row = next(r for r in results if r.criterion == "3.2")  # partial: tests and a manual check
    for field, value in change.items():
        setattr(row, field, value)
    response = client.post(reverse(EDIT, args=[audit.pk]), audit_form_data(audit, results))
    assert response.status_code == 200
    assert error in response.content.decode()
