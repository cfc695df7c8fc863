"""Private sections (Wagtail's page view restrictions) without a query per use, and private
documents (collection view restrictions).

Wagtail asks the database for every restriction each time a listing calls `.public()` and
twice more before serving any page. A town site has few private sections, and they change
only when an editor edits a page's privacy, so their paths are kept in the shared cache
(core.cached) until a restriction is saved or deleted or a page moves, and read from it once
per request however often a render asks.
"""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet
from wagtail.documents import get_document_model
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageManager,
    PageQuerySet,
    PageViewRestriction,
)

from .cached import PRIVATE_PATHS, remembered


def restricted_paths() -> list[str]:
    """Tree paths of the pages that carry a view restriction."""
    return remembered(
        PRIVATE_PATHS,
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def is_private(page: Page) -> bool:
    """Whether the page is in a private section (itself restricted or below such a page)."""
    return any(page.path.startswith(path) for path in restricted_paths())


def private_sections_q() -> Q:
    """Pages in a private section, as a filter on tree paths (matches nothing when the site
    has none)."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def public_documents() -> QuerySet[Model]:
    """Wagtail documents that anyone may download: outside every collection restricted by
    its privacy setting (a restriction covers the collection's sub-collections too, as
    Wagtail's document view applies it). Read when indexing, never per public request, so
    not cached."""
    private = Q()
    for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
        private |= Q(collection__path__startswith=path)
    documents = get_document_model().objects.all()
    return documents.exclude(private) if private else documents


class PublicPageQuerySet(PageQuerySet):
    """Wagtail's page queryset with the listings' filter, which reads the cached paths."""

    def in_listings(self) -> PublicPageQuerySet:
        """What a listing may show: live, public pages, without the StreamFields that
        listings never display (loading and decoding bodies was a tenth of the agenda)."""
        return self.live().exclude(private_sections_q()).defer_streamfields()


PublicPageManager = PageManager.from_queryset(PublicPageQuerySet)


def all_pages() -> PublicPageQuerySet:
    """Pages of every type, for listings that mix them (menus, section children)."""
    return PublicPageQuerySet(Page)


class CachedViewRestrictionsMixin:
    """Skips Wagtail's two restriction queries before serving a page while the site has no
    private section at all (the usual case); otherwise asks Wagtail, which also follows
    aliases to their source pages."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
