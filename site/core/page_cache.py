"""Full-page cache for anonymous visitors, and the purges that keep it exact.

A public page that anyone may read (no session, no CSRF cookie, no query string, no view
restriction, no cookie set by the answer) is kept whole in the shared cache after its first
render, and served from there until what it shows changes. The cache sits in front of the
page views (`PageCacheMiddleware`, right after WhiteNoise) and stores plain data: status,
headers and bytes.

Purges go through Wagtail's `wagtail.contrib.frontend_cache`, whose backends receive the
URLs to forget: `PageCacheBackend` is this cache's backend, and a reverse proxy (Varnish,
`COMMUNE_PROXY_PURGE_URL`) is another, so one purge reaches both. This cache is purged
inside the editor's transaction and again when it commits (until then another process may
still render and store the old rows). A purge is a dated mark beside the page, which stores
never overwrite: a page rendered from before the mark is no longer served, however the
render and the purge interleave. Proxies get the same URLs through the frontend cache's
task, out of the editor's request.

After a publication (not after an unpublication or a deletion), the mark keeps the
previous version for STALE_GRACE seconds: one reader renders the new page while the others
get the previous one, rather than every reader rendering it at once on election night.

What a change purges (`urls_showing`): the page and its translations, the pages that list
it (its ancestors up to the home page, with their feeds, the profile pages), the sitemap,
and the pages that link to it (Wagtail's reference index). A page that other pages hang
from, a page in the menu, a move, and any change of the site-wide parts (alert banner, menu
settings, town settings, themes and profiles, languages, privacy) purge every page: a new
generation number, one write, and, for the proxies, every live page's URL (worked out by a
task: thousands of them on a town's site).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_delete
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .transactions import on_commit_batch

T = TypeVar("T")

GENERATION_KEY = "commune:pages:generation"
# The name of this cache's backend in WAGTAILFRONTENDCACHE.
BACKEND_NAME = "pages"
CACHE_STATUS_HEADER = "X-Commune-Cache"
# After a publication, how long readers may still get the previous version of a page while
# one of them renders the new one (seconds); and how long that render may hold its turn.
STALE_GRACE = 0.5
RENDER_LOCK_SECONDS = 10
_GZIP = re.compile(r"\bgzip\b")
_S_MAXAGE = re.compile(r"s-maxage=\d+")
_ENCODINGS = ("gzip", "identity")
# Models whose rows show on every page: a saved or deleted row purges them all.
EVERY_PAGE_MODELS = (
    "core.Alert",  # the alert banner
    "core.TownSettings",  # header, footer, contact details
    "core.Theme",  # theme names in pages and filters
    "profiles.Profile",  # the profiles' menu
    "wagtailcore.Locale",  # the language switcher
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",  # a section turned private leaves the menus
    "accessibility.AccessibilityAudit",  # the footer's accessibility status
    "accessibility.CheckRun",  # the statements quote the latest automated check
)


def is_enabled() -> bool:
    """Whether public pages are cached (settings.COMMUNE_PAGE_CACHE)."""
    return getattr(settings, "COMMUNE_PAGE_CACHE", False)


def lifetime() -> int:
    """Seconds a cached page lives at most: a safety net for what no save announces (a
    page listing events expires by itself when the first is over: `expire_by`)."""
    return getattr(settings, "COMMUNE_PAGE_CACHE_SECONDS", 300)


# Marks set on the request while a page renders.


def allow(request: HttpRequest) -> None:
    """The page being rendered is the same for every anonymous reader: it may be cached."""
    request.commune_page_cacheable = True


def cacheable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A view outside the page tree whose answer is the same for every reader (the
    sitemap): cached like the pages, purged with them."""

    @wraps(view)
    def view_allowing_the_cache(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        allow(request)
        return view(request, *args, **kwargs)

    return view_allowing_the_cache


def expire_by(request: HttpRequest, timestamp: float | None) -> None:
    """What the page shows stops being true at `timestamp` (an alert starts or ends)."""
    if timestamp is None:
        return
    current = getattr(request, "commune_page_expires_at", None)
    request.commune_page_expires_at = timestamp if current is None else min(current, timestamp)


def expiry_of(request: HttpRequest, render: Callable[[], T]) -> tuple[T, float | None]:
    """What `render` returns, and when what it shows stops being true (the `expire_by`
    calls made while it ran: a cached fragment of the page keeps it, and gives it to
    `expire_by` each time the page shows it)."""
    page_expires_at = getattr(request, "commune_page_expires_at", None)
    request.commune_page_expires_at = None
    try:
        value = render()
        expires_at = request.commune_page_expires_at
    finally:
        request.commune_page_expires_at = page_expires_at
    return value, expires_at


# Keys.


def _key(netloc: str, path: str, encoding: str) -> str:
    digest = hashlib.sha256(f"{netloc.lower()}\n{path}\n{encoding}".encode()).hexdigest()
    return f"commune:page:{digest}"


def _encoding(request: HttpRequest) -> str:
    return "gzip" if _GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"


def _may_be_cached(request: HttpRequest) -> bool:
    """A request any anonymous reader could have made: read and store only those."""
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.CSRF_COOKIE_NAME not in request.COOKIES
    )


