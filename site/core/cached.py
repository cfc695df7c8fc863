"""The one place that caches: small lookups every page needs, kept in the shared cache until
the rows they come from change.

`LOOKUPS` is the table of what each cached lookup depends on: the models whose saved or
deleted rows make it stale, and the changes of the page tree (publication, move, deletion)
that do. `connect()`, called once from `CoreConfig.ready()`, wires that table to Django's and
Wagtail's signals; nothing else in the project connects cache receivers.

Each lookup has a generation number in the cache, and each value is stored with the
generation it was read under. Forgetting a lookup (every value of it, for every site and
language) is one write: a new generation, now and again when the transaction commits,
because until then another process still reads the old rows and may cache them. Values are
plain data (str, int, float, bool, None, lists, tuples and dicts of them): never model
instances or classes of ours, whose pickles a new release could not read (the settings'
`KEY_PREFIX` also changes with each release).

Within a request (`ReadOncePerRequestMiddleware`), each value is read from the shared cache
once and kept for the rest of the request: a page asks whether a page is private a dozen
times, and each ask was a round trip to the cache. Forgetting a lookup drops what the
request kept of it too, so a request that changes rows reads them anew. Outside a request
(tasks, commands, the shell) every call reads the shared cache, as before.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from wagtail.signals import page_published, page_unpublished, post_page_move

from .transactions import on_commit_batch

T = TypeVar("T")

# A safety net for lookups that depend on nothing else: each is forgotten on change.
DEFAULT_LIFETIME = 24 * 3600  # seconds

PUBLISHED = "published"  # a page published or unpublished
MOVED = "moved"  # a page moved (its path, URL and ancestors changed)
DELETED = "deleted"  # a page deleted


@dataclass(frozen=True)
class Lookup:
    """A cached lookup: its name in the cache and what makes it stale."""

    name: str
    models: tuple[str, ...] = ()  # labels of the models whose rows it reads
    tree_changes: tuple[str, ...] = ()  # PUBLISHED, MOVED, DELETED


LOCALE_CODES = Lookup("locale-codes", models=("wagtailcore.Locale",))
PRIVATE_PATHS = Lookup(
    "private-paths", models=("wagtailcore.PageViewRestriction",), tree_changes=(MOVED,)
)
TOWN_SETTINGS = Lookup("town-settings", models=("core.TownSettings",))
AGENDA_FILTER_CHOICES = Lookup("agenda-filter-choices", models=("core.Theme", "profiles.Profile"))
# Themes as a form offers them, named in the reader's language (the letters' sign-up form,
# which every page with its block shows): the themes' rows and the languages.
THEME_CHOICES = Lookup("theme-choices", models=("core.Theme", "wagtailcore.Locale"))
# Each language's synonym groups, read to send them to the index (search.models.synonyms_for).
SYNONYM_GROUPS = Lookup("synonym-groups", models=("search.SynonymGroup",))
# The menu, the footer's links and the alert banner (core.layout).
SITE_WIDE = Lookup(
    "site-wide",
    models=(
        "core.Alert",
        "wagtailcore.PageViewRestriction",
        "wagtailcore.Locale",
        "wagtailcore.Site",
        "accessibility.AccessibilityAudit",  # the footer's accessibility status
    ),
    tree_changes=(PUBLISHED, MOVED, DELETED),
)

# What pages show of other pages: rendered fragments of HTML (the home page's listings,
# the agenda as most readers open it: core's `cache_fragment` template tag) and each page's
# links to its translations and ancestors (core.layout). Every publication changes them,
# and so do the names they show (themes, profiles, languages) and private sections.
PAGE_LISTINGS = Lookup(
    "page-listings",
    models=(
        "core.Theme",
        "profiles.Profile",
        "wagtailcore.Locale",
        "wagtailcore.Site",
        "wagtailcore.PageViewRestriction",
    ),
    tree_changes=(PUBLISHED, MOVED, DELETED),
)

LOOKUPS = (
    LOCALE_CODES,
    PRIVATE_PATHS,
    TOWN_SETTINGS,
    AGENDA_FILTER_CHOICES,
    THEME_CHOICES,
    SYNONYM_GROUPS,
    SITE_WIDE,
    PAGE_LISTINGS,
)


# What the current request has read: lookup name -> cache key -> value; None outside a
# request. A context variable, so that concurrent requests (threads) never share it.
_read_in_request: ContextVar[dict[str, dict[str, Any]] | None] = ContextVar(
    "commune_cached_read_in_request", default=None
)


def remembered(
    lookup: Lookup,
    compute: Callable[[], T],
    *parts: Any,
    lifetime: int | Callable[[T], int] = DEFAULT_LIFETIME,
) -> T:
    """The value of `lookup` for `parts` (a site, a language…), computed and kept when
    missing or older than the lookup's generation. `lifetime` (seconds) may depend on the
    value (the alerts' banner lasts until the next alert starts or ends). Within a request,
    the value is read once (see `read_once_per_request`): callers must not modify it."""
    key = ":".join(["commune", lookup.name, *map(str, parts)])
    read = _read_in_request.get()
    if read is None:
        return _shared_value(lookup, key, compute, lifetime)
    kept = read.setdefault(lookup.name, {})
    if key not in kept:
        kept[key] = _shared_value(lookup, key, compute, lifetime)
    return kept[key]


def _shared_value(
    lookup: Lookup,
    key: str,
    compute: Callable[[], T],
    lifetime: int | Callable[[T], int],
) -> T:
    generation_key = _generation_key(lookup)
    found = cache.get_many([generation_key, key])
    generation = found.get(generation_key)
    if generation is None:
        generation = time.time_ns()
        cache.add(generation_key, generation, None)
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        return stored[1]
    value = compute()
    seconds = lifetime(value) if callable(lifetime) else lifetime
    cache.set(key, (generation, value), seconds)
    return value


def digest(text: str) -> str:
    """A short, fixed-length stand-in for a long part of a key (an address, a list of ids):
    cache keys must stay short (255 characters in the database cache)."""
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def forget(lookup: Lookup) -> None:
    """Every value of `lookup` is read again: from now on in this process, and everywhere
    once the current transaction commits."""
    _new_generation(lookup)
    on_commit_batch(("forget", lookup.name), None, lambda _items: _new_generation(lookup))


@contextmanager
def read_once_per_request() -> Iterator[None]:
    """Within this block, each value of a lookup is read from the shared cache once."""
    token = _read_in_request.set({})
    try:
        yield
    finally:
        _read_in_request.reset(token)


class ReadOncePerRequestMiddleware:
    """Each cached lookup is read once per request (see `read_once_per_request`). What a
    streaming response reads after the view has returned goes to the shared cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with read_once_per_request():
            return self.get_response(request)


def _generation_key(lookup: Lookup) -> str:
    return f"commune:{lookup.name}:generation"


def _new_generation(lookup: Lookup) -> None:
    cache.set(_generation_key(lookup), time.time_ns(), None)
    read = _read_in_request.get()
    if read is not None:
        read.pop(lookup.name, None)


_TREE_SIGNALS = {
    PUBLISHED: ((page_published, None), (page_unpublished, None)),
    MOVED: ((post_page_move, None),),
    # Deleting a page deletes its base Page row (post_save, though, names the page's type).
    DELETED: ((post_delete, "wagtailcore.Page"),),
}


def connect() -> None:
    """Forget each lookup whenever what it depends on changes (see `LOOKUPS`). Models of
    apps this site does not install are skipped."""
    for lookup in LOOKUPS:

        def receiver(lookup: Lookup = lookup, **kwargs: Any) -> None:
            forget(lookup)

        uid = f"commune.cached.{lookup.name}"
        for label in lookup.models:
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.{label}")
            post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.-{label}")
        for change in lookup.tree_changes:
            for signal, sender in _TREE_SIGNALS[change]:
                sender_model = apps.get_model(sender) if sender else None
                signal.connect(
                    receiver, sender=sender_model, weak=False, dispatch_uid=f"{uid}.{change}"
                )
