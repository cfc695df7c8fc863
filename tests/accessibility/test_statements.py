"""The accessibility statement (RGAA format) and the eco-design statement, generated from the
audit data and the automated runs, and the status every page shows in its footer."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from accessibility.models import (
    AccessibilityAudit,
    AccessibilityStatementPage,
    CheckRun,
    ComplianceStatus,
    EcoDesignStatementPage,
    compliance_status,
)
from tests.factories import AccessibilityAuditFactory

pytestmark = pytest.mark.django_db


def statement(language: str = "fr") -> AccessibilityStatementPage:
    return AccessibilityStatementPage.objects.live().get(locale__language_code=language)


def eco_statement(language: str = "fr") -> EcoDesignStatementPage:
    return EcoDesignStatementPage.objects.live().get(locale__language_code=language)


def text_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("rate", "status"),
    [
        (Decimal(100), ComplianceStatus.FULL),
        (Decimal("99.9"), ComplianceStatus.PARTIAL),
        (Decimal(50), ComplianceStatus.PARTIAL),
        (Decimal("49.9"), ComplianceStatus.NONE),
        (None, ComplianceStatus.NONE),
    ],
)
def test_status_follows_the_legal_thresholds(rate, status):
    assert compliance_status(rate) == status


def test_an_almost_perfect_audit_is_not_shown_as_fully_compliant():
    audit = AccessibilityAudit(applicable_criteria=106, met_criteria=105)
    assert audit.compliance_rate == Decimal("99.0")
    assert audit.status == ComplianceStatus.PARTIAL


def test_an_audit_cannot_meet_more_criteria_than_apply():
    audit = AccessibilityAuditFactory.build(applicable_criteria=40, met_criteria=41)
    with pytest.raises(ValidationError) as error:
        audit.full_clean()
    assert "met_criteria" in error.value.message_dict


def test_statement_is_generated_from_the_demo_audit(client):
    html = text_of(client, statement().url)
    assert "<strong>totalement conforme</strong>" in html
    assert "100,0 % des critères du RGAA version 4.1 sont respectés" in html
    assert "67 critères respectés sur 67 critères applicables" in html
    assert "Chromium (Debian) piloté par Playwright" in html
    assert 'Schéma pluriannuel de mise en accessibilité <span class="meta">(PDF' in html
    assert 'href="https://formulaire.defenseurdesdroits.fr/"' in html
    assert "Aucune vérification automatique n'a encore été enregistrée." in html


def test_statement_names_the_site_and_lists_pages_under_its_own_address(client):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    html = text_of(client, statement().url)
    root = site.root_url
    assert (
        f"Cette déclaration d'accessibilité s'applique au site {site.site_name} (<a href=\"{root}\""
        in html
        or f"s'applique au site {site.site_name} ({root})." in html
    )
    assert f"{root}/agenda/" in html
    assert "www.villeneuve-sur-lys.fr" not in html
    # Without a site name, the town's name.
    site.site_name = ""
    site.save()
    html = text_of(client, statement().url)
    assert f"s'applique au site Villeneuve-sur-Lys ({root})." in html


def test_the_latest_audit_wins_and_the_footer_follows(client, home):
    AccessibilityAuditFactory(audit_date=date(2030, 1, 15), findings=[])
    html = text_of(client, statement().url)
    assert "<strong>totalement conforme</strong>" in html
    assert "Non-conformités</h3>\n<p>Aucun.</p>" in html
    footer = text_of(client, home.url)
    assert f'<a href="{statement().url}">Accessibilité : totalement conforme</a>' in footer


def test_every_page_links_to_both_statements_in_its_language(client, home):
    french = text_of(client, home.url)
    assert f'<a href="{statement().url}">Accessibilité : totalement conforme</a>' in french
    assert f'<a href="{eco_statement().url}">Écoconception</a>' in french
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    english = text_of(client, english_home.url)
    assert f'<a href="{statement("en").url}">Accessibility: fully compliant</a>' in english


def test_translated_statement_marks_the_french_audit_text(client):
    html = text_of(client, statement("en").url)
    assert "<strong>fully compliant</strong>" in html
    assert '<span lang="fr">Les bulletins municipaux publiés avant' in html


@pytest.mark.parametrize("language", ["en", "nl"])
def test_translated_statement_marks_the_french_auditor_and_address(client, language):
    """RGAA 8.7: the audit and the town settings are entered in French only."""
    html = text_of(client, statement(language).url)
    auditor = AccessibilityAudit.objects.newest_first().first().auditor
    assert f'<span lang="fr">{auditor}</span>' in html
    assert '<span lang="fr">1 place de la Mairie, 59999 Villeneuve-sur-Lys</span>' in html


def test_without_a_statement_page_the_footer_has_no_dead_link(client, home):
    statement().unpublish()
    assert "Accessibilité :" not in text_of(client, home.url)


def test_statement_quotes_the_latest_automated_run(client):
    CheckRun.record(40, axe_violations=0, html_errors=0)
    html = text_of(client, statement().url)
    assert "40 pages contrôlées avec axe-core" in html
    assert "0 violation(s) relevée(s)" in html
    assert "Nu Html Checker) : 0 erreur(s)" in html


BUDGET_ROWS = [
    {"page": "home", "language": "fr", "path": "/", "kb": 14.2, "requests": 4, "dom": 180,
     "ecoindex": 90.5, "grade": "A"},
    {"page": "news page", "language": "fr", "path": "/actualites/x/", "kb": 16.0, "requests": 5,
     "dom": 210, "ecoindex": 88.0, "grade": "A"},
    {"page": "place", "language": "en", "path": "/en/places/y/", "kb": 19.9, "requests": 6,
     "dom": 290, "ecoindex": 85.1, "grade": "A"},
]  # fmt: skip


def test_eco_design_statement_shows_budgets_and_the_latest_measurement(client):
    html = text_of(client, eco_statement().url)
    assert "au plus 100 ko transférés (60 ko pour la page d'accueil)" in html
    assert "Aucune mesure n'a encore été enregistrée." in html
    CheckRun.record(3, budgets=BUDGET_ROWS)
    CheckRun.record(3, axe_violations=0)  # a later axe-only run keeps these figures shown
    html = text_of(client, eco_statement().url)
    # Poids: home, median, least sober page.
    assert "<td>14,2</td><td>16,0</td><td>19,9</td>" in html
    assert "<td>90,5</td><td>88,0</td><td>85,1</td>" in html  # EcoIndex: the lowest is worst


def test_all_measurements_download_as_csv(client):
    assert client.get("/api/ecoconception/mesures.csv").status_code == 404
    CheckRun.record(3, budgets=BUDGET_ROWS)
    response = client.get("/api/ecoconception/mesures.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["path"] for row in rows] == ["/", "/actualites/x/", "/en/places/y/"]
    assert rows[2]["ecoindex"] == "85.1"
