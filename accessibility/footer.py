"""The footer links to the two statements. RGAA (article 47 of the law of 11 February 2005)
wants the accessibility status on every page, linked to the statement in its language.

Added to every page's footer through core's `commune_footer_parts` hook (registered in
wagtail_hooks.py) and cached with the rest of the site-wide layout, which an audit's change
makes stale (core.cached)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail.models import Page

from core.privacy import is_private

from .models import (
    AccessibilityAudit,
    AccessibilityStatementPage,
    EcoDesignStatementPage,
    compliance_status,
)

FOOTER_TEMPLATE = "accessibility/includes/footer_links.html"


def statement_links(request: HttpRequest, locale_id: int | None) -> list[dict[str, Any]]:
    """The statements of the language (the first public one of each type in tree order) and
    the status the latest audit gives, as plain data for the footer's template."""
    types = ContentType.objects.get_for_models(AccessibilityStatementPage, EcoDesignStatementPage)
    accessibility_type = types[AccessibilityStatementPage].pk
    statements = Page.objects.live().filter(locale_id=locale_id, content_type__in=types.values())
    links: dict[str, str] = {}
    for statement in statements.order_by("path"):
        if is_private(statement):
            continue
        kind = "accessibility" if statement.content_type_id == accessibility_type else "eco_design"
        links.setdefault(kind, statement.get_url(request) or "")
    context: dict[str, Any] = {"eco_design_url": links.get("eco_design")}
    if "accessibility" in links:
        audit = AccessibilityAudit.objects.latest_audit()
        rate = audit.compliance_rate if audit else None
        context["accessibility_url"] = links["accessibility"]
        context["status"] = str(compliance_status(rate).label)
    return [{"template": FOOTER_TEMPLATE, "context": context}]