def _purge_mark(key: str) -> str:
    """Where a page's last purge is noted (its time, and the previous version after a
    publication); stores never overwrite it, so no store can hide a purge."""
    return f"{key}:purged"


def _is_valid(entry: Any, generation: int | None, mark: Any, now: float) -> bool:
    return (
        entry is not None
        and entry["generation"] == generation
        and entry["expires_at"] > now
        and (mark is None or entry["rendered_from"] > mark["at"])
    )


def _render_lock(key: str) -> str:
    # The lock lapses by itself if the render that holds it dies.
    return f"{key}:rendering"


class PageCacheMiddleware:
    """Serves anonymous readers' pages from the cache; stores the pages that allow it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_enabled() or not _may_be_cached(request):
            response = self.get_response(request)
            if getattr(request, "commune_page_cacheable", False):
                # Shown to someone with a session (an editor sees the userbar): no proxy
                # may keep it for others.
                patch_cache_control(response, private=True)
            return response
        started = time.time()
        key = _key(request.get_host(), request.path, _encoding(request))
        found = cache.get_many([GENERATION_KEY, key, _purge_mark(key)])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        mark = found.get(_purge_mark(key))
        if _is_valid(entry, generation, mark, started):
            return _replay(request, entry, "hit")
        rendering = None
        if mark and "stale" in mark and started - mark["at"] < STALE_GRACE:
            rendering = _render_lock(key)
            if not cache.add(rendering, 1, RENDER_LOCK_SECONDS):
                # A page just republished: one reader renders it, the others get the
                # previous version for at most STALE_GRACE seconds, not all rendering at once.
                return _replay(request, mark["stale"], "stale")
        try:
            response = self.get_response(request)
            if self._storable(request, response):
                self._store(request, response, key, generation, started)
        finally:
            if rendering:
                cache.delete(rendering)
        return response

    @staticmethod
    def _storable(request: HttpRequest, response: HttpResponse) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            getattr(request, "commune_page_cacheable", False)
            and request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        )

    @staticmethod
    def _store(
        request: HttpRequest,
        response: HttpResponse,
        key: str,
        generation: int | None,
        started: float,
    ) -> None:
        if generation is None:
            generation = time.time_ns()
            if not cache.add(GENERATION_KEY, generation, None):
                return  # another process started a generation meanwhile: store next time
        mark = cache.get(_purge_mark(key))
        if mark and mark["at"] >= started:
            return  # purged while this page rendered: what it read may be old
        expires_at = started + lifetime()
        page_expiry = getattr(request, "commune_page_expires_at", None)
        if page_expiry is not None:
            expires_at = min(expires_at, page_expiry)
        seconds = int(expires_at - time.time())
        if seconds < 1:
            return
        patch_cache_control(response, max_age=0, s_maxage=seconds)
        entry = {
            "generation": generation,
            # A purge after this moment makes the entry invalid, even one that lands
            # between the check above and the write below.
            "rendered_from": started,
            "expires_at": expires_at,
            "headers": list(response.items()),
            "content": response.content,
        }
        cache.set(key, entry, seconds)
        response[CACHE_STATUS_HEADER] = "miss"


def _replay(request: HttpRequest, entry: dict[str, Any], status: str) -> HttpResponse:
    """The stored page, or a 304 when the reader already has it. The hot path of an
    election night: headers are copied as stored, with only the proxies' lifetime
    rewritten."""
    body = b"" if request.method == "HEAD" else entry["content"]
    # What a proxy may keep it for is what is left of its life here (a stale copy: none).
    left = 0 if status == "stale" else max(1, int(entry["expires_at"] - time.time()))
    headers = {
        name: _S_MAXAGE.sub(f"s-maxage={left}", value) if name == "Cache-Control" else value
        for name, value in entry["headers"]
    }
    headers[CACHE_STATUS_HEADER] = status
    response = HttpResponse(body, headers=headers)
    if "HTTP_IF_NONE_MATCH" in request.META:
        return get_conditional_response(request, etag=response.get("ETag"), response=response)
    return response


# Purges.


def purge_urls(urls: Iterable[str], *, keep_stale: bool = False) -> None:
    """Forget the pages at these absolute URLs, in both encodings, for this generation.

    With `keep_stale` (a publication: the old version is not wrong, only older), readers
    may still get the old version for STALE_GRACE seconds while one of them renders the new
    one. Never after an unpublication or a deletion."""
    now = time.time()
    keys = [
        _key(parts.netloc, unquote(parts.path), encoding)
        for parts in map(urlsplit, urls)
        if not parts.query  # pages with a query string are never stored
        for encoding in _ENCODINGS
    ]
    if not keys:
        return
    marks = {_purge_mark(key): {"at": now} for key in keys}
    if keep_stale:
        found = cache.get_many([GENERATION_KEY, *keys, *marks])
        for key in keys:
            previous = _previous_version(found, key, now)
            if previous:
                marks[_purge_mark(key)]["stale"] = previous
    cache.set_many(marks, lifetime())


def _previous_version(found: dict[str, Any], key: str, now: float) -> dict[str, Any] | None:
    """The version readers had until this purge: the stored page if still valid, or the
    previous version a purge of the same change kept a moment ago (inside the editor's
    transaction, then at its commit)."""
    entry, mark = found.get(key), found.get(_purge_mark(key))
    if _is_valid(entry, found.get(GENERATION_KEY), mark, now):
        return entry
    if mark and "stale" in mark and now - mark["at"] < STALE_GRACE:
        return mark["stale"]
    return None


def purge_everything() -> None:
    """Every cached page is stale: a new generation, now and when the transaction commits
    (until then another process may still read and cache the old rows), and every live
    page's URL is purged from the reverse proxies."""
    _new_generation()
    on_commit_batch(("page-cache", "everything"), None, _purge_everything_now)


