"""The editors' guide (docs/guide-editeurs.md, in French) served in the admin, so that the
help menu leads to our guide rather than to Wagtail's generic one in English.

The guide uses a small part of Markdown (headings, paragraphs, lists, bold, code, links),
which `render_markdown` turns into HTML without another dependency."""

from __future__ import annotations

import re
from html import escape

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)"), r'<a href="\2">\1</a>'),
]


def inline(text: str) -> str:
    html = escape(text, quote=False)
    for pattern, replacement in INLINE:
        html = pattern.sub(replacement, html)
    return html


def render_markdown(text: str) -> SafeString:
    """HTML of the guide: `#` headings (with ids), paragraphs, `-` lists whose items may run
    over indented lines, and inline bold, code and links. Raw HTML is escaped."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[list[str]] = []

    def flush() -> None:
        if paragraph:
            out.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{inline(' '.join(i))}</li>" for i in items) + "</ul>")
            items.clear()

    for line in text.splitlines():
        stripped = line.strip()
        heading = re.match(r"(#{1,4})\s+(.*)", stripped)
        if not stripped:
            flush()
        elif heading:
            flush()
            level = len(heading.group(1))
            title = heading.group(2)
            out.append(f'<h{level} id="{slugify(title)}">{inline(title)}</h{level}>')
        elif stripped.startswith("- "):
            if paragraph:
                flush()
            items.append([stripped[2:]])
        elif items and line.startswith(" "):
            items[-1].append(stripped)
        else:
            if items:
                flush()
            paragraph.append(stripped)
    flush()
    return mark_safe("\n".join(out))  # noqa: S308 - built from escaped text


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    """Any editor may read it (the admin's own access check applies)."""

    template_name = "core/admin/editors_guide.html"
    page_title = _("Guide des éditeurs")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        text = settings.COMMUNE_EDITORS_GUIDE.read_text(encoding="utf-8")
        # The guide's own first heading is the page's title.
        text = re.sub(r"\A# .*\n", "", text)
        context["guide"] = render_markdown(text)
        return context
