"""The pages to check: one per page type of the demo town, in French and in English.

Each type is represented by its first live page in tree order that has a live English
translation, so both languages show the same content; a type with no English translation is
checked in French only and listed in `PageList.untranslated`.

Queries the database: call it before starting Playwright, whose sync API keeps an event
loop running in the calling thread, where Django then refuses ORM calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from django.apps import apps
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

SOURCE_LANGUAGE = "fr"
TRANSLATION_LANGUAGE = "en"

# (label, app_label.ModelName) for the types served by Wagtail as they are.
WAGTAIL_PAGE_TYPES: list[tuple[str, str]] = [
    ("home", "home.HomePage"),
    ("section", "core.SectionPage"),
    ("content page", "core.ContentPage"),
    ("news index", "news.NewsIndexPage"),
    ("news page", "news.NewsPage"),
    ("event index", "events.EventIndexPage"),
    ("event page", "events.EventPage"),
    ("procedure", "procedures.ProcedurePage"),
    ("place index", "places.PlaceIndexPage"),
    ("place", "places.PlacePage"),
    ("directory index", "directory.DirectoryIndexPage"),
    ("directory entry", "directory.DirectoryEntryPage"),
    ("publication index", "publications.PublicationIndexPage"),
    ("publication page", "publications.PublicationPage"),
    ("contact form", "core.ContactFormPage"),
    ("profile page", "profiles.ProfilePage"),
    ("accessibility statement", "accessibility.AccessibilityStatementPage"),
    ("eco-design statement", "accessibility.EcoDesignStatementPage"),
]

# The order of the report: the page types of issue 4, then the search results page.
REPORT_ORDER = [
    "home", "section", "content page", "news index", "news page", "event index", "event page",
    "event proposal form", "procedure", "place index", "place", "directory index",
    "directory entry", "publication index", "publication page", "contact form", "profile page",
    "accessibility statement", "eco-design statement", "search results",
]  # fmt: skip

# A query that has results in each language of the demo.
SEARCH_QUERIES = {SOURCE_LANGUAGE: "piscine", TRANSLATION_LANGUAGE: "swimming pool"}


@dataclass(frozen=True)
class PageTarget:
    """One page to visit: its type, its language and its path on the site."""

    page_type: str
    language: str
    path: str

    @property
    def label(self) -> str:
        return f"{self.page_type} ({self.language})"


@dataclass
class PageList:
    targets: list[PageTarget] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)  # page types checked in French only
    missing: list[str] = field(default_factory=list)  # page types with no live page at all


def page_targets() -> PageList:
    """Every page type of the demo database, French then English, in a stable order."""
    source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    translated = Locale.objects.filter(language_code=TRANSLATION_LANGUAGE).first()
    result = PageList()
    for label, model_name in WAGTAIL_PAGE_TYPES:
        _add_page_type(result, label, model_name, source, translated)
    for language in (SOURCE_LANGUAGE, TRANSLATION_LANGUAGE):
        result.targets.append(PageTarget("search results", language, _search_path(language)))
    return _ordered(result)


def _add_page_type(
    result: PageList, label: str, model_name: str, source: Locale, translated: Locale | None
) -> None:
    page, translation_page = _representative(model_name, source, translated)
    if page is None:
        result.missing.append(label)
        return
    result.targets.append(PageTarget(label, SOURCE_LANGUAGE, _path(page)))
    if translation_page is None:
        result.untranslated.append(label)
    else:
        result.targets.append(PageTarget(label, TRANSLATION_LANGUAGE, _path(translation_page)))
    if model_name == "events.EventIndexPage":
        _add_event_proposal_form(result, page, translation_page)


def _representative(
    model_name: str, source: Locale, translated: Locale | None
) -> tuple[Page | None, Page | None]:
    """The first live page of the type with a live translation, else its first live page."""
    pages = (
        Page.objects.type(apps.get_model(model_name))
        .filter(locale=source)
        .live()
        .public()
        .order_by("path")
        .specific()
    )
    first = None
    for page in pages:
        first = first or page
        translation_page = _live_translation(page, translated)
        if translation_page is not None:
            return page, translation_page
    return first, None


def _live_translation(page: Page, locale: Locale | None) -> Page | None:
    if locale is None:
        return None
    translation_page = page.get_translation_or_none(locale)
    if translation_page is None or not translation_page.live:
        return None
    return translation_page.specific


def _path(page: Page) -> str:
    """The page's path without scheme or host, whatever the number of sites."""
    return urlsplit(page.get_url()).path


def _add_event_proposal_form(result: PageList, index: Page, translation_index: Page | None) -> None:
    """The association proposal form is a route of the event index, not a page of its own."""
    subpath = index.reverse_subpage("propose")
    result.targets.append(
        PageTarget("event proposal form", SOURCE_LANGUAGE, _path(index) + subpath)
    )
    if translation_index is None:
        result.untranslated.append("event proposal form")
    else:
        result.targets.append(
            PageTarget(
                "event proposal form",
                TRANSLATION_LANGUAGE,
                _path(translation_index) + translation_index.reverse_subpage("propose"),
            )
        )


def _search_path(language: str) -> str:
    with translation.override(language):
        path = reverse("search")
    return f"{path}?{urlencode({'q': SEARCH_QUERIES[language]})}"


def _ordered(result: PageList) -> PageList:
    """French pages first, then English, each in REPORT_ORDER."""
    language_order = {SOURCE_LANGUAGE: 0, TRANSLATION_LANGUAGE: 1}
    result.targets.sort(
        key=lambda target: (language_order[target.language], REPORT_ORDER.index(target.page_type))
    )
    return result
