"""The demo's PDF documents: WeasyPrint prints them as tagged PDF/UA (a structure tree that
screen readers follow) from the same StreamField blocks as the HTML of their page."""

from __future__ import annotations

from django.template.loader import render_to_string
from wagtail.blocks import StreamValue
from weasyprint import HTML

from core.blocks import BodyBlock

# PDF/UA-1 makes WeasyPrint write the structure tree (/StructTreeRoot), mark the content
# (/MarkInfo /Marked true) and take the document's language and title from the HTML.
PDF_VARIANT = "pdf/ua-1"


def body_value(raw: list[dict]) -> StreamValue:
    """The StreamValue of a page body from its raw data (demo.streams.body_stream)."""
    return BodyBlock().to_python(raw)


def tagged_pdf(title: str, body: StreamValue, heading_lines: list[str] | None = None) -> bytes:
    """A tagged PDF of `body` (a page body's StreamValue) under `title`; `heading_lines` are
    printed above the title (the issuing authority, a reference), as on the page."""
    html = render_to_string(
        "demo/pdf_document.html",
        {"title": title, "body": body, "heading_lines": heading_lines or []},
    )
    # The same input gives the same bytes (no dates, a content-derived identifier), so the
    # loader keeps an unchanged document.
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)
