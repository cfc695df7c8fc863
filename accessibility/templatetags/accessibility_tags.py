"""The footer links to the two statements. RGAA (article 47 of the law of 11 February 2005)
wants the accessibility status on every page, linked to the statement in its language."""

from __future__ import annotations

from typing import Any

from django import template

from core.layout import layout_for

from ..models import (
    AccessibilityStatementPage,
    EcoDesignStatementPage,
    compliance_rate,
    compliance_status,
)

register = template.Library()


@register.inclusion_tag("accessibility/includes/footer_links.html", takes_context=True)
def statement_links(context: dict[str, Any]) -> dict[str, Any]:
    """Read with the rest of the layout (core.layout): the statement pages of the page's
    language, each annotated with the latest audit's figures."""
    statements = layout_for(context["request"], context.get("page")).statements
    accessibility = statements.get(AccessibilityStatementPage)
    status = None
    if accessibility:
        rate = compliance_rate(accessibility.audit_met or 0, accessibility.audit_applicable)
        status = compliance_status(rate)
    return {
        "accessibility": accessibility,
        "status": status,
        "eco_design": statements.get(EcoDesignStatementPage),
    }
