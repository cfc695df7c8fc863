"""Uncached server time of the main page types with thousands of pages in the database.

    make bench            # or: .venv/bin/python benchmarks/page_rendering.py --pages 5000

Builds a throw-away database (SQLite under var/bench/, or DATABASE_URL), loads the demo
commune, measures, adds generated news and events up to --pages pages, measures again, and
prints median/p95 server time and SQL queries per page type, with the ratio to the 40 ms
p95 target. Requests go through the whole Django stack in-process (middleware, routing,
templates), without the network and without a page cache: each page is rendered anew.
The site-wide layout data (menu, footer, alerts) is read from the shared cache, as on a
live site, where it stays until content changes. Each table is measured twice: "kept", with
the listings and page links kept rendered as between two publications, and "cold", with
them forgotten before every request, as for the first render after a publication.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from datetime import timedelta

from bench_setup import ROOT, setup_django

BENCH_DIR = ROOT / "var" / "bench"
TARGET_P95_MS = 40.0


def generate_pages(total: int) -> int:
    """Add live news and events (half each) until the French tree holds `total` pages."""
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from events.models import EventIndexPage, EventPage
    from news.models import NewsIndexPage, NewsPage

    french = Locale.get_default()
    missing = total - Page.objects.filter(locale=french).count()
    news_index = NewsIndexPage.objects.get(locale=french)
    agenda = EventIndexPage.objects.get(locale=french)
    now = timezone.now()
    body = '[{"type": "paragraph", "value": "<p>Texte de la page générée.</p>"}]'
    for number in range(max(missing, 0)):
        if number % 2:
            page = NewsPage(
                title=f"Actualité générée {number}",
                intro="Actualité générée.",
                date=(now - timedelta(days=200 + number % 300)).date(),
                body=body,
            )
            news_index.add_child(instance=page)
        else:
            page = EventPage(
                title=f"Événement généré {number}",
                intro="Événement généré.",
                start=now + timedelta(days=120 + number % 365),
                body=body,
            )
            agenda.add_child(instance=page)
    return max(missing, 0)


def measure(
    client, urls: dict[str, str], runs: int, cold: bool
) -> dict[str, tuple[float, float, int]]:
    """Median and p95 server time and SQL queries of each page. The pages are requested in
    turn, round after round, so a burst of load on the machine slows them all alike. `cold`
    forgets the kept listings and page links before each request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.cached import PAGE_LISTINGS, forget

    for url in urls.values():
        for _ in range(5):  # warm up template and URL caches
            client.get(url)
    timings: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            if cold:
                forget(PAGE_LISTINGS)
            start = time.perf_counter()
            response = client.get(url)
            timings[name].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    results = {}
    for name, url in urls.items():
        if cold:
            forget(PAGE_LISTINGS)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        ordered = sorted(timings[name])
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        results[name] = (statistics.median(ordered), p95, len(queries))
    return results


def sample_urls() -> dict[str, str]:
    from wagtail.models import Locale

    from events.models import EventIndexPage, EventPage
    from home.models import HomePage
    from news.models import NewsPage

    french = Locale.get_default()
    return {
        "home": HomePage.objects.get(locale=french, depth=2).url,
        "news page": NewsPage.objects.live()
        .filter(locale=french, slug__contains="-")
        .order_by("-date")
        .first()
        .url,
        "event page": EventPage.objects.upcoming().filter(locale=french).first().url,
        "event index": EventIndexPage.objects.get(locale=french).url,
    }


def report(label: str, results: dict[str, tuple[float, float, int]]) -> None:
    print(f"\n{label}")
    print(f"{'page':<14}{'median ms':>11}{'p95 ms':>9}{'queries':>9}{'p95/target':>12}")
    for name, (median, p95, queries) in results.items():
        print(f"{name:<14}{median:>11.1f}{p95:>9.1f}{queries:>9}{p95 / TARGET_P95_MS:>12.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--reuse", action="store_true", help="keep an existing bench database")
    args = parser.parse_args()

    setup_django(BENCH_DIR, fresh=not args.reuse)
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Page

    from core.db import refresh_planner_statistics

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    urls = sample_urls()
    before = measure(client, urls, args.runs, cold=False)
    report(f"demo commune ({Page.objects.count()} pages), kept", before)

    started = time.perf_counter()
    added = generate_pages(args.pages)
    refresh_planner_statistics()  # as PostgreSQL's autovacuum would after such a load
    print(f"\ngenerated {added} pages in {time.perf_counter() - started:.0f} s")
    urls = sample_urls()
    after = measure(client, urls, args.runs, cold=False)
    report(f"with {Page.objects.count()} pages, kept", after)
    report(f"with {Page.objects.count()} pages, cold", measure(client, urls, args.runs, cold=True))
    grew = [name for name in urls if after[name][2] != before[name][2]]
    print("\nSQL queries per page constant as pages grow:", "yes" if not grew else f"NO ({grew})")


if __name__ == "__main__":
    main()
