"""Election-night load: the main pages served by gunicorn, with and without the page cache,
beside a static file from the same server, and a publish storm.

    .venv/bin/python benchmarks/page_load.py [--pages 5000] [--seconds 10] [--reuse]

Builds a throw-away PostgreSQL database (`commune_bench_load` on 127.0.0.1:5432, or
--database-url) with the demo commune plus generated news and events up to --pages pages,
then runs the site as production does (commune.settings.production: gunicorn, DEBUG off,
WhiteNoise, the page cache in Redis, --redis-url, a database of its own that is flushed)
and loads it with wrk (Debian's package) on 127.0.0.1 only, once the task worker has
finished what creating the pages queued (reference and search index updates):

- cached: each page fetched by 16 connections for --seconds; the requests/s, p50/p95/p99
  and errors, and the ratio to the static file's requests/s measured in the same run
  (targets: >= 1,000 requests/s and >= half the static file's rate);
- uncached: the same pages from a server without the page cache, 2 connections (one per
  core), for the render time (target p95 <= 40 ms);
- through Varnish (Debian's varnishd, with deploy/varnish/commune.vcl) in front of the
  cached server, when varnishd is installed;
- the publish storm: readers fetch the news index and the home page while an editor
  publishes a news item every second and unpublishes the one before last; prints the hit
  ratio, the longest time a reader was served a listing without a news item after its
  publication committed (target <= 1 s), and how many answers still showed an unpublished
  item (target 0).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench_setup import ROOT

PY = sys.executable
BENCH_DIR = ROOT / "var" / "bench-load"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/commune_bench_load"
VCL = ROOT / "deploy" / "varnish" / "commune.vcl"
TARGET_CACHED_RPS = 1000.0
TARGET_STATIC_SHARE = 0.5
TARGET_UNCACHED_P95_MS = 40.0
TARGET_STALE_S = 1.0
# wrk's summary, one line a run: requests, seconds, p50/p95/p99 (µs), errors, non-2xx/3xx.
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %f %d %d %d %d %d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
"""


@dataclass
class LoadResult:
    """One wrk run."""

    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def production_env(database_url: str, redis_url: str, page_cache: bool) -> dict[str, str]:
    """The environment a town's server runs with (docs/deploy.md), on 127.0.0.1."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "commune.settings.production",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_SECRET_KEY": "bench-only-not-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "MEILISEARCH_URL": "http://127.0.0.1:9",  # no page of the load searches
        "MEILISEARCH_API_KEY": "bench-only-not-secret",
        "COMMUNE_VAR_DIR": str(BENCH_DIR),
        "COMMUNE_RELEASE": "bench",
        "COMMUNE_PAGE_CACHE": "1" if page_cache else "0",
    }


# -- the database ----------------------------------------------------------------------------


def prepare(database_url: str, pages: int) -> None:
    """A fresh database with the demo commune and generated pages (dev settings, which
    install the demo app; the servers then read it with production settings)."""
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "commune.settings.dev",
        "DATABASE_URL": database_url,
        "COMMUNE_VAR_DIR": str(BENCH_DIR),
    }
    started = time.perf_counter()
    subprocess.run([PY, __file__, "--load-content", "--pages", str(pages)], env=env, check=True)
    print(f"database ready in {time.perf_counter() - started:.0f} s")


def load_content(pages: int) -> None:
    """Run inside the preparing subprocess: migrate, the demo, the generated pages."""
    import django

    django.setup()
    from django.core.management import call_command
    from page_rendering import generate_pages

    from core.db import refresh_planner_statistics

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    added = generate_pages(pages)
    refresh_planner_statistics()
    print(f"demo commune + {added} generated pages")


# -- processes -------------------------------------------------------------------------------


class Processes:
    """Servers started for the run, all stopped at the end."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen] = []

    def start(self, command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
        process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT
        )
        self.running.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.running:
            process.terminate()
        for process in self.running:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args[0]} stopped; see {BENCH_DIR}")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - 127.0.0.1 only
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


def wait_for_background_tasks(timeout: float = 900.0) -> None:
    """Let the worker finish what building the pages queued (reference index, search index):
    about ten minutes of one core's work for 5,000 pages, which would otherwise run during
    the measurements, as on a site whose pages were all published at once."""
    from django_tasks_db.models import DBTaskResult

    started = time.monotonic()
    # Due now or running: the search updates retried later (no Meilisearch here) do not count.
    waiting = DBTaskResult.objects.ready() | DBTaskResult.objects.running()
    while (left := waiting.count()) and time.monotonic() - started < timeout:
        time.sleep(2)
    print(
        f"background tasks of the pages' creation done in {time.monotonic() - started:.0f} s"
        + (f" ({left} still waiting: the figures below share the machine)" if left else "")
    )


