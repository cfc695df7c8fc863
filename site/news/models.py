"""Actualités: news items and their index, with RSS and Atom feeds."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from core.i18n import language_code_of
from core.models import BasePage, Neighbourhood
from core.pagination import paginate
from core.sharing import DiffusionPanel, SharedOnSocialNetworks


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The town's actualités: lists every news item below it, newest first, and offers them
    as RSS and Atom feeds (rss/, atom/)."""

    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("index des actualités")

    def news(self):
        return (
            NewsPage.objects.in_listings()
            .descendant_of(self)  # news take no children: see EventIndexPage.events()
            .order_by("-date", "-pk")
            .prefetch_related("themes")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_page"] = paginate(request, self.news(), per_page=12)
        return context

    def get_cached_paths(self) -> list[str]:
        """The feeds change with the listing: purged with it from the page caches."""
        return ["/", "rss/", "atom/"]

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(SharedOnSocialNetworks, BasePage):
    """One news item of the town (works, a council decision, a school holiday reminder),
    dated and optionally tied to the neighbourhoods it concerns."""

    date = models.DateField(_("date de publication"), default=timezone.localdate)
    neighbourhoods = ParentalManyToManyField(Neighbourhood, verbose_name=_("quartiers"), blank=True)

    content_panels = (
        BasePage.content_panels[:1] + [FieldPanel("date")] + BasePage.content_panels[1:]
    )
    promote_panels = BasePage.promote_panels + [FieldPanel("neighbourhoods"), DiffusionPanel()]
    search_fields = BasePage.search_fields + [index.FilterField("date")]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("actualité")
        indexes = [models.Index(fields=["date"])]

    def get_json_ld(self, request=None):
        return {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.intro,
            "datePublished": self.date.isoformat(),
            "url": self.full_url,
            "inLanguage": language_code_of(self),
        }
