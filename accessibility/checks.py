"""Editor guidance before publishing (RGAA): checks of a page body that Wagtail's built-in
content checker (Axe, run on the preview) cannot make, or makes too late.

Each rule is a pure function taking a page and returning a list of `PageWarning`s; `check_page`
runs them all. They read the StreamField value and the rich-text *source* (the stored
`<a linktype="document">` / `<embed embedtype="image">` markup), so they work on an unsaved
draft and need no rendering.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from core.cached import Lookup, remembered


@dataclass(frozen=True)
class PageWarning:
    """One piece of advice for the editor: which rule, what to do (French), and where."""

    rule: str
    message: str
    where: str


# --- Walking the body ---------------------------------------------------------------------


@dataclass
class _Item:
    """One thing found in the body, in reading order."""

    kind: str  # "heading", "image", "link", "document" (a link to a document)
    where: str
    level: int = 0
    text: str = ""
    alt: str | None = None
    decorative: bool = False
    image: object | None = None
    image_id: int | None = None
    document: object | None = None
    document_id: int | None = None


class _RichTextParser(HTMLParser):
    """Collects headings, links (with their text) and image embeds of rich-text source."""

    def __init__(self, where: str):
        super().__init__(convert_charrefs=True)
        self.where = where
        self.items: list[_Item] = []
        self._link: _Item | None = None
        self._heading: _Item | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"h2", "h3", "h4", "h5", "h6"}:
            self._heading = _Item("heading", self.where, level=int(tag[1]))
            self.items.append(self._heading)
        elif tag == "a":
            if attrs.get("linktype") == "document":
                self._link = _Item("document", self.where, document_id=_int(attrs.get("id")))
            else:
                self._link = _Item("link", self.where)
            self.items.append(self._link)
        elif tag == "embed" and attrs.get("embedtype") == "image":
            self.items.append(
                _Item("image", self.where, alt=attrs.get("alt"), image_id=_int(attrs.get("id")))
            )
        elif tag == "img":
            self.items.append(_Item("image", self.where, alt=attrs.get("alt")))

    def handle_endtag(self, tag):
        if tag == "a":
            self._link = None
        elif tag in {"h2", "h3", "h4", "h5", "h6"}:
            self._heading = None

    def handle_data(self, data):
        if self._link is not None:
            self._link.text += data
        if self._heading is not None:
            self._heading.text += data


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _rich_text(value, where: str) -> list[_Item]:
    source = getattr(value, "source", value) or ""
    parser = _RichTextParser(where)
    parser.feed(str(source))
    parser.close()
    return parser.items


def _block_items(block_type: str, value, where: str) -> Iterator[_Item]:
    if block_type == "heading":
        yield _Item("heading", where, level=2, text=str(value or ""))
    elif block_type == "paragraph":
        yield from _rich_text(value, where)
    elif block_type == "callout":
        yield from _rich_text(value.get("text"), where)
    elif block_type == "newsletter_signup":
        # The sign-up form's title is a second-level heading of the page.
        yield _Item("heading", where, level=2, text=value.get("heading") or "")
    elif block_type == "faq":
        for item in value or []:
            yield from _rich_text(item.get("answer"), where)
    elif block_type == "image":
        if value is not None:
            yield _Item(
                "image",
                where,
                alt=getattr(value, "contextual_alt_text", None),
                decorative=bool(getattr(value, "decorative", False)),
                image=value,
            )
    elif block_type == "document":
        document = value.get("document")
        # The block's title is the link text.
        yield _Item("document", where, text=value.get("title") or "", document=document)


def _items(page) -> list[_Item]:
    body = getattr(page, "body", None)
    if not body:
        return []
    items: list[_Item] = []
    for index, child in enumerate(body, start=1):
        label = child.block.label or child.block_type
        where = _("bloc %(number)s (%(label)s)") % {"number": index, "label": label}
        items.extend(_block_items(child.block_type, child.value, where))
    return items


# --- image_alt ----------------------------------------------------------------------------

# An image extension, a single word mixing digits with letters, - or _ (IMG_1234, photo-2,
# DSC0001, 20240312_093512), or a single word with an underscore. Written for JavaScript too:
# Wagtail's content checker runs it in the editor (accessibility.wagtail_hooks).
ALT_FILE_NAME_PATTERN = (
    r"\.(avif|bmp|gif|heic|jpe?g|png|svg|tiff?|webp)$|^(?=.*\d)[\w-]+$|^\S*_\S*$"
)
_FILE_NAME = re.compile(ALT_FILE_NAME_PATTERN, re.IGNORECASE | re.ASCII)  # JavaScript's \w


def looks_like_file_name(alt: str) -> bool:
    return bool(_FILE_NAME.search(alt.strip()))


def image_alt(page) -> list[PageWarning]:
    warnings = []
    for item in _items(page):
        if item.kind != "image" or item.decorative:
            continue
        alt = (item.alt or "").strip()
        if not alt:
            message = _(
                "Image sans texte alternatif : décrivez ce qu'elle montre, ou cochez "
                "« décorative » si elle n'apporte aucune information."
            )
        elif looks_like_file_name(alt):
            message = _(
                "Le texte alternatif « %(alt)s » ressemble à un nom de fichier : décrivez "
                "ce que montre l'image."
            ) % {"alt": alt}
        else:
            continue
        warnings.append(PageWarning("image_alt", str(message), str(item.where)))
    return warnings


# --- heading_jump -------------------------------------------------------------------------


def heading_jump(page) -> list[PageWarning]:
    warnings = []
    previous = 1  # The page title is the h1.
    for item in _items(page):
        if item.kind != "heading":
            continue
        if item.level > previous + 1:
            message = _(
                "Saut de niveau de titre : un titre de niveau %(level)s suit un titre de "
                "niveau %(previous)s. Les intertitres commencent au niveau 2 et ne sautent "
                "pas de niveau."
            ) % {"level": item.level, "previous": previous}
            warnings.append(PageWarning("heading_jump", str(message), str(item.where)))
        previous = item.level
    return warnings


# --- vague_link ---------------------------------------------------------------------------


def normalize_link_text(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


VAGUE_LINK_TEXTS = frozenset(
    normalize_link_text(text)
    for text in [
        "cliquez ici",
        "cliquer ici",
        "ici",
        "en savoir plus",
        "lire la suite",
        "la suite",
        "suite",
        "plus d'infos",
        "plus d'info",
        "plus d'informations",
        "voir plus",
        "lien",
        "click here",
        "here",
        "read more",
        "more",
    ]
)


def vague_link(page) -> list[PageWarning]:
    warnings = []
    for item in _items(page):
        # Document links are links too: « ici » says no more on a PDF.
        if item.kind not in {"link", "document"}:
            continue
        if normalize_link_text(item.text) in VAGUE_LINK_TEXTS:
            message = _(
                "Lien peu explicite « %(text)s » : l'intitulé seul doit dire où mène le "
                "lien (par exemple « Horaires de la déchetterie »)."
            ) % {"text": item.text.strip()}
            warnings.append(PageWarning("vague_link", str(message), str(item.where)))
    return warnings


# --- pdf_without_html ---------------------------------------------------------------------


def _with_objects(items: list[_Item], kind: str, model) -> Iterator[tuple[_Item, object]]:
    """The items of `kind` ("document" or "image") with their object, fetched in one query
    when the block only holds its id."""
    wanted = [item for item in items if item.kind == kind]
    missing = {getattr(item, f"{kind}_id") for item in wanted if getattr(item, kind) is None}
    missing.discard(None)
    found = model.objects.in_bulk(missing) if missing else {}
    for item in wanted:
        obj = getattr(item, kind) or found.get(getattr(item, f"{kind}_id"))
        if obj is not None:
            yield item, obj


def _attached_documents(page, names: Iterable[str] | None = None) -> Iterator[tuple[_Item, object]]:
    """The documents a page holds in its own fields (a publication's PDF, the statement's
    plans), or in the fields `names`, with the field's name as where they are."""
    document_model = get_document_model()
    for model_field in page._meta.concrete_fields:
        if names is not None and model_field.name not in names:
            continue
        if model_field.many_to_one and model_field.related_model is document_model:
            document = getattr(page, model_field.name)
            if document is not None:
                where = _("champ « %(field)s »") % {"field": model_field.verbose_name}
                yield _Item("document", str(where), document=document), document


