"""What assistive technologies read of a rendered page, for the RGAA tests that check
structure rather than strings: the attributes of each form control, the fieldsets grouping
them, and the text each heading of the article introduces."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

CONTROLS = ("input", "select", "textarea")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _ControlCollector(HTMLParser):
    """The attributes of every named form control, by name."""

    def __init__(self):
        super().__init__()
        self.controls: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in CONTROLS and attrs.get("name"):
            self.controls[attrs["name"]] = attrs


def form_controls(html: str) -> dict[str, dict[str, str | None]]:
    """The attributes of every named input, select and textarea of `html`, by name."""
    parser = _ControlCollector()
    parser.feed(html)
    return parser.controls


@dataclass
class Fieldset:
    """A fieldset as announced: its legend and the names of the controls it groups."""

    legend: str = ""
    controls: list[str] = field(default_factory=list)


class _FieldsetCollector(HTMLParser):
    """The fieldsets of a page, nested ones included, with their legend and controls."""

    def __init__(self):
        super().__init__()
        self.fieldsets: list[Fieldset] = []
        self._open: list[Fieldset] = []
        self._in_legend = False

    def handle_starttag(self, tag, attrs):
        name = dict(attrs).get("name")
        if tag == "fieldset":
            self._open.append(Fieldset())
            self.fieldsets.append(self._open[-1])
        elif tag == "legend":
            self._in_legend = True
        elif tag in CONTROLS and name:
            for fieldset in self._open:
                fieldset.controls.append(name)

    def handle_endtag(self, tag):
        if tag == "fieldset" and self._open:
            self._open.pop()
        elif tag == "legend":
            self._in_legend = False

    def handle_data(self, data):
        if self._in_legend and self._open:
            self._open[-1].legend += data


def fieldsets(html: str) -> list[Fieldset]:
    """Every fieldset of `html`, in document order, its legend stripped."""
    parser = _FieldsetCollector()
    parser.feed(html)
    for found in parser.fieldsets:
        found.legend = found.legend.strip()
    return parser.fieldsets


class _HeadingSections(HTMLParser):
    """The article's text cut at each heading, as a screen reader's heading navigation
    reads it: everything up to the next heading, whatever the element, belongs to the
    heading before it."""

    def __init__(self):
        super().__init__()
        self.sections: list[list[str]] = []  # [heading, text…] per heading
        self._in_article = False
        self._in_heading = False

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._in_article = True
        elif self._in_article and tag in HEADINGS:
            self._in_heading = True
            self.sections.append([""])

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False
        elif tag in HEADINGS:
            self._in_heading = False

    def handle_data(self, data):
        if not (self._in_article and self.sections):
            return
        if self._in_heading:
            self.sections[-1][0] += data
        else:
            self.sections[-1].append(data)


def heading_sections(html: str) -> list[tuple[str, str]]:
    """The article's headings in order, each with the text it introduces (spaces
    collapsed)."""
    parser = _HeadingSections()
    parser.feed(html)
    return [
        (" ".join(heading.split()), " ".join(" ".join(texts).split()))
        for heading, *texts in parser.sections
    ]
