"""Internal links in rich text, pointed at the visitor's language in one query."""

from __future__ import annotations

from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .i18n import live_translations, locale_id_for


class LocalizedPageLinkHandler(PageLinkHandler):
    """Wagtail's page links, which lead to the live translation in the active language when
    there is one. Wagtail's own handler asks the database for the active locale once per
    link, and for each translation apart; this one reads the locale from the cache and all
    the translations of a text at once."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        # Plain pages: their URL comes from the tree and the site alone (no page type of the
        # project builds its own), and `.specific` would cost one query per type linked.
        pages = Page.objects.filter(pk__in=[attrs.get("id") for attrs in attrs_list])
        by_id = {str(page.pk): page for page in pages}
        return [by_id.get(str(attrs.get("id"))) for attrs in attrs_list]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        pages = cls.get_many(attrs_list)
        locale_id = locale_id_for(translation.get_language())
        linked = [page for page in pages if page is not None]
        translations = live_translations(linked, locale_id) if locale_id else {}
        return [
            f'<a href="{escape(translations.get(page.translation_key, page).url)}">'
            if page
            else "<a>"
            for page in pages
        ]
