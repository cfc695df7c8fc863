"""Several machines, on this one: two application servers (gunicorn, production settings)
and two task workers (`db_worker`) share one PostgreSQL, one Redis and one Meilisearch, as
web nodes behind a load balancer and worker machines do (docs/deploy.md, "Several
machines"). An editor publishes a news item through one server's admin; a resident reading
through the other server gets the new version at once, on the page and on the pages that
list it, finds it with the search once a worker has indexed it, and gets a 404 at once after
it is unpublished.

Every request carries the site's host name, as a load balancer passes the public one on:
pages are cached, and purged, under the site's address, whichever node serves them.
Skipped only when PostgreSQL or Redis does not answer on this machine (CI runs both).
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import secrets
import signal
import socket
import string
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import redis
import requests
from psycopg import sql

from core.net import free_port
from demo.loader import DEMO_BACKUP_CODES, DEMO_HOST, DEMO_PASSWORD, DEMO_PORT
from search.server import MeilisearchServer
from tests.factories import page_form_data

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = ("127.0.0.1", 5432)
REDIS = ("127.0.0.1", 6379)
# A Redis database of this test's own; its keys also carry a prefix of their own
# (COMMUNE_RELEASE), and only those are deleted at the end.
REDIS_DB = 9
# The demo's site: every request names it, as a load balancer passes the public host on.
SITE = f"{DEMO_HOST}:{DEMO_PORT}"
CACHE_HEADER = "X-Commune-Cache"
SEARCH_FALLBACK_NOTICE = "La recherche fonctionne en mode simplifié"
# Seconds a worker may take to index a publication in Meilisearch (about 5 s here, the
# first index of the language being created then).
INDEXING_DEADLINE = 30
STARTUP_DEADLINE = 90
# The caller's own settings must not leak into the nodes' environment.
OWN_SETTINGS = ("DJANGO_", "DATABASE_", "MEILISEARCH_", "REDIS_", "COMMUNE_", "SMS_", "EMAIL_")


def unreachable_service() -> str | None:
    """Why the shared services cannot be reached here, or None when both answer."""
    for name, (host, port) in (("PostgreSQL", POSTGRES), ("Redis", REDIS)):
        try:
            socket.create_connection((host, port), timeout=1).close()
        except OSError as error:
            return (
                f"{name} does not answer on {host}:{port} ({error}): this test needs "
                "PostgreSQL and Redis, as CI runs them"
            )
    return None


UNREACHABLE = unreachable_service()
pytestmark = pytest.mark.skipif(UNREACHABLE is not None, reason=UNREACHABLE or "")


def postgres_url(database: str) -> str:
    return f"postgres://postgres@{POSTGRES[0]}:{POSTGRES[1]}/{database}"


def run(env: dict[str, str], *args: str, timeout: int = 240) -> None:
    """Run a management command to its end; fail with its output's tail otherwise."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stderr[-3000:]}"


class Processes:
    """The servers and workers this test starts, each in a process group of its own (a
    gunicorn master and its workers) and writing to its own log."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.running: dict[str, subprocess.Popen] = {}

    def start(self, name: str, args: list[str], env: dict[str, str]) -> None:
        with open(self.log_path(name), "wb") as log:
            self.running[name] = subprocess.Popen(
                [sys.executable, *args],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )

    def log_path(self, name: str) -> Path:
        return self.log_dir / f"{name}.log"

    def log_tail(self, name: str, lines: int = 30) -> str:
        text = self.log_path(name).read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop_all(self) -> None:
        """SIGTERM to every group, then SIGKILL to a group whose leader is still there
        after 5 s: nothing this test started outlives it, not even a worker its gunicorn
        master would leave behind. A group is signalled only while its leader is not
        reaped, so its id cannot be another process's."""
        for process in self.running.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 5
        for process in self.running.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            if process.returncode is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@dataclass(frozen=True)
class NewsItem:
    """The demo's latest French news item, as its edit form shows it."""

    id: int
    title: str
    slug: str
    intro: str
    date: str
    path: str  # public paths on the site
    index_path: str


# Reading and editing the site.


def read(server: str, path: str, **params: str) -> requests.Response:
    """What an anonymous resident gets from `server` (no cookie at all)."""
    return requests.get(
        server + path, params=params, headers={"Host": SITE}, allow_redirects=False, timeout=30
    )


def shows(response: requests.Response, text: str) -> bool:
    """Whether the page shows `text`, even cut by tags (search results mark the words
    found)."""
    return html.escape(text) in re.sub(r"<[^>]*>", "", response.text)


def found_by_meilisearch(results: requests.Response, title: str) -> bool:
    """The search answered from Meilisearch (the database's fallback would find the page
    without a worker) and lists `title`."""
    return SEARCH_FALLBACK_NOTICE not in results.text and shows(results, title)


def form_token(response: requests.Response) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    assert match, f"no form in the answer to {response.url} ({response.status_code})"
    return match.group(1)


