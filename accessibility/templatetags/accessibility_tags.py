"""The footer links to the two statements. RGAA (article 47 of the law of 11 February 2005)
wants the accessibility status on every page, linked to the statement in its language."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Subquery
from wagtail.models import Page

from core.i18n import locale_id_for

from ..models import (
    AccessibilityAudit,
    AccessibilityStatementPage,
    EcoDesignStatementPage,
    compliance_rate,
    compliance_status,
)

register = template.Library()


@register.inclusion_tag("accessibility/includes/footer_links.html", takes_context=True)
def statement_links(context: dict[str, Any]) -> dict[str, Any]:
    pages = statement_pages(_locale_id(context))
    accessibility = pages.get(AccessibilityStatementPage)
    status = None
    if accessibility:
        rate = compliance_rate(accessibility.audit_met or 0, accessibility.audit_applicable)
        status = compliance_status(rate)
    return {
        "accessibility": accessibility,
        "status": status,
        "eco_design": pages.get(EcoDesignStatementPage),
    }


def statement_pages(locale_id: int | None) -> dict[type[Page], Page]:
    """The live statement pages of a locale by type, with the latest audit's figures, in one
    query (plain Page rows: the footer needs only their URL)."""
    latest_audit = AccessibilityAudit.objects.newest_first()
    models = {
        ContentType.objects.get_for_model(model).pk: model
        for model in (AccessibilityStatementPage, EcoDesignStatementPage)
    }
    pages = (
        Page.objects.live()
        .filter(locale_id=locale_id, content_type_id__in=models)
        .annotate(
            audit_met=Subquery(latest_audit.values("met_criteria")[:1]),
            audit_applicable=Subquery(latest_audit.values("applicable_criteria")[:1]),
        )
        .only("url_path", "path", "depth", "locale_id", "content_type_id")
        .order_by("path")
    )
    found: dict[type[Page], Page] = {}
    for page in pages:
        found.setdefault(models[page.content_type_id], page)  # the first in tree order
    return found


def _locale_id(context: dict[str, Any]) -> int | None:
    page = context.get("page")
    if getattr(page, "locale_id", None):
        return page.locale_id
    return locale_id_for(context["request"].LANGUAGE_CODE)
