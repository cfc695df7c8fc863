"""Template tags for the public site's layout: navigation, breadcrumb, languages,
alert banner, structured data and the title of a page whose form has mistakes."""

from __future__ import annotations

import json

from django import template
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

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
        (p for p in translations if p.locale.language_code == settings.LANGUAGE_CODE), None
    )
    return {
        "translations": translations if len(translations) > 1 else [],
        "default": default,
        "request": context["request"],
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