class Editor:
    """An editor in the admin of one server, with a session of their own. The production
    settings mark the cookies Secure, which a browser would only send over HTTPS: this
    client sends them back itself over the test's plain HTTP."""

    def __init__(self, server: str) -> None:
        self.server = server
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None) -> requests.Response:
        response = requests.request(
            method,
            self.server + path,
            data=data,
            headers={"Host": SITE, "Accept": "text/html"},
            cookies=self.cookies,
            allow_redirects=False,
            timeout=60,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def submit(self, path: str, fields: dict) -> requests.Response:
        """Open the form at `path` and send it with `fields`: a redirect means accepted."""
        form = self.request("GET", path)
        response = self.request("POST", path, {"csrfmiddlewaretoken": form_token(form), **fields})
        assert response.status_code == 302, f"{path} refused the form:\n{response.text[-3000:]}"
        return response

    def sign_in(self, username: str, password: str, backup_code: str) -> None:
        """Password, then a backup code as the second factor."""
        self.submit("/admin/login/", {"username": username, "password": password})
        verified = self.submit("/admin/2fa/verify/?next=/admin/", {"code": backup_code})
        assert verified.headers["Location"] == "/admin/"

    def publish(self, item: NewsItem, title: str) -> None:
        """The edit form, sent with a new title and the "Publier" button."""
        fields = page_form_data(
            title=title,
            slug=item.slug,
            intro=item.intro,
            date=item.date,
            **{"action-publish": "action-publish"},
        )
        self.submit(f"/admin/pages/{item.id}/edit/", fields)

    def unpublish(self, item: NewsItem) -> None:
        self.submit(f"/admin/pages/{item.id}/unpublish/", {})


# The shared services.


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    """A PostgreSQL database of this test's own, dropped at the end."""
    name = f"commune_nodes_{secrets.token_hex(4)}"
    with psycopg.connect(postgres_url("postgres"), autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield postgres_url(name)
    finally:
        with psycopg.connect(postgres_url("postgres"), autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture(scope="module")
def cache_release() -> Iterator[str]:
    """The release name that prefixes every cache key of the nodes; those keys, and only
    those, are deleted from Redis at the end."""
    release = f"nodes-test-{secrets.token_hex(4)}"
    yield release
    client = redis.Redis(host=REDIS[0], port=REDIS[1], db=REDIS_DB)
    keys = list(client.scan_iter(match=f"commune-{release}:*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()


@pytest.fixture(scope="module")
def search_server(tmp_path_factory) -> Iterator[MeilisearchServer]:
    server = MeilisearchServer(
        tmp_path_factory.mktemp("meilisearch"), secrets.token_hex(16), port=free_port()
    )
    with server:
        yield server


@pytest.fixture(scope="module")
def environment(database, cache_release, search_server, tmp_path_factory) -> dict[str, str]:
    """What every node's environment holds: the production settings, the shared services,
    and plain HTTP (there is no TLS proxy in front here)."""
    var_dir = tmp_path_factory.mktemp("var")
    env = {key: value for key, value in os.environ.items() if not key.startswith(OWN_SETTINGS)}
    env.update(
        DJANGO_SETTINGS_MODULE="commune.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=DEMO_HOST,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database,
        REDIS_URL=f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DB}",
        COMMUNE_RELEASE=cache_release,
        MEILISEARCH_URL=search_server.url,
        MEILISEARCH_API_KEY=search_server.master_key,
        COMMUNE_VAR_DIR=str(var_dir),
        # One folder for every node: the stand-in for the object storage they would share.
        COMMUNE_MEDIA_ROOT=str(var_dir / "media"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    return env


@pytest.fixture(scope="module")
def schema(environment) -> None:
    """The tables, made with the dev settings as `load_demo` needs them, and meanwhile the
    static files collected (into the checkout's static/, as at deployment)."""
    collecting = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        run(dev_settings(environment), "migrate", "--noinput", "-v0")
        _, errors = collecting.communicate(timeout=240)
        assert collecting.returncode == 0, f"collectstatic:\n{errors[-3000:]}"
    finally:
        if collecting.poll() is None:
            collecting.kill()
            collecting.wait()


def dev_settings(environment: dict[str, str]) -> dict[str, str]:
    return {**environment, "DJANGO_SETTINGS_MODULE": "commune.settings.dev"}


@pytest.fixture(scope="module")
def processes(request, tmp_path_factory) -> Iterator[Processes]:
    """Every server and worker of the test, all stopped at the end; their logs are
    printed when the test failed."""
    started = Processes(tmp_path_factory.mktemp("logs"))
    failures_before = request.session.testsfailed
    yield started
    started.stop_all()
    if request.session.testsfailed > failures_before:
        for name in started.running:
            print(f"--- {name} ---\n{started.log_tail(name)}")


@pytest.fixture(scope="module")
def web_servers(schema, processes, environment) -> dict[str, str]:
    """Two application servers (gunicorn, two processes each), started as soon as the
    tables exist: they boot while the demo loads. Their base URLs by name."""
    servers = {}
    for name in ("a", "b"):
        port = free_port()
        gunicorn = [
            "-m",
            "gunicorn",
            "-c",
            "deploy/gunicorn.conf.py",
            "commune.wsgi",
            "--pythonpath",
            "site",
            "--workers",
            "2",
        ]
        processes.start(f"web-{name}", [*gunicorn, "--bind", f"127.0.0.1:{port}"], environment)
        servers[name] = f"http://127.0.0.1:{port}"
    return servers


@pytest.fixture(scope="module")
def demo_commune(schema, environment, database) -> None:
    """The demo commune in the shared database.

    load_demo leaves a task per page to index the whole demo, which takes two workers about
    a minute; a deployment runs `rebuild_search_index` instead. Only the page this test
    publishes needs to be found, so the queue is emptied: the workers start idle and the
    search proves that they index the publication."""
    run(dev_settings(environment), "load_demo")
    with psycopg.connect(database, autocommit=True) as connection:
        connection.execute("DELETE FROM django_tasks_database_dbtaskresult")


@pytest.fixture(scope="module")
def nodes(web_servers, demo_commune, processes, environment) -> Iterator[dict[str, str]]:
    """The two servers once they answer /health/, and two task workers. Fails if any of
    them died during the test."""
    for number in (1, 2):
        worker = ["manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2"]
        processes.start(f"worker-{number}", worker, environment)
    for name, server in web_servers.items():
        wait_until_healthy(processes, f"web-{name}", server)
    yield web_servers
    for name, process in processes.running.items():
        assert process.poll() is None, f"{name} died:\n{processes.log_tail(name)}"


@pytest.fixture(scope="module")
def news_item(database, demo_commune) -> NewsItem:
    """The demo's latest French news item: the home page lists it, and its news index."""
    query = """
        SELECT p.id, p.title, p.slug, n.intro, n.date, p.url_path, parent.url_path,
               root.url_path
        FROM news_newspage n
        JOIN wagtailcore_page p ON p.id = n.page_ptr_id
        JOIN wagtailcore_locale l ON l.id = p.locale_id
        JOIN wagtailcore_page parent
          ON parent.path = substring(p.path FROM 1 FOR length(p.path) - 4)
        JOIN wagtailcore_site s ON s.is_default_site
        JOIN wagtailcore_page root ON root.id = s.root_page_id
        WHERE p.live AND l.language_code = 'fr'
        ORDER BY n.date DESC, p.id DESC
        LIMIT 1
    """
    with psycopg.connect(database) as connection:
        row = connection.execute(query).fetchone()
    pk, title, slug, intro, date, url_path, index_url_path, root_url_path = row
    prefix = len(root_url_path) - 1  # the home page's own slug is not in public paths
    return NewsItem(
        pk, title, slug, intro, date.isoformat(), url_path[prefix:], index_url_path[prefix:]
    )


def wait_until_healthy(processes: Processes, name: str, server: str) -> None:
    deadline = time.monotonic() + STARTUP_DEADLINE
    while time.monotonic() < deadline:
        assert processes.running[name].poll() is None, processes.log_tail(name)
        try:
            if read(server, "/health/").status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{name} did not answer /health/ within {STARTUP_DEADLINE} s")


# The test.


def test_a_page_published_through_one_server_is_served_fresh_by_the_other(nodes, news_item):
    server_a, server_b = nodes["a"], nodes["b"]
    listed_on = [news_item.path, news_item.index_path, "/"]

    # A resident reads through B; the pages are then in the cache every node reads.
    for path in listed_on:
        first = read(server_b, path)
        assert first.status_code == 200, path
        assert shows(first, news_item.title), path
        assert read(server_a, path).headers[CACHE_HEADER] == "hit", path
        assert read(server_b, path).headers[CACHE_HEADER] == "hit", path

    word = "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))
    new_title = f"Résultats du second tour {word}"
    editor = Editor(server_a)
    editor.sign_in("webmestre", DEMO_PASSWORD, DEMO_BACKUP_CODES[0])
    editor.publish(news_item, new_title)
    published = time.monotonic()

    # The very next reads through B, with no wait: the new title, rendered afresh.
    for path in listed_on:
        fresh = read(server_b, path)
        assert fresh.status_code == 200, path
        assert fresh.headers.get(CACHE_HEADER) != "hit", path
        assert shows(fresh, new_title), path
    assert not shows(read(server_b, news_item.path), news_item.title)

    # A worker indexes the publication in Meilisearch; B's search finds it.
    while not found_by_meilisearch(results := read(server_b, "/recherche/", q=word), new_title):
        assert time.monotonic() - published < INDEXING_DEADLINE, (
            f"not found within {INDEXING_DEADLINE} s:\n{results.text[-3000:]}"
        )
        time.sleep(1)
    print(f"found by the search {time.monotonic() - published:.1f} s after the publication")

    editor.unpublish(news_item)

    assert read(server_b, news_item.path).status_code == 404
    assert not shows(read(server_b, news_item.index_path), new_title)
    assert not shows(read(server_b, "/"), new_title)
