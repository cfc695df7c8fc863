"""Pages and documents turned into Meilisearch documents.

What is searchable on a page is declared where Wagtail expects it, in each page model's
`search_fields`; this module reads those declarations, so a new page type is indexed
without touching the search app. Two things are still read here by name, and a new page type
may want an edit: its rank among equal results (TYPE_WEIGHTS, by model name, else
DEFAULT_WEIGHT) and its date (a `date` or `start` field, else none).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice

from django.db.models import Model, QuerySet, prefetch_related_objects
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.translation import gettext
from wagtail.models import Locale, Page
from wagtail.search import index

from core.i18n import language_code_of
from core.privacy import public_documents

from .language import stems
from .vocabulary import vocabulary

TAXONOMIES = ("profiles", "themes")
PREFETCH_CHUNK = 500  # pages whose taxonomies are fetched together
# How much a page type weighs when two results are otherwise equal: residents mostly look
# for what to do and where to go, then for news.
TYPE_WEIGHTS = {
    "procedurepage": 6,
    "placepage": 5,
    "contentpage": 5,
    "contactformpage": 5,  # how to reach the town hall
    "profilepage": 5,
    "sectionpage": 4,
    # Listings: the council's minutes, the associations' directory, the town's places.
    "publicationindexpage": 5,
    "directoryindexpage": 5,
    "placeindexpage": 5,
    "directoryentrypage": 3,
    "publicationpage": 3,
    "eventpage": 2,
    "newspage": 1,
    "document": 1,
}
DEFAULT_WEIGHT = 2
# Types from this weight up answer a task (what to do, where to go, which service, which
# list, which audience): the engine ranks them before the sections that lead to them and the
# dated items (news, events, minutes, documents) that match the query as well, whatever the
# attribute the words are found in.
ANSWER_WEIGHT = 5
MAX_CONTENT_CHARS = 20_000
DOCUMENT_TYPE = "document"
# Fields given their own attribute in the document; every other SearchField is "content".
_OWN_ATTRIBUTES = {"title", "intro", "search_description"}
# Contact fields a page shows beside their label ("Téléphone : 03 …"): the label is indexed
# with the value, so that "numéro de la police" finds the police station, whose text names
# no telephone. Only the phone: an e-mail address would add its domain's words to every page.
CONTACT_FIELDS = ("phone",)
# Attributes also indexed as stems ("title" -> "title_stems"), which is what queries search.
STEMMED_ATTRIBUTES = ("title", "keywords", "intro", "content", "themes", "profiles")


def page_document_id(page_id: int) -> str:
    return f"page-{page_id}"


def document_document_id(document_id: int) -> str:
    return f"document-{document_id}"


def page_document(page: Page) -> dict:
    """The Meilisearch document of a (specific) page, in the page's own language."""
    language_code = language_code_of(page)
    profiles = _related(page, "profiles")
    themes = _related(page, "themes")
    model_name = page._meta.model_name
    with translation.override(language_code):
        label = type_label(type(page))
        content = _content(page)
    document = {
        "id": page_document_id(page.pk),
        "group": page_document_id(page.pk),
        "title": page.title,
        "keywords": page.search_description,
        "intro": getattr(page, "intro", ""),
        "content": content,
        "type": model_name,
        "type_label": label,
        "profiles": [profile.name for profile in profiles],
        "profile_slugs": [profile.slug for profile in profiles],
        "themes": [theme.name for theme in themes],
        "theme_slugs": [theme.slug for theme in themes],
        "date": _timestamp(getattr(page, "date", None) or getattr(page, "start", None)),
        "url": page.get_url(),
        "weight": TYPE_WEIGHTS.get(model_name, DEFAULT_WEIGHT),
        "answers": answers(model_name),
    }
    return with_stems(document, language_code)


