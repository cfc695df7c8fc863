"""The footer links to the two statements. RGAA (article 47 of the law of 11 February 2005)
wants the accessibility status on every page, linked to the statement in its language."""

from __future__ import annotations

from typing import Any

from django import template

from core.layout import layout_for

register = template.Library()


@register.inclusion_tag("accessibility/includes/footer_links.html", takes_context=True)
def statement_links(context: dict[str, Any]) -> dict[str, Any]:
    """The statement pages of the page's language, with the latest audit's status (kept
    with the rest of the site-wide layout, core.layout)."""
    site_wide = layout_for(context["request"], context.get("page")).site_wide
    return {
        "accessibility": site_wide.accessibility,
        "status": site_wide.accessibility_status,
        "eco_design": site_wide.eco_design,
    }