def gunicorn(processes: Processes, env: dict[str, str], port: int, workers: int, log: str):
    process = processes.start(
        [
            str(Path(PY).parent / "gunicorn"),
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "commune.wsgi",
            "--pythonpath",
            "site",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ],
        env,
        BENCH_DIR / log,
    )
    wait_until_up(f"http://127.0.0.1:{port}/health/", process)
    return process


def varnish(processes: Processes, port: int, backend_port: int) -> bool:
    """Varnish with the shipped configuration in front of the cached server, if installed."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists():
        return False
    work = Path(tempfile.mkdtemp(prefix="varnish-", dir=BENCH_DIR))
    vcl = work / "commune.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{backend_port}"'))
    process = processes.start(
        [
            varnishd,
            "-F",
            "-j",
            "none",  # as the benchmark's user: its files are in the bench folder
            "-n",
            str(work),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,256m",
        ],
        os.environ.copy(),
        BENCH_DIR / "varnish.log",
    )
    wait_until_up(f"http://127.0.0.1:{port}/health/", process)
    return True


# -- load ------------------------------------------------------------------------------------


def wrk(url: str, seconds: int, connections: int, host: str | None = None) -> LoadResult:
    """`connections` keep-alive clients on `url` for `seconds` (Host: `host` if given)."""
    script = BENCH_DIR / "report.lua"
    script.write_text(WRK_REPORT)
    headers = ["-H", "Accept-Encoding: gzip"] + (["-H", f"Host: {host}"] if host else [])
    output = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            *headers,
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fields = re.search(r"RESULT (\d+) ([\d.]+) (\d+) (\d+) (\d+) (\d+) (\d+)", output)
    if not fields:
        raise SystemExit(f"wrk printed no summary:\n{output}")
    requests, duration, p50, p95, p99, errors, bad_status = fields.groups()
    return LoadResult(
        int(requests),
        float(duration),
        int(p50) / 1000,
        int(p95) / 1000,
        int(p99) / 1000,
        int(errors) + int(bad_status),
    )


def sample_paths() -> dict[str, str]:
    """Home, a news item, the agenda and a procedure page (French)."""
    from wagtail.models import Locale

    from events.models import EventIndexPage
    from home.models import HomePage
    from news.models import NewsPage
    from procedures.models import ProcedurePage

    french = Locale.get_default()
    return {
        "home": HomePage.objects.get(locale=french, depth=2).url,
        "news page": NewsPage.objects.live().filter(locale=french).order_by("-date").first().url,
        "agenda": EventIndexPage.objects.get(locale=french).url,
        "procedure": ProcedurePage.objects.live().filter(locale=french).first().url,
    }


def static_path(base: str) -> str:
    html = urllib.request.urlopen(base + "/").read().decode()  # noqa: S310
    return re.search(r'href="(/static/[^"]+\.css)"', html).group(1)


def print_table(title: str, rows: dict[str, LoadResult], static_rate: float | None) -> None:
    print(f"\n{title}")
    header = f"{'page':<12}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
    print(header + ("  vs static" if static_rate else ""))
    for name, r in rows.items():
        line = (
            f"{name:<12}{r.rate:>9.0f}{r.p50_ms:>9.1f}{r.p95_ms:>9.1f}{r.p99_ms:>9.1f}{r.errors:>8}"
        )
        print(line + (f"  {r.rate / static_rate:>8.2f}" if static_rate else ""))


# -- publish storm ---------------------------------------------------------------------------


@dataclass
class Reading:
    """One answer a reader got: when it asked, what, and which flash items it showed."""

    started: float
    ended: float
    path: str
    status: int
    flashes: frozenset[int]
    cache: str


@dataclass
class Storm:
    """When each of the editor's changes committed."""

    published: dict[int, float] = field(default_factory=dict)
    unpublished: dict[int, float] = field(default_factory=dict)


# Each run's news items carry a mark of their own: a reused database keeps earlier ones.
RUN_MARK = f"{time.time_ns() % 10**8:08d}"
FLASH_TITLE = "Flash élection {mark}-{number}"
FLASH_SLUG = "flash-election-{mark}-{number}"


