"""The webmaster keeps the RGAA audit in the admin: a per-criterion grid (or the report's
totals), from which the statement's rate and lists are generated."""

from datetime import date

import pytest
from django.urls import reverse

from accessibility.models import AccessibilityAudit, CriterionStatus
from accessibility.rgaa import criteria
from tests.factories import AccessibilityAuditFactory

pytestmark = pytest.mark.django_db

EDIT = "wagtailsnippets_accessibility_accessibilityaudit:edit"


def statement_html(client):
    from accessibility.models import AccessibilityStatementPage

    page = AccessibilityStatementPage.objects.get(locale__language_code="fr")
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def audit_form_data(audit, results=None, **overrides):
    """What the audit's edit form posts: its fields, the grid and the findings."""
    data = {
        "audit_date": audit.audit_date.isoformat(),
        "auditor": audit.auditor,
        "applicable_criteria": audit.applicable_criteria or "",
        "met_criteria": audit.met_criteria or "",
        "audited_pages": audit.audited_pages,
        "test_environment": audit.test_environment,
        "tools": audit.tools,
        "technologies": audit.technologies,
    }
    results = list(audit.results.all()) if results is None else results
    data.update(formset("results", len(results), initial=len(audit.results.all())))
    for index, result in enumerate(results):
        prefix = f"results-{index}-"
        data[prefix + "id"] = result.pk or ""
        data[prefix + "criterion"] = result.criterion
        data[prefix + "status"] = result.status
        data[prefix + "comment"] = result.comment
        data[prefix + "justification"] = result.justification
        data[prefix + "failing_on"] = result.failing_on
        data[prefix + "not_applicable_on"] = result.not_applicable_on
        data[prefix + "method"] = result.method
        data[prefix + "checked_on"] = result.checked_on
        data[prefix + "tests"] = result.tests
        data[prefix + "checked_date"] = (
            result.checked_date.isoformat() if result.checked_date else ""
        )
        data[prefix + "checked_by"] = result.checked_by
        data[prefix + "ORDER"] = str(index + 1)
        if result.derogation:
            data[prefix + "derogation"] = "on"
    findings = list(audit.findings.all())
    data.update(formset("findings", len(findings), initial=len(findings)))
    for index, finding in enumerate(findings):
        prefix = f"findings-{index}-"
        data[prefix + "id"] = finding.pk
        data[prefix + "kind"] = finding.kind
        data[prefix + "criterion"] = finding.criterion
        data[prefix + "description"] = finding.description
        data[prefix + "ORDER"] = str(index + 1)
    data.update(overrides)
    return data


def formset(prefix, total, initial):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_demo_audit_grid_matches_its_totals():
    audit = AccessibilityAudit.objects.latest_audit()
    assert len(audit.results.all()) == len(criteria()) == 106
    assert (audit.met_criteria, audit.applicable_criteria) == (67, 67)
    assert audit.derogated_criteria == []


def test_webmaster_opens_the_audit(client, webmaster):
    audit = AccessibilityAudit.objects.latest_audit()
    assert client.get(reverse(EDIT, args=[audit.pk])).status_code == 200
    add = client.get(reverse("wagtailsnippets_accessibility_accessibilityaudit:add"))
    assert add.status_code == 200
    # A new audit's grid is laid out with the 106 criteria, to rate.
    assert add.context["form"].formsets["results"].total_form_count() == 106


def test_a_non_conformity_entered_in_the_grid_reaches_the_statement(client, webmaster):
    audit = AccessibilityAudit.objects.latest_audit()
    results = audit.rated_results()
    contact = next(r for r in results if r.criterion == "11.10")
    assert contact.status == CriterionStatus.COMPLIANT
    contact.status = CriterionStatus.NON_COMPLIANT
    contact.comment = "Le formulaire de contact n'annonce pas ses champs obligatoires."
    contact.failing_on = "Contact"
    documents = next(r for r in results if r.criterion == "13.3")
    documents.status = CriterionStatus.NON_COMPLIANT
    documents.failing_on = "Publication"
    documents.derogation = True
    documents.justification = "Les PDF anciens : une version accessible est envoyée sur demande."
    response = client.post(reverse(EDIT, args=[audit.pk]), audit_form_data(audit, results))
    assert response.status_code == 302, response.context["form"].errors
    audit.refresh_from_db()
    assert (audit.met_criteria, audit.applicable_criteria) == (65, 67)
    html = statement_html(client)
    # The contact and publication pages each lose one of their applicable criteria: the mean
    # over 10 pages drops.
    assert f"{audit.compliance_rate:.1f} %".replace(".", ",") in html
    assert audit.compliance_rate < 100
    assert "65 critères respectés sur 67 critères applicables" in html
    assert "Critère 11.10 : Le formulaire de contact n&#x27;annonce pas" in html
    assert "(pages : Contact)" in html
    assert "Critère 13.3 : Les PDF anciens : une version accessible" in html  # the derogation


def test_an_audit_entered_as_totals_changes_the_rate(client, webmaster):
    audit = AccessibilityAuditFactory(audit_date=date(2030, 1, 15), findings=[])
    response = client.post(
        reverse(EDIT, args=[audit.pk]),
        audit_form_data(audit, [], applicable_criteria="60", met_criteria="50"),
    )
    assert response.status_code == 302, response.context["form"].errors
    assert "83,3 % des critères du RGAA version 4.1 sont respectés" in statement_html(client)


@pytest.mark.parametrize(
    "overrides, error",
    [
        ({"applicable_criteria": "40", "met_criteria": "41"}, "plus de critères respectés"),
        ({"applicable_criteria": "", "met_criteria": ""}, "saisissez les totaux"),
    ],
)
def test_totals_are_checked(client, webmaster, overrides, error):
    audit = AccessibilityAuditFactory(audit_date=date(2030, 1, 15), findings=[])
    response = client.post(reverse(EDIT, args=[audit.pk]), audit_form_data(audit, [], **overrides))
    assert response.status_code == 200
    assert error in str(response.context["form"].errors)


def test_a_filled_grid_covers_every_criterion(client, webmaster):
    audit = AccessibilityAudit.objects.latest_audit()
    results = audit.rated_results()
    results[0].status = ""
    response = client.post(reverse(EDIT, args=[audit.pk]), audit_form_data(audit, results))
    assert response.status_code == 200
    assert "il manque : 1.1" in str(response.context["form"].non_field_errors())


def test_a_derogation_needs_a_justification(client, webmaster):
    audit = AccessibilityAudit.objects.latest_audit()
    results = audit.rated_results()
    derogated = next(r for r in results if r.criterion == "13.3")
    derogated.status = CriterionStatus.NON_COMPLIANT
    derogated.failing_on = "Publication"
    derogated.derogation = True
    derogated.justification = ""
    response = client.post(reverse(EDIT, args=[audit.pk]), audit_form_data(audit, results))
    assert response.status_code == 200
    assert "Justifiez la dérogation" in response.content.decode()


def test_measurements_are_read_only(client, webmaster):
    listing = client.get(reverse("wagtailsnippets_accessibility_checkrun:list"))
    assert listing.status_code == 200
    assert client.get(reverse("wagtailsnippets_accessibility_checkrun:add")).status_code in (
        302,
        403,
    )
