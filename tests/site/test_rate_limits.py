"""The public forms' rate limits hold: one client cannot get past them with parallel requests,
a window lasts the configured period, one limit covers the contact pages of every language,
and clients behind the town's reverse proxy are counted apart (core.ratelimit, core.net).

The forms are posted empty: a request the limit lets through is processed and answers with
the form's errors (400 or 200), a request it stops answers 429."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection, connections
from django.test import RequestFactory
from django.test.utils import override_settings
from wagtail.models import Locale

from core.models import ContactFormPage, RateLimitCounter
from core.ratelimit import purge_expired_counters, rate_limited
from events.models import EventIndexPage

REFUSED = 429
PROXY = "10.0.0.2"


def proposal_url() -> str:
    return EventIndexPage.objects.get(locale=Locale.get_default()).url + "proposer/"


@pytest.fixture
def file_cache(tmp_path):
    """The demo's file cache, whose `incr` is neither atomic nor keeps the key's timeout: a
    limit counted in the cache would not hold on it (nor on the database cache)."""
    cache = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"}
    with override_settings(CACHES={"default": {**cache, "LOCATION": tmp_path}}):
        yield


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Database access outside a test transaction, whose write lock would keep the threads
    of a SQLite test waiting; the counters are deleted afterwards. (The database itself is
    set up for the module's other tests, which are marked.)"""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip(
            "SQLite's in-memory test database answers 'table is locked' to a second thread "
            "instead of waiting, unlike the file the site uses; CI runs this on PostgreSQL"
        )
    with django_db_blocker.unblock():
        yield
        RateLimitCounter.objects.all().delete()


def test_parallel_attempts_of_one_client_get_only_the_allowed_one_through(committed, file_cache):
    attempts = 20
    start = threading.Barrier(attempts)

    def attempt(_) -> bool:
        request = RequestFactory().post("/agenda/proposer/")
        start.wait()  # every thread at the limiter at once, each with its own connection
        try:
            return rate_limited(request, "event-proposal", limit=1)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=attempts) as pool:
        refused = list(pool.map(attempt, range(attempts)))

    assert refused.count(False) == 1


@pytest.mark.django_db
def test_the_window_lasts_the_whole_period(client, file_cache, settings):
    settings.COMMUNE_PROPOSALS_PER_HOUR = 1
    url = proposal_url()
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as clock:
        assert client.post(url, {}).status_code == 400
        for later in (timedelta(minutes=6), timedelta(minutes=59, seconds=59)):
            clock.move_to(start + later)
            assert client.post(url, {}).status_code == REFUSED, later
        clock.move_to(start + timedelta(hours=1))
        assert client.post(url, {}).status_code == 400


@pytest.mark.django_db
def test_expired_counters_are_purged_and_current_ones_kept(client, settings):
    settings.COMMUNE_PROPOSALS_PER_HOUR = 1
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as clock:
        client.post(proposal_url(), {})
        clock.move_to(start + timedelta(minutes=30))
        client.post("/lettres/inscription/", {})
        clock.move_to(start + timedelta(hours=1))

        assert purge_expired_counters() == 1
        assert RateLimitCounter.objects.count() == 1
        assert client.post(proposal_url(), {}).status_code == 400


@pytest.mark.django_db
def test_one_contact_limit_covers_the_contact_pages_of_every_language(client, settings):
    settings.COMMUNE_PROPOSALS_PER_HOUR = 1  # two contact messages per hour
    french = ContactFormPage.objects.live().get(locale__language_code="fr")
    english = ContactFormPage.objects.live().get(locale__language_code="en")

    assert client.post(french.url, {}).status_code == 200
    assert client.post(english.url, {}).status_code == 200
    assert client.post(french.url, {}).status_code == REFUSED
    assert client.post(english.url, {}).status_code == REFUSED


@pytest.mark.django_db
def test_residents_behind_the_trusted_proxy_are_counted_apart(client, settings):
    settings.COMMUNE_PROPOSALS_PER_HOUR = 1
    settings.COMMUNE_TRUSTED_PROXIES = [PROXY]
    url = proposal_url()

    def post(resident: str) -> int:
        return client.post(url, {}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=resident).status_code

    assert post("203.0.113.5") == 400
    assert post("203.0.113.6") == 400
    assert post("203.0.113.5") == REFUSED


@pytest.mark.django_db
def test_a_forged_forwarded_address_from_an_untrusted_client_is_ignored(client, settings):
    settings.COMMUNE_PROPOSALS_PER_HOUR = 1
    settings.COMMUNE_TRUSTED_PROXIES = [PROXY]
    url = proposal_url()

    def post(forged: str) -> int:
        return client.post(
            url, {}, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=forged
        ).status_code

    assert post("203.0.113.5") == 400
    assert post("203.0.113.6") == REFUSED
    assert post(PROXY) == REFUSED


@pytest.mark.django_db
def test_the_newsletter_sign_up_counts_residents_behind_the_proxy_apart(client, settings):
    settings.COMMUNE_TRUSTED_PROXIES = [PROXY]

    def post(resident: str) -> int:
        return client.post(
            "/lettres/inscription/", {}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=resident
        ).status_code

    assert [post("203.0.113.5") for _ in range(11)][-1] == REFUSED
    assert post("203.0.113.6") == 400