def _new_generation() -> None:
    cache.set(GENERATION_KEY, time.time_ns(), None)


def _purge_everything_now(_items: list) -> None:
    # core.tasks imports this module (as Wagtail's frontend cache imports its own tasks).
    from .tasks import purge_every_page_from_proxies

    _new_generation()
    if proxy_backends():
        purge_every_page_from_proxies.enqueue()


def proxy_backends() -> list[str]:
    """The frontend cache's backends other than this cache: the reverse proxies."""
    return [name for name in get_backends() if name != BACKEND_NAME]


class PageCacheBackend(BaseBackend):
    """This full-page cache, as a backend of Wagtail's frontend cache: the purges Wagtail
    sends to reverse proxies reach it too."""

    def purge(self, url: str) -> None:
        purge_urls([url])

    def purge_batch(self, urls: Iterable[str]) -> None:
        purge_urls(urls)


# What a change of page shows on.


def urls_showing(page: Page) -> set[str] | None:
    """Absolute URLs of every cached page that shows `page`, or None when the change reaches
    every page (the page is in the menu or other pages hang from it)."""
    if page.depth <= 3 or page.get_children().exists():
        return None
    batch = PurgeBatch()
    translations = list(page.get_translations(inclusive=True).specific(defer=True))
    if page.pk not in {p.pk for p in translations}:
        translations.append(page)
    for each in translations:
        batch.add_page(each)
        batch.add_pages(each.get_ancestors().filter(depth__gte=2).specific(defer=True))
    batch.add_pages(_profile_pages())
    batch.add_pages(_pages_linking_to(translations))
    batch.add_urls(sitemap_urls())
    return batch.urls