def read_during_storm(base: str, mark: str, seconds: float, listings: list[str]) -> None:
    """Run in a process of its own (its clock is not held up by the editor's work): four
    readers fetch the listings and the flash items' own pages until `seconds` have passed,
    and print one JSON line per answer."""
    flash = re.compile(rf"Flash élection {mark}-(\d+)\b")
    deadline = time.monotonic() + seconds
    lock = threading.Lock()

    def read(offset: int) -> None:
        turn = offset
        while time.monotonic() < deadline:
            turn += 1
            path = listings[turn % len(listings)]
            if turn % 3 == 0:  # one answer in three: a flash item's own page
                path = f"/actualites/{FLASH_SLUG.format(mark=mark, number=turn // 3 % 40)}/"
            started = time.time()
            try:
                with urllib.request.urlopen(base + path, timeout=10) as response:  # noqa: S310
                    body = response.read().decode()
                    status, cache = response.status, response.headers.get("X-Commune-Cache")
            except urllib.error.HTTPError as error:
                body, status, cache = "", error.code, error.headers.get("X-Commune-Cache")
            numbers = sorted({int(n) for n in flash.findall(body)})
            line = json.dumps([started, time.time(), path, status, numbers, cache or ""])
            with lock:
                print(line, flush=True)

    threads = [threading.Thread(target=read, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def at_commit(change, record: dict[int, float], number: int) -> None:
    """Run `change` in a transaction and record when it committed: the first callback after
    the commit, before the purges the change asked for."""
    from django.db import transaction

    with transaction.atomic():
        transaction.on_commit(lambda: record.__setitem__(number, time.time()))
        change()


def editor(storm: Storm, seconds: int) -> None:
    """A news item published every second; the one before last unpublished."""
    from django.utils import timezone
    from wagtail.models import Locale

    from news.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.get(locale=Locale.get_default())
    page_ids: dict[int, int] = {}
    for number in range(seconds):
        tick = time.monotonic()
        page = NewsPage(
            title=FLASH_TITLE.format(mark=RUN_MARK, number=number),
            intro="Résultats du premier tour.",
            date=timezone.now().date(),
            live=False,
        )
        index.add_child(instance=page)
        at_commit(lambda page=page: page.save_revision().publish(), storm.published, number)
        page_ids[number] = page.pk
        if number >= 2:
            # The live copy: publish() updated the page in the database, not this object.
            gone = NewsPage.objects.get(pk=page_ids[number - 2])
            at_commit(gone.unpublish, storm.unpublished, number - 2)
        time.sleep(max(0.0, 1 - (time.monotonic() - tick)))


def publish_storm(base: str, seconds: int, paths: dict[str, str]) -> None:
    storm = Storm()
    readers = subprocess.Popen(
        [PY, __file__, "--read-storm", base, RUN_MARK, str(seconds + 2), paths["home"]],
        stdout=subprocess.PIPE,
        text=True,
    )
    load = {}
    # The load on the home page, which each publication purges, while the editor works.
    loader = threading.Thread(
        target=lambda: load.setdefault("home", wrk(base + paths["home"], seconds + 1, 8))
    )
    loader.start()
    time.sleep(0.5)
    editor(storm, seconds)
    output, _ = readers.communicate()
    loader.join()
    home = load["home"]
    print(
        f"\nhome page under load during the storm: {home.rate:.0f} req/s, "
        f"p95 {home.p95_ms:.1f} ms, errors {home.errors}"
    )
    readings = [
        Reading(started, ended, path, status, frozenset(numbers), cache)
        for started, ended, path, status, numbers, cache in map(json.loads, output.splitlines())
    ]
    report_storm(storm, readings)


def item_path(number: int) -> str:
    return f"/actualites/{FLASH_SLUG.format(mark=RUN_MARK, number=number)}/"


def report_storm(storm: Storm, readings: list[Reading]) -> None:
    listings = [r for r in readings if "/actualites/flash-" not in r.path]
    hits = sum(1 for r in listings if r.cache == "hit")
    index_readings = [r for r in readings if r.path == "/actualites/" and r.status == 200]
    longest_stale = 0.0
    for number, committed in storm.published.items():
        gone = storm.unpublished.get(number, float("inf"))
        for r in index_readings:
            # Asked after the publication committed, answered before the unpublication did.
            if committed < r.started and r.ended < gone and number not in r.flashes:
                longest_stale = max(longest_stale, r.started - committed)
    after_unpublish = sum(
        1
        for number, gone in storm.unpublished.items()
        for r in readings
        if r.started > gone
        and (number in r.flashes or (r.path == item_path(number) and r.status == 200))
    )
    errors = sum(1 for r in readings if r.status >= 500)
    rate = len(readings) / max(1, len(storm.published) + 2)
    print(f"\npublish storm: {len(storm.published)} news published, {len(storm.unpublished)}")
    print(f"  unpublished, {len(readings)} readings ({rate:.0f}/s)")
    print(f"  hit ratio of the listings (home, news index) {hits / max(1, len(listings)):.2f}")
    print(
        f"  longest time a reader saw the old listing after a publish committed: "
        f"{longest_stale * 1000:.0f} ms (target {TARGET_STALE_S * 1000:.0f} ms, "
        f"{longest_stale / TARGET_STALE_S:.2f})"
    )
    print(f"  answers showing an unpublished item: {after_unpublish} (target 0)")
    print(f"  server errors: {errors}")


# -- main ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--seconds", type=int, default=10, help="each wrk run")
    parser.add_argument("--storm-seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/7")
    parser.add_argument("--reuse", action="store_true", help="keep the prepared database")
    parser.add_argument("--load-content", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--read-storm", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load_content:
        load_content(args.pages)
        return
    if args.read_storm:
        base, mark, seconds, home = args.read_storm
        read_during_storm(base, mark, float(seconds), [home, "/actualites/"])
        return
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: bash scripts/setup.sh installs it (Debian's wrk).")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if not args.reuse:
        prepare(args.database_url, args.pages)
    from core.net import free_port

    proxy_port = free_port()
    cached_env = production_env(args.database_url, args.redis_url, page_cache=True)
    cached_env["COMMUNE_PROXY_PURGE_URL"] = f"http://127.0.0.1:{proxy_port}"
    os.environ.update(cached_env)
    import django
    import redis

    redis.Redis.from_url(args.redis_url).flushdb()
    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page, Site

    call_command("collectstatic", interactive=False, verbosity=0)
    cached_port, uncached_port = free_port(), free_port()
    # The purges name the site's own address: the cached server's.
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", cached_port
    site.save()  # also forgets Wagtail's cached site root paths
    paths = sample_paths()
    print(f"{Page.objects.count()} pages; gunicorn with {args.workers} workers; wrk on 127.0.0.1")

    processes = Processes()
    try:
        gunicorn(processes, cached_env, cached_port, args.workers, "gunicorn-cached.log")
        uncached_env = production_env(args.database_url, args.redis_url, page_cache=False)
        gunicorn(processes, uncached_env, uncached_port, args.workers, "gunicorn-uncached.log")
        processes.start(
            [PY, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.5"],
            cached_env,
            BENCH_DIR / "worker.log",
        )
        wait_for_background_tasks()
        cached_base = f"http://127.0.0.1:{cached_port}"
        static = static_path(cached_base)
        static_result = wrk(cached_base + static, args.seconds, 16)
        cached = {}
        for name, path in paths.items():
            for _ in range(2):
                urllib.request.urlopen(cached_base + path).read()  # noqa: S310 - stored now
            cached[name] = wrk(cached_base + path, args.seconds, 16)
        cached["static file"] = static_result
        print_table("cached (16 connections)", cached, static_result.rate)
        uncached_base = f"http://127.0.0.1:{uncached_port}"
        for path in paths.values():
            for _ in range(3 * args.workers):  # each worker's first render compiles templates
                urllib.request.urlopen(uncached_base + path).read()  # noqa: S310
        uncached = {
            name: wrk(uncached_base + path, args.seconds, 2) for name, path in paths.items()
        }
        print_table("uncached (2 connections: one per core)", uncached, None)
        verdict(cached, uncached, static_result)

        if varnish(processes, proxy_port, cached_port):
            # Readers ask for the site's own address, which the purges name.
            site_host = f"127.0.0.1:{cached_port}"
            proxied = {
                name: wrk(f"http://127.0.0.1:{proxy_port}{path}", args.seconds, 16, site_host)
                for name, path in [*paths.items(), ("static file", static)]
            }
            print_table("through Varnish (deploy/varnish/commune.vcl)", proxied, static_result.rate)
        else:
            print("\nvarnishd is not installed: no figure through the reverse proxy")

        publish_storm(cached_base, args.storm_seconds, paths)
    finally:
        processes.stop_all()


def verdict(cached: dict[str, LoadResult], uncached: dict[str, LoadResult], static) -> None:
    pages = [name for name in cached if name != "static file"]
    slowest = min(cached[name].rate for name in pages)
    share = slowest / static.rate
    worst_p95 = max(r.p95_ms for r in uncached.values())
    errors = sum(r.errors for r in [*cached.values(), *uncached.values()])
    print(
        f"\nslowest cached page {slowest:.0f} req/s (target {TARGET_CACHED_RPS:.0f}: "
        f"{slowest / TARGET_CACHED_RPS:.2f}), {share:.2f} of the static file (target "
        f"{TARGET_STATIC_SHARE}); worst uncached p95 {worst_p95:.1f} ms (target "
        f"{TARGET_UNCACHED_P95_MS:.0f}: {worst_p95 / TARGET_UNCACHED_P95_MS:.2f}); errors {errors}"
    )


if __name__ == "__main__":
    main()