def _pdfs(items: Iterable[tuple[_Item, object]]) -> Iterator[tuple[_Item, object]]:
    return ((item, document) for item, document in items if _is_pdf(document))


def _is_pdf(document) -> bool:
    return document.file.name.lower().endswith(".pdf")


def pdf_without_html(page) -> list[PageWarning]:
    """PDFs linked from the body, or held by the page for its HTML version, that no HTML
    text stands for."""
    # A page whose own text stands for its PDFs (a publication's body) says so with
    # `has_html_alternative`. A page type meant to give the HTML version of the documents in
    # some of its fields names them in `html_version_of`: without a body, those need one too.
    if getattr(page, "has_html_alternative", False):
        return []
    linked = _with_objects(_items(page), "document", get_document_model())
    own = _attached_documents(page, getattr(page, "html_version_of", ()))
    warnings = []
    for item, document in _pdfs([*linked, *own]):
        message = _(
            "Le document PDF « %(title)s » n'a pas d'alternative HTML : reprenez l'essentiel "
            "de son contenu dans la page, ou publiez-le comme publication avec un résumé."
        ) % {"title": document.title}
        warnings.append(PageWarning("pdf_without_html", str(message), str(item.where)))
    return warnings


# --- untagged_pdf -------------------------------------------------------------------------

