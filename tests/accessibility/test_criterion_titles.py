"""Each RGAA 4.1 criterion by its official title: the data, the audit grid in the admin, and
the statement's list of non-conformities."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from accessibility.models import AccessibilityAudit, CriterionStatus
from accessibility.rgaa import criteria
from tests.accessibility.test_audit_admin import EDIT, audit_form_data, statement_html

LINKS = "Chaque lien est-il explicite (hors cas particuliers) ?"
CONTRAST = (
    "Dans chaque page web, le contraste entre la couleur du texte et la couleur de son "
    "arrière-plan est-il suffisamment élevé (hors cas particuliers) ?"
)


def test_every_criterion_has_its_own_question():
    titles = [criterion.title for criterion in criteria().values()]
    assert len(titles) == len(set(titles)) == 106
    assert all(title.endswith(" ?") and title[0].isupper() for title in titles)
    assert criteria()["6.1"].title == LINKS
    assert criteria()["3.2"].title == CONTRAST
    assert criteria()["11.1"].title == "Chaque champ de formulaire a-t-il une étiquette ?"


@pytest.mark.django_db
def test_the_admin_grid_names_each_criterion_by_its_title(client, webmaster):
    audit = AccessibilityAudit.objects.latest_audit()
    page = html.unescape(client.get(reverse(EDIT, args=[audit.pk])).content.decode())
    assert page.count("data-criterion-title") == 106
    assert f"6.1 {LINKS}" in page
    assert f"3.2 {CONTRAST}" in page


@pytest.mark.django_db
def test_a_non_conformity_without_comment_is_stated_by_its_title(client, webmaster):
    audit = AccessibilityAudit.objects.latest_audit()
    results = audit.rated_results()
    contrast = next(result for result in results if result.criterion == "3.2")
    contrast.status = CriterionStatus.NON_COMPLIANT
    contrast.comment = ""
    response = client.post(reverse(EDIT, args=[audit.pk]), audit_form_data(audit, results))
    assert response.status_code == 302, response.context["form"].errors
    assert f"Critère 3.2 : {CONTRAST}" in html.unescape(statement_html(client))