def document_documents(document: Model) -> dict[str, dict]:
    """A Wagtail document, by language code: one per locale of the live publications that
    link it (their intro is its summary), or the default language when none does."""
    from publications.models import PublicationPage

    publications = PublicationPage.objects.live().public().filter(document=document)
    # A PDF and the HTML page that summarises it are one result: the "group" lets the
    # engine show whichever ranks better, not both.
    summaries = {
        language_code_of(page): (page.intro, page_document_id(page.pk)) for page in publications
    }
    if not summaries:
        own_group = document_document_id(document.pk)
        summaries = {Locale.get_default().language_code: ("", own_group)}
    return {
        code: with_stems(
            {
                "id": document_document_id(document.pk),
                "group": group,
                "title": document.title,
                "keywords": "",
                "intro": summary,
                "content": "",
                "type": DOCUMENT_TYPE,
                "type_label": _document_label(code),
                "profiles": [],
                "profile_slugs": [],
                "themes": [],
                "theme_slugs": [],
                "date": _timestamp(document.created_at),
                "url": document.url,
                "weight": TYPE_WEIGHTS[DOCUMENT_TYPE],
                "answers": answers(DOCUMENT_TYPE),
            },
            code,
        )
        for code, (summary, group) in summaries.items()
    }


def answers(model_name: str) -> int:
    """1 for a page type that answers a task, 0 for a dated item (the "answers" rule)."""
    return int(TYPE_WEIGHTS.get(model_name, DEFAULT_WEIGHT) >= ANSWER_WEIGHT)


def with_stems(document: dict, language_code: str) -> dict:
    """The document with the stems of each of its STEMMED_ATTRIBUTES beside the text, with
    the tokens of the vocabulary's terms (search.vocabulary)."""
    terms = vocabulary(language_code)
    for name in STEMMED_ATTRIBUTES:
        value = document[name]
        text = " ".join(value) if isinstance(value, list) else value or ""
        document[f"{name}_stems"] = " ".join(terms.annotated(stems(text, language_code).split()))
    return document


def type_label(model: type[Model]) -> str:
    """A model's verbose name as a result label, in the active language."""
    name = force_str(model._meta.verbose_name)
    return name[:1].upper() + name[1:]


def live_pages(locale_id: int) -> QuerySet[Page]:
    return Page.objects.live().public().filter(locale_id=locale_id, depth__gt=1)


def page_documents(pages: Iterable[Page]) -> Iterator[dict]:
    """Documents of the indexable pages among `pages` (specific instances are fetched)."""
    items = iter(pages)
    while chunk := [page.specific for page in islice(items, PREFETCH_CHUNK)]:
        _prefetch_taxonomies(chunk)
        for page in chunk:
            if page.get_url() is not None:
                yield page_document(page)


def _prefetch_taxonomies(pages: list[Page]) -> None:
    """Profiles and themes of a chunk of pages in two queries per page type instead of two per
    page (the relations are declared on each concrete model, so one type at a time)."""
    by_type: dict[type, list[Page]] = defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page)
    for model, group in by_type.items():
        names = [name for name in TAXONOMIES if hasattr(model, name)]
        if names:
            prefetch_related_objects(group, *names)


def all_documents() -> Iterator[Model]:
    """The documents the index holds: those of private collections stay out of it."""
    return public_documents().iterator()


def _document_label(language_code: str) -> str:
    with translation.override(language_code):
        return gettext("Document")


def _related(page: Page, name: str) -> list:
    manager = getattr(page, name, None)
    return list(manager.all()) if manager is not None else []


def _content(page: Page) -> str:
    """The text of every other searchable field of the page, in declaration order."""
    parts: list[str] = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name not in _OWN_ATTRIBUTES:
            parts.extend(_texts(field.get_value(page)))
    parts.extend(_contact(page))
    return " ".join(part for part in parts if part)[:MAX_CONTENT_CHARS]


def _contact(page: Page) -> list[str]:
    """The page's CONTACT_FIELDS as shown: label (in the active language) and value."""
    return [
        f"{force_str(field.verbose_name)} {value}"
        for field in page._meta.concrete_fields
        if field.name in CONTACT_FIELDS and (value := field.value_from_object(page))
    ]


def _texts(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [force_str(item) for item in value]
    if isinstance(value, Model):
        return [str(value)]
    return [force_str(value)]


def _timestamp(value: date | datetime | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return int(value.timestamp())
    return int(time.mktime(value.timetuple()))
