"""Template tags for the public site's layout: navigation, breadcrumb, languages,
alert banner, structured data, the title of a page whose form has mistakes, and the
fragments of a page kept rendered until a publication changes them."""

from __future__ import annotations

import json
import math
import time
from typing import Any

from django import template
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from wagtail.models import Site

from core import page_cache
from core.cached import DEFAULT_LIFETIME, PAGE_LISTINGS, remembered
from core.i18n import in_locale
from core.layout import layout_for

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


@register.filter
def in_locale_of(obj, page):
    """`obj` (a linked page or snippet) in the language of `page`, the page being shown."""
    return in_locale(obj, page.locale_id)


@register.filter
def in_site_language(text: str) -> str:
    """Text entered once in the site's language (the town settings, the audit), marked with
    its `lang` on a page in another language so that screen readers pronounce it right
    (RGAA 8.7)."""
    language = settings.LANGUAGE_CODE
    if not text or translation.get_language() == language:
        return text
    return format_html('<span lang="{}">{}</span>', language, text)


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    page = context.get("page")
    return {"items": layout_for(context["request"], page).menu, "current": page}


@register.inclusion_tag("core/includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    return {"ancestors": layout_for(context["request"], page).ancestors, "page": page}


@register.inclusion_tag("core/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    page = context.get("page")
    return {"translations": layout_for(context["request"], page).translations, "current": page}


@register.inclusion_tag("core/includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    translations = layout_for(context["request"], context.get("page")).translations
    default = next(
        (link for link in translations if link.language_code == settings.LANGUAGE_CODE), None
    )
    return {
        "translations": translations if len(translations) > 1 else [],
        "default": default,
    }


@register.inclusion_tag("core/includes/alerts.html", takes_context=True)
def alert_banner(context):
    return {"alerts": layout_for(context["request"], context.get("page")).site_wide.alerts}


@register.simple_tag(takes_context=True)
def footer_parts(context) -> str:
    """The footer links other apps add through `core.layout.FOOTER_PARTS_HOOK`."""
    parts = layout_for(context["request"], context.get("page")).site_wide.footer_parts
    return mark_safe(  # noqa: S308 - each part is a template rendered with autoescaping
        "".join(render_to_string(part["template"], part["context"]) for part in parts)
    )


@register.simple_tag
def form_errors_title(form) -> str:
    """The start of the title of a page whose form was sent with mistakes, "Erreur : 2 champs
    à corriger – ", so that the title is the first thing to say so (RGAA 11.10); empty when
    the form has none (or there is no form)."""
    if form is None or not form.errors:
        return ""
    fields = sum(1 for name in form.errors if name != NON_FIELD_ERRORS)
    if not fields:
        return f"{gettext('Erreur')} – "
    label = ngettext(
        "Erreur : %(count)d champ à corriger", "Erreur : %(count)d champs à corriger", fields
    )
    return f"{label % {'count': fields}} – "


@register.tag
def cache_fragment(parser: template.base.Parser, token: template.base.Token) -> template.Node:
    """`{% cache_fragment "name" part… %}…{% endcache_fragment %}`: what the block shows of
    other pages (listings), rendered once and kept until a publication, a move or a deletion
    changes it (`core.cached.PAGE_LISTINGS`), or until what it shows stops being true (an
    event listed as upcoming is over: `core.page_cache.expire_by`). The name and the parts
    (the page, a page number…) say which fragment it is; the site and the language are
    added. A part that is None (a filtered list, say) renders the block each time, and so
    do previews, which show drafts."""
    name, *parts = (parser.compile_filter(bit) for bit in token.split_contents()[1:])
    nodelist = parser.parse(("endcache_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, name, parts)


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: Any, parts: list[Any]):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context: template.Context) -> str:
        request = context.get("request")
        parts = [part.resolve(context) for part in (self.name, *self.parts)]
        if request is None or getattr(request, "is_preview", False) or None in parts:
            return self.nodelist.render(context)
        site = Site.find_for_request(request)
        html, expires_at = remembered(
            PAGE_LISTINGS,
            lambda: page_cache.expiry_of(request, lambda: _plain(self.nodelist.render(context))),
            site.pk if site else 0,
            translation.get_language(),
            *parts,
            lifetime=_seconds_until_stale,
        )
        page_cache.expire_by(request, expires_at)
        return mark_safe(html)  # noqa: S308 - rendered by the template, with autoescaping


def _plain(html: str) -> str:
    """The text without its SafeString class, which the cache must not pickle."""
    return str.__str__(html)


def _seconds_until_stale(fragment: tuple[str, float | None]) -> int:
    expires_at = fragment[1]
    if expires_at is None:
        return DEFAULT_LIFETIME
    return max(1, math.ceil(expires_at - time.time()))
