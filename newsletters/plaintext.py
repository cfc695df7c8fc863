"""The plain-text part of a letter: what a reader without HTML (a terminal mail client, a
screen reader set to text, a watch) gets. Written from the letter's content, not by
stripping the HTML part: paragraphs and list items keep their shape and every link is
written out after its label."""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser

LINE_WIDTH = 76
# Rich-text elements that end a paragraph (the letter's editor offers only p and lists,
# but pasted text may bring headings or divs).
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


def wrap(text: str, indent: str = "", first_indent: str | None = None) -> str:
    """The text folded at LINE_WIDTH without breaking a word or an address."""
    return textwrap.fill(
        " ".join(text.split()),
        width=LINE_WIDTH,
        initial_indent=indent if first_indent is None else first_indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def underline(title: str, character: str) -> str:
    """A title with a line of `character` under it, as plain-text mails mark headings."""
    title = " ".join(title.split())
    return f"{title}\n{character * min(len(title), LINE_WIDTH)}"


def link(label: str, url: str) -> str:
    """« label (https://…) », or the address alone when the label is the address."""
    label = " ".join(label.split())
    if not url or label == url:
        return label or url
    return f"{label} ({url})" if label else url


class _RichTextWriter(HTMLParser):
    """Reads the HTML of a rich-text block into paragraphs and list items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # (text, number of the list it is an item of, or 0 for a paragraph)
        self.paragraphs: list[tuple[str, int]] = []
        self.lists_opened = 0
        self.current: list[str] = []
        self.lists: list[list] = []  # one [kind, next number, list number] per open list
        self.item_prefix = ""
        self.href_stack: list[str | None] = []
        self.link_text_start: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists_opened += 1
            self.lists.append([tag, 1, self.lists_opened])
        elif tag == "li":
            self.flush()
            kind = self.lists[-1] if self.lists else ["ul", 1, 0]
            if kind[0] == "ol":
                self.item_prefix = f"{kind[1]}. "
                kind[1] += 1
            else:
                self.item_prefix = "- "
        elif tag == "br":
            self.current.append("\n")
        elif tag == "a":
            self.href_stack.append(dict(attrs).get("href"))
            self.link_text_start.append(len(self.current))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS or tag == "li":
            self.flush()
        elif tag in ("ul", "ol") and self.lists:
            self.flush()
            self.lists.pop()
        elif tag == "a" and self.href_stack:
            href = self.href_stack.pop()
            start = self.link_text_start.pop()
            label = "".join(self.current[start:])
            self.current[start:] = [link(label, href or "")]

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def flush(self) -> None:
        lines = "".join(self.current).split("\n")
        text = "\n".join(
            wrap(line, indent=" " * len(self.item_prefix), first_indent=self.item_prefix)
            if number == 0
            else wrap(line, indent=" " * len(self.item_prefix))
            for number, line in enumerate(lines)
            if line.strip() or number == 0
        )
        if text.strip():
            in_list = self.lists[-1][2] if self.item_prefix and self.lists else 0
            self.paragraphs.append((text, in_list))
        self.current = []
        self.item_prefix = ""

    def close(self) -> None:
        super().close()
        self.flush()


def rich_text_to_text(html: str) -> str:
    """Rich text as plain paragraphs, list items as « - » or « 1. » lines, links written out
    after their label. Consecutive list items stay together."""
    writer = _RichTextWriter()
    writer.feed(html)
    writer.close()
    text = ""
    previous_list = 0
    for paragraph, in_list in writer.paragraphs:
        if text:
            text += "\n" if in_list and in_list == previous_list else "\n\n"
        text += paragraph
        previous_list = in_list
    return text
