"""Internal links in rich text, pointed at the visitor's language in one query, and kept
(core.cached.PAGE_LISTINGS) until a publication, move or deletion changes an address."""

from __future__ import annotations

from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .cached import PAGE_LISTINGS, digest, remembered
from .i18n import live_translations, locale_id_for


class LocalizedPageLinkHandler(PageLinkHandler):
    """Wagtail's page links, which lead to the live translation in the active language when
    there is one. Wagtail's own handler asks the database for the active locale once per
    link, and for each translation apart; this one reads the locale from the cache and all
    the translations of a text at once, and keeps the addresses it found."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        # Plain pages: their URL comes from the tree and the site alone (no page type of the
        # project builds its own), and `.specific` would cost one query per type linked.
        # An id that is not a number (a link pasted without one) leads nowhere, not to a 500.
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        pages = Page.objects.filter(pk__in=[pk for pk in ids if pk.isascii() and pk.isdigit()])
        by_id = {str(page.pk): page for page in pages}
        return [by_id.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        language = translation.get_language()
        ids = sorted({str(attrs.get("id")) for attrs in attrs_list})
        urls = remembered(
            PAGE_LISTINGS,
            lambda: cls.localized_urls(ids, language),
            "rich-text-links",
            language,
            digest(",".join(ids)),
        )
        return [
            f'<a href="{escape(urls[page_id])}">' if urls.get(page_id) is not None else "<a>"
            for page_id in (str(attrs.get("id")) for attrs in attrs_list)
        ]

    @classmethod
    def localized_urls(cls, ids: list[str], language: str) -> dict[str, str | None]:
        """The address each linked page id leads to in `language`: its live translation's
        when it has one, else its own (None for a page that no longer exists)."""
        pages = cls.get_many([{"id": page_id} for page_id in ids])
        locale_id = locale_id_for(language)
        linked = [page for page in pages if page is not None]
        translations = live_translations(linked, locale_id) if locale_id else {}
        return {
            page_id: translations.get(page.translation_key, page).url if page else None
            for page_id, page in zip(ids, pages, strict=True)
        }
