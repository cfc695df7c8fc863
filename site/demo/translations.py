"""The English and Dutch demo pages are wagtail-localize translations of the French
source: the translated strings live in PO catalogues (msgid = French segment) and are
stored as wagtail-localize StringTranslations before each target is saved."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.models import Alert, Neighbourhood, Theme
from events.models import EventPage
from news.models import NewsPage
from profiles.models import Profile, ProfilePage
from publications.models import PublicationKind, PublicationPage

from .content import newsletters

CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"
TARGET_LANGUAGES = ("en", "nl")
# Pages translated whole, besides the sections, profile pages and the newest items.
TRANSLATED_SLUGS = {
    "accueil",
    "actualites",
    "agenda",
    "equipements",
    "hotel-de-ville",
    "mediatheque",
    "piscine",
    "restauration-scolaire",
    "passeport-carte-identite",
    "inscription-scolaire",
    "collecte-dechets",
    "annuaire-associations",
    "conseil-municipal",
    "contact",
    "accessibilite",
    "ecoconception",
    # The letters' archive and every letter (the sent ones show in each language's archive).
    newsletters.ARCHIVE["slug"],
    *(letter["slug"] for letter in newsletters.LETTERS),
}


def catalogue_path(language: str) -> Path:
    return CATALOGUE_DIR / f"{language}.po"


def load_catalogue(language: str) -> dict[str, str]:
    path = catalogue_path(language)
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def pages_to_translate(home: Page) -> list[Page]:
    """Source pages of the demo translations, parents before children."""
    french = home.locale
    pages = Page.objects.descendant_of(home, inclusive=True).filter(locale=french).live()
    chosen = set(
        pages.filter(depth__lte=home.depth + 1)
        .exclude(slug__in=["equipements"])
        .type(*_section_like_models())
        .values_list("pk", flat=True)
    )
    chosen |= set(pages.filter(slug__in=TRANSLATED_SLUGS).values_list("pk", flat=True))
    chosen |= set(
        NewsPage.objects.live()
        .filter(locale=french)
        .order_by("-date")
        .values_list("pk", flat=True)[:3]
    )
    chosen |= set(
        EventPage.objects.filter(locale=french).upcoming().values_list("pk", flat=True)[:3]
    )
    chosen |= set(
        PublicationPage.objects.live()
        .filter(locale=french, kind=PublicationKind.MINUTES)
        .order_by("-date")
        .values_list("pk", flat=True)[:1]
    )
    chosen |= set(
        Page.objects.child_of(pages.get(slug="annuaire-associations"))
        .live()
        .order_by("title")
        .values_list("pk", flat=True)[:2]
    )
    selected = list(Page.objects.filter(pk__in=chosen).order_by("path").specific())
    # A page can only be translated under a translated parent.
    selected_ids = {page.pk for page in selected}
    return [
        page
        for page in selected
        if page.depth <= home.depth or page.get_parent().pk in selected_ids
    ]


def _section_like_models():
    from core.models import SectionPage

    return (SectionPage, ProfilePage)


def translatable_snippets() -> Iterable:
    french = Locale.get_default()
    for model in (Theme, Neighbourhood, Profile, Alert):
        yield from model.objects.filter(locale=french)


def translate_object(instance, locale: Locale, catalogue: dict[str, str]) -> None:
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        translated = catalogue.get(segment.string.data)
        if translated:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translated, "translation_type": "manual", "has_error": False},
            )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translation.save_target(publish=True)


def translate_demo(home: Page, log: Callable[[str], None] = lambda _: None) -> int:
    """Create or refresh the demo translations; returns the number of translated pages."""
    pages = pages_to_translate(home)
    for language in TARGET_LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        catalogue = load_catalogue(language)
        with transaction.atomic():
            for snippet in translatable_snippets():
                translate_object(snippet, locale, catalogue)
            for page in pages:
                translate_object(page, locale, catalogue)
        log(f"  {language}: {len(pages)} pages, {len(catalogue)} strings in the catalogue")
    # Publishing a translated parent from a revision restores the child count it had when
    # the revision was taken; recount so that routing sees the translated children.
    Page.fix_tree(fix_paths=False)
    return len(pages) * len(TARGET_LANGUAGES)


def export_untranslated(home: Page) -> dict[str, int]:
    """Add every source string of the translated demo objects to the PO catalogues,
    keeping existing translations. Returns the number of empty entries per language."""
    objects = [*translatable_snippets(), *pages_to_translate(home)]
    strings: list[str] = []
    for instance in objects:
        source, created = TranslationSource.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        for segment in (
            StringSegment.objects.filter(source=source).select_related("string").order_by("order")
        ):
            if segment.string.data not in strings:
                strings.append(segment.string.data)
    missing = {}
    for language in TARGET_LANGUAGES:
        path = catalogue_path(language)
        po = polib.pofile(str(path)) if path.exists() else polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=utf-8", "Language": language}
        known = {entry.msgid for entry in po}
        for text in strings:
            if text not in known:
                po.append(polib.POEntry(msgid=text, msgstr=""))
        path.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(path))
        missing[language] = sum(1 for entry in po if not entry.msgstr)
    return missing