def _profile_pages() -> Iterable[Page]:
    """The profile landing pages list pages of every section."""
    try:
        model = apps.get_model("profiles", "ProfilePage")
    except LookupError:
        return []
    return model.objects.live()


def _pages_linking_to(pages: list[Page]) -> Iterable[Page]:
    """Pages whose content links to one of `pages` (their link text may be its title)."""
    page_type = ContentType.objects.get_for_model(Page)
    linking_ids = {
        int(object_id)
        for page in pages
        for object_id in ReferenceIndex.get_references_to(page)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    return Page.objects.live().filter(pk__in=linking_ids).specific(defer=True)


def sitemap_urls() -> list[str]:
    """The sitemap's address on every site."""
    return [f"{site.root_url}/sitemap.xml" for site in Site.objects.all()]


def purge_page(page: Page, *, published: bool = False) -> None:
    """Purge what shows `page` now and when the transaction commits, here and in the
    reverse proxies (through the frontend cache's task). After a publication (`published`)
    readers may get the previous version for a moment (see `purge_urls`)."""
    urls = urls_showing(page)
    if urls is None:
        purge_everything()
        return
    purge_urls(urls, keep_stale=published)
    # One item per page: outside a transaction (Wagtail's admin publishes outside one) each
    # item is flushed at once, and a page's URLs must still leave in one batch.
    flush = _purge_published_urls if published else _purge_removed_urls
    on_commit_batch(("page-cache", flush.__name__), frozenset(urls), flush)


def _purge_published_urls(url_sets: list[frozenset[str]]) -> None:
    urls = sorted(set().union(*url_sets))
    purge_urls(urls, keep_stale=True)
    _purge_proxies(urls)


def _purge_removed_urls(url_sets: list[frozenset[str]]) -> None:
    urls = sorted(set().union(*url_sets))
    purge_urls(urls)
    _purge_proxies(urls)


def _purge_proxies(urls: list[str]) -> None:
    """Through the frontend cache's task: HTTP requests to proxies do not belong in the
    editor's request."""
    proxies = proxy_backends()
    if proxies:
        PurgeBatch(urls).purge(backends=proxies)


# Wiring.


def _purges_needed() -> bool:
    """Whether a cache keeps pages: this one, or a reverse proxy."""
    return is_enabled() or bool(proxy_backends())


def _on_page_published(instance: Page, **kwargs: Any) -> None:
    if _purges_needed():
        purge_page(instance, published=True)


def _on_page_removed(instance: Page, **kwargs: Any) -> None:
    if _purges_needed():
        purge_page(instance)


def _on_every_page_change(**kwargs: Any) -> None:
    if _purges_needed():
        purge_everything()


def _on_page_deleted(instance: Page, **kwargs: Any) -> None:
    # Before the row goes: its URLs and the pages listing it can still be read.
    if instance.live:
        _on_page_removed(instance)


def connect() -> None:
    """Purge on every change that shows on public pages. Models of apps this site does not
    install are skipped."""
    page_published.connect(_on_page_published, dispatch_uid="commune.page_cache.published")
    page_unpublished.connect(_on_page_removed, dispatch_uid="commune.page_cache.unpublished")
    post_page_move.connect(_on_every_page_change, dispatch_uid="commune.page_cache.moved")
    pre_delete.connect(_on_page_deleted, sender=Page, dispatch_uid="commune.page_cache.deleted")
    for label in EVERY_PAGE_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        uid = f"commune.page_cache.{label}"
        post_save.connect(_on_every_page_change, sender=model, dispatch_uid=f"{uid}.saved")
        post_delete.connect(_on_every_page_change, sender=model, dispatch_uid=f"{uid}.deleted")
