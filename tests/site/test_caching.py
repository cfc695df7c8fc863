"""The shared cache (core.cached): plain data only, each lookup forgotten when a row it
depends on changes, as its table says, and read once per request."""

import pickle
import pickletools
import time

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings
from wagtail.models import Locale, PageViewRestriction

from core import cached
from core.cached import LOOKUPS, PRIVATE_PATHS, SITE_WIDE, TOWN_SETTINGS, forget, remembered
from core.models import SectionPage
from core.privacy import restricted_paths
from news.models import NewsPage

pytestmark = pytest.mark.django_db

PAGES = ["/", "/en/", "/nl/", "/agenda/", "/actualites/", "/recherche/?q=piscine", "/seniors/"]


class RecordingCache(LocMemCache):
    """A local-memory cache that keeps every value it was given, to inspect them."""

    written: list = []

    def set(self, key, value, *args, **kwargs):
        self.written.append((key, value))
        return super().set(key, value, *args, **kwargs)

    def add(self, key, value, *args, **kwargs):
        self.written.append((key, value))
        return super().add(key, value, *args, **kwargs)


OBJECT_OPCODES = {"GLOBAL", "STACK_GLOBAL", "INST", "OBJ", "NEWOBJ", "NEWOBJ_EX", "REDUCE"}


def builds_objects(value) -> bool:
    """Whether unpickling `value` imports a class or function (never for plain data)."""
    opcodes = {opcode.name for opcode, _arg, _pos in pickletools.genops(pickle.dumps(value))}
    return bool(opcodes & OBJECT_OPCODES)


def test_the_cache_holds_plain_data_that_a_new_release_can_read(client):
    backend = f"{__name__}.RecordingCache" if "." in __name__ else "test_caching.RecordingCache"
    RecordingCache.written = []
    with override_settings(CACHES={"default": {"BACKEND": backend}}):
        for url in PAGES:
            assert client.get(url).status_code == 200
    ours = [(key, value) for key, value in RecordingCache.written if key.startswith("commune:")]
    assert len(ours) >= 5
    for key, value in ours:
        assert not builds_objects(value), key


def generation(lookup) -> int:
    remembered(lookup, lambda: 0, "probe")  # makes sure the lookup has a generation
    return cache.get(f"commune:{lookup.name}:generation")


def row_of(label: str):
    model = apps.get_model(label)
    return model.objects.first() or pytest.fail(f"the demo has no {label}")


@pytest.mark.parametrize(
    "lookup, label",
    [(lookup, label) for lookup in LOOKUPS for label in lookup.models],
    ids=lambda value: getattr(value, "name", value),
)
def test_saving_or_deleting_a_row_forgets_the_lookups_that_read_it(
    home, lookup, label, django_capture_on_commit_callbacks
):
    if label == "wagtailcore.PageViewRestriction":
        PageViewRestriction.objects.create(
            page=SectionPage.objects.child_of(home).first(), restriction_type="login"
        )
    row = row_of(label)
    before = generation(lookup)
    with django_capture_on_commit_callbacks(execute=True):
        row.save()
    after_save = generation(lookup)
    assert after_save != before
    if label in ("wagtailcore.PageViewRestriction", "core.Alert"):
        with django_capture_on_commit_callbacks(execute=True):
            row.delete()
        assert generation(lookup) != after_save


def test_a_publication_a_move_and_a_deletion_forget_the_site_wide_parts(
    home, django_capture_on_commit_callbacks
):
    sections = SectionPage.objects.child_of(home)
    for change in (
        lambda: sections.first().save_revision().publish(),
        lambda: sections.last().move(sections.first(), pos="last-child"),
        lambda: sections.last().delete(),
    ):
        before = generation(SITE_WIDE)
        with django_capture_on_commit_callbacks(execute=True):
            change()
        assert generation(SITE_WIDE) != before


def test_forgetting_one_lookup_keeps_the_others():
    for lookup in LOOKUPS:
        remembered(lookup, lambda: "old", "x")
    forget(TOWN_SETTINGS)
    assert remembered(TOWN_SETTINGS, lambda: "new", "x") == "new"
    assert remembered(SITE_WIDE, lambda: "new", "x") == "old"


class CountingCache:
    """The shared cache, noting the keys each lookup asks it for."""

    def __init__(self, inner):
        self.inner = inner
        self.asked: list[str] = []

    def get_many(self, keys):
        self.asked.extend(keys)
        return self.inner.get_many(keys)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_a_page_reads_each_lookup_once_from_the_shared_cache(client, monkeypatch):
    """The home page asks a dozen times whether a page is private: one read of the cache."""
    client.get("/")  # the values are in the shared cache
    counting = CountingCache(cached.cache)
    monkeypatch.setattr(cached, "cache", counting)
    assert client.get("/").status_code == 200
    generations = [key for key in counting.asked if key.endswith(":generation")]
    assert generations.count(f"commune:{PRIVATE_PATHS.name}:generation") == 1
    values = [key for key in counting.asked if not key.endswith(":generation")]
    assert len(values) == len(set(values))


def test_a_request_that_changes_a_row_reads_the_lookup_anew(home):
    section = SectionPage.objects.child_of(home).first()
    with cached.read_once_per_request():
        assert restricted_paths() == []
        PageViewRestriction.objects.create(page=section, restriction_type="login")
        assert restricted_paths() == [section.path]


def test_the_next_request_reads_what_another_process_changed(client):
    """Another process's change reaches this one through the generation in the shared
    cache only: what a request read is not kept for the next one."""
    latest = NewsPage.objects.filter(locale=Locale.get_default()).live().order_by("-date").first()
    assert latest.title in client.get("/").text
    # The other process's rows and forgetting, without this process's signals.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=latest, restriction_type="login")]
    )
    for lookup in LOOKUPS:
        if "wagtailcore.PageViewRestriction" in lookup.models:
            cache.set(f"commune:{lookup.name}:generation", time.time_ns(), None)
    assert latest.title not in client.get("/").text


def test_outside_a_request_each_call_reads_the_shared_cache():
    remembered(TOWN_SETTINGS, lambda: "old", "x")
    cache.set(f"commune:{TOWN_SETTINGS.name}:generation", time.time_ns(), None)
    assert remembered(TOWN_SETTINGS, lambda: "new", "x") == "new"
