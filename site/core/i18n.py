"""Locale lookups without a database query per use.

Templates and structured data need the language of many objects on every page view.
Wagtail's `.localized` and `obj.locale` each cost a query; locales almost never change, so
their codes are kept in the shared cache (core.cached) until a locale is saved or deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from wagtail.models import Locale, Page

from .cached import LOCALE_CODES, remembered


def locale_codes() -> dict[int, str]:
    """Language code of every locale, by locale id."""
    return remembered(LOCALE_CODES, lambda: dict(Locale.objects.values_list("pk", "language_code")))


def locale_id_for(language_code: str) -> int | None:
    """The id of the locale of a language code, or None when the site lacks it."""
    return next((pk for pk, code in locale_codes().items() if code == language_code), None)


def language_code_of(obj) -> str:
    """The language code of a translatable object (page or snippet)."""
    code = locale_codes().get(obj.locale_id)
    return code if code is not None else obj.locale.language_code


def in_locale(obj, locale_id: int):
    """`obj` translated into `locale_id` when such a (live) translation exists, else `obj`.

    Costs nothing when `obj` is already in that locale, which is the common case.
    """
    if obj is None or obj.locale_id == locale_id:
        return obj
    translations = obj.get_translations().filter(locale_id=locale_id)
    if isinstance(obj, Page):
        translations = translations.live()
    return translations.first() or obj


def live_translations(pages: Iterable[Page], locale_id: int) -> dict[UUID, Page]:
    """The live translations into `locale_id` of those `pages` that are in another locale,
    by translation key: one query, none when every page is already in that locale."""
    keys = {page.translation_key for page in pages if page.locale_id != locale_id}
    if not keys:
        return {}
    translations = Page.objects.live().filter(locale_id=locale_id, translation_key__in=keys)
    return {page.translation_key: page for page in translations}
