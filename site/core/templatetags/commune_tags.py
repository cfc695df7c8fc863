"""Template tags for the public site's layout: navigation, breadcrumb, languages,
alert banner and structured data."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, Site

from core.models import Alert

register = template.Library()

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(page) -> str:
    """A schema.org JSON-LD data block for pages that describe themselves."""
    data = page.get_json_ld() if hasattr(page, "get_json_ld") else None
    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


def _locale_root(request, page=None):
    """The home page in the current language (falls back to the site root)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    return root.localized if page is None else root.get_translation_or_none(page.locale) or root


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    page = context.get("page")
    root = _locale_root(request, page if isinstance(page, Page) else None)
    items = root.get_children().live().public().in_menu() if root else Page.objects.none()
    return {"items": items, "current": page, "root": root}


@register.inclusion_tag("core/includes/breadcrumb.html")
def breadcrumb(page):
    ancestors = page.get_ancestors().filter(depth__gt=1).live()
    return {"ancestors": ancestors, "page": page}


@register.inclusion_tag("core/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    page = context.get("page")
    translations = []
    if isinstance(page, Page):
        translations = list(page.get_translations(inclusive=True).live().select_related("locale"))
    return {"translations": translations, "current": page}


@register.inclusion_tag("core/includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    page = context.get("page")
    translations = []
    if isinstance(page, Page) and page.pk:
        translations = list(page.get_translations(inclusive=True).live().select_related("locale"))
    default = next((p for p in translations if p.locale_id == Locale.get_default().pk), None)
    return {
        "translations": translations if len(translations) > 1 else [],
        "default": default,
        "request": context["request"],
    }


@register.inclusion_tag("core/includes/alerts.html", takes_context=True)
def alert_banner(context):
    locale = Locale.get_active()
    return {"alerts": Alert.objects.active().filter(locale=locale).select_related("link_page")}
