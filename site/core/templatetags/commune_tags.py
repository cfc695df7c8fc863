"""Template tags for the public site's layout: navigation, breadcrumb, languages,
alert banner and structured data."""

from __future__ import annotations

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, Site

from core.i18n import in_locale, locale_id_for
from core.models import Alert
from core.privacy import all_pages

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


def _menu_items(request, page):
    """Live sections shown in the menu, under the home page of the current language."""
    if isinstance(page, Page) and page.depth >= 2:
        home_path = page.path[: 2 * Page.steplen]
        return all_pages().filter(path__startswith=home_path, depth=3).live().public().in_menu()
    root_path = _site_root_path(request)
    if root_path is None:
        return Page.objects.none()
    return all_pages().filter(url_path__startswith=root_path, depth=3).live().public().in_menu()


def _site_root_path(request) -> str | None:
    """url_path of the request's site home in the active language, from Wagtail's cached
    site root paths (pages outside the tree, like search results, have no page to ask)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    paths = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    language = translation.get_language()
    chosen = next((root for root in paths if root.language_code == language), None)
    chosen = chosen or next(iter(paths), None)
    return chosen.root_path if chosen else None


@register.filter
def in_locale_of(obj, page):
    """`obj` (a linked page or snippet) in the language of `page`, the page being shown."""
    return in_locale(obj, page.locale_id)


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    page = context.get("page")
    return {"items": _menu_items(context["request"], page), "current": page}


def _live_translations(page) -> list[Page]:
    """The page and its live translations, fetched once per rendered page."""
    if not isinstance(page, Page) or not page.pk:
        return []
    if not hasattr(page, "_commune_translations"):
        page._commune_translations = list(
            page.get_translations(inclusive=True).live().select_related("locale")
        )
    return page._commune_translations


@register.inclusion_tag("core/includes/breadcrumb.html")
def breadcrumb(page):
    ancestors = page.get_ancestors().filter(depth__gt=1).live()
    return {"ancestors": ancestors, "page": page}


@register.inclusion_tag("core/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    page = context.get("page")
    return {"translations": _live_translations(page), "current": page}


@register.inclusion_tag("core/includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    translations = _live_translations(context.get("page"))
    default = next(
        (p for p in translations if p.locale.language_code == settings.LANGUAGE_CODE), None
    )
    return {
        "translations": translations if len(translations) > 1 else [],
        "default": default,
        "request": context["request"],
    }


@register.inclusion_tag("core/includes/alerts.html", takes_context=True)
def alert_banner(context):
    page = context.get("page")
    if isinstance(page, Page):
        locale_id = page.locale_id
    else:
        locale_id = locale_id_for(translation.get_language()) or Locale.get_default().pk
    return {
        # No select_related: building it for a Page costs more than the rare extra query.
        "alerts": Alert.objects.active().filter(locale_id=locale_id)
    }
