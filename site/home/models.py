"""The home page: profile entries, the editors' "en 1 clic" quick links, latest news and
upcoming events."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.cached import PAGE_LISTINGS, digest, remembered
from core.i18n import live_translations
from core.models import BasePage
from core.privacy import is_private

# Functions registered with this hook take (home_page, request, context) and add what their
# app shows on the home page to the template context, lazily (SimpleLazyObject): the home
# page keeps its listings rendered (core's cache_fragment tag) and reads them only to render
# them anew.
HOME_PAGE_CONTEXT_HOOK = "commune_home_page_context"


class QuickLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(label=_("Libellé court"), max_length=60, required=False)

    class Meta:
        icon = "link"
        label = _("Lien rapide")


class HomePage(BasePage):
    """The town's front page, one per language: an entry per resident profile, the "en 1
    clic" quick links to the most requested procedures, then the latest news and the next
    events (their counts set by the editors)."""

    quick_links = StreamField(
        [("link", QuickLinkBlock())],
        verbose_name=_("en 1 clic"),
        blank=True,
        max_num=12,
        help_text=_("Les démarches les plus demandées, affichées en haut de l'accueil."),
    )
    news_count = models.PositiveSmallIntegerField(_("nombre d'actualités"), default=3)
    events_count = models.PositiveSmallIntegerField(_("nombre d'événements"), default=3)

    content_panels = (
        BasePage.content_panels[:2]  # title, intro
        + [FieldPanel("quick_links")]
        + BasePage.content_panels[2:]  # body, warnings
        + [FieldPanel("news_count"), FieldPanel("events_count")]
    )
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["quick_links"] = SimpleLazyObject(self.localized_quick_links)
        # The profile pages, the latest news and the upcoming events come from their own
        # apps, which register a function with this hook (in their wagtail_hooks.py).
        for add_to_context in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK):
            add_to_context(self, request, context)
        return context

    def route(self, request, path_components):
        """Wagtail's routing, which reads the path one level at a time (two queries a
        level), with the page each path named kept until a publication, move or deletion
        (`core.cached.PAGE_LISTINGS`): a page deep in the tree is then read in one query.
        What a routable page answers below its own address (a feed, a form) and the
        addresses that name no page are routed by Wagtail each time."""
        if not path_components:
            return super().route(request, path_components)
        routed = []

        def route_through_the_tree() -> tuple[int, int] | None:
            result = super(HomePage, self).route(request, path_components)
            routed.append(result)
            page = result[0]
            if page.url_path != f"{self.url_path}{'/'.join(path_components)}/":
                return None  # a routable page's own route (feed, form): not kept
            return page.pk, page.content_type_id

        path = digest("/".join(path_components))
        named = remembered(PAGE_LISTINGS, route_through_the_tree, "route", self.pk, path)
        if routed:
            return routed[0]
        if named is None:
            return super().route(request, path_components)
        page_id, content_type_id = named
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        try:
            page = model.objects.get(pk=page_id)
        except model.DoesNotExist:  # deleted since: Wagtail says 404
            return super().route(request, path_components)
        return page.route(request, [])

    def localized_quick_links(self) -> list[tuple[str, Page]]:
        """(label, page) of each live, public quick link, in this home page's language
        (a link without a live translation is left out).

        One query when the links already point at pages in that language (translations
        made by wagtail-localize do), a second one for those that do not.
        """
        links = [
            (block["value"].get("label"), block["value"]["page"])
            for block in self.quick_links.raw_data
            if block["type"] == "link" and block["value"].get("page")
        ]
        linked = Page.objects.filter(pk__in=[pk for _, pk in links]).in_bulk()
        translations = live_translations(linked.values(), self.locale_id)
        localized = []
        for label, page_id in links:
            page = linked.get(page_id)
            if page is not None and page.locale_id != self.locale_id:
                page = translations.get(page.translation_key)
            if page is not None and page.live and not is_private(page):
                localized.append((label or page.title, page))
        return localized

    def get_json_ld(self, request=None):
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": self.title,
            "url": self.full_url,
        }