# Whether a PDF is tagged, by the SHA-1 of its file (Wagtail's `file_hash`): the answer for
# a file never changes, so each file is read once and the editor stays fast.
TAGGED_PDF = Lookup("tagged-pdf")
TAGGED_PDF_LIFETIME = 90 * 24 * 3600  # seconds


def pdf_is_tagged(document) -> bool:
    """Whether the document's PDF has tags (a structure tree, and its content marked), which
    screen readers follow. A PDF that cannot be read counts as untagged."""
    try:
        file_hash = document.get_file_hash()
    except OSError:
        return False
    return remembered(
        TAGGED_PDF, lambda: _read_tags(document), file_hash, lifetime=TAGGED_PDF_LIFETIME
    )


def _read_tags(document) -> bool:
    try:
        with document.open_file() as file:
            catalog = PdfReader(file).trailer["/Root"]
            mark_info = catalog.get("/MarkInfo") or {}
            return "/StructTreeRoot" in catalog and bool(mark_info.get("/Marked", False))
    except (OSError, PyPdfError, KeyError, TypeError, ValueError):
        return False


def untagged_pdf(page) -> list[PageWarning]:
    """Every untagged PDF of the page: linked from the body or held in one of its fields."""
    linked = _with_objects(_items(page), "document", get_document_model())
    warnings = []
    for item, document in _pdfs([*linked, *_attached_documents(page)]):
        if pdf_is_tagged(document):
            continue
        message = _(
            "PDF non balisé : le document « %(title)s » n'a pas de structure (titres, listes, "
            "tableaux) que les lecteurs d'écran puissent suivre. Enregistrez-le en PDF balisé "
            "(option « PDF accessible » ou « PDF/UA » de votre logiciel) et remplacez le "
            "fichier."
        ) % {"title": document.title}
        warnings.append(PageWarning("untagged_pdf", str(message), str(item.where)))
    return warnings


# --- heavy_image --------------------------------------------------------------------------


def image_max_kb() -> int:
    return settings.COMMUNE_IMAGE_MAX_KB


def heavy_image(page) -> list[PageWarning]:
    budget = image_max_kb()
    warnings = []
    for item, image in _with_objects(_items(page), "image", get_image_model()):
        try:
            size = image.get_file_size()
        except SourceImageIOError:
            continue
        kilobytes = round(size / 1024)
        if kilobytes > budget:
            message = _(
                "L'image « %(title)s » pèse %(size)s Ko, au-delà du budget de %(budget)s Ko : "
                "réduisez-la avant de l'importer (largeur de 2000 pixels au plus, JPEG ou WebP)."
            ) % {"title": image.title, "size": kilobytes, "budget": budget}
            warnings.append(PageWarning("heavy_image", str(message), str(item.where)))
    return warnings


RULES = [image_alt, heading_jump, vague_link, pdf_without_html, untagged_pdf, heavy_image]


def check_page(page) -> list[PageWarning]:
    """All warnings for a page, rule by rule."""
    warnings: list[PageWarning] = []
    for rule in RULES:
        warnings.extend(rule(page))
    return warnings
