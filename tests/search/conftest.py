"""Search tests run against a real Meilisearch holding the indexed demo commune.

The server is shared by the session; what a test finds does not depend on the tests that
ran before it. Tests that ask for `search_index` search the demo commune's indexes, built
once per session and copied afresh after any test that changed them (Meilisearch's task list
says so). Every other index a test creates, directly or by publishing a page or saving a
synonym, has a name prefix of that test's own.
"""

import io
import itertools
from collections import defaultdict
from dataclasses import dataclass
from unittest import mock

import meilisearch
import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from wagtail.models import Locale

from search import engine
from search.models import synonyms_for

_prefixes = itertools.count(1)


@pytest.fixture(autouse=True)
def index_prefix(request, settings):
    """This test's own index names, even when it asks for no index: saving a page or a
    synonym reaches the server as soon as a test of the session has started it."""
    prefix = f"test{next(_prefixes)}"
    settings.MEILISEARCH_INDEX_PREFIX = prefix
    server = None
    if "meilisearch_server" in request.fixturenames:
        server = request.getfixturevalue("meilisearch_server")
    yield prefix
    if server is not None:
        _drop_indexes(server, prefix)


def _drop_indexes(server, prefix: str) -> None:
    """Delete the test's indexes without waiting: the server runs the next test's tasks
    after these deletions anyway. Straight to the server, whatever URL the test set."""
    meili = meilisearch.Client(server.url, server.master_key)
    for index in meili.get_indexes({"limit": 1000})["results"]:
        if index.uid.startswith(f"{prefix}_"):
            meili.delete_index(index.uid)


@dataclass
class DemoIndexes:
    """The demo commune's indexes: what the rebuild command put in each language's index,
    and the name prefix of the copy tests currently search."""

    documents: dict[str, list[dict]]
    synonyms: dict[str, dict[str, list[str]]]
    prefix: str = "demo0"
    copies: int = 0

    def uids(self) -> list[str]:
        with override_settings(MEILISEARCH_INDEX_PREFIX=self.prefix):
            return [engine.index_uid(code) for code in self.documents]

    def last_task(self) -> int | None:
        """The newest task the server was given on these indexes, whatever its status."""
        tasks = engine.indexing_client().get_tasks({"indexUids": self.uids(), "limit": 1})
        return tasks.results[0].uid if tasks.results else None

    def replace(self) -> None:
        """Put a new copy, built from what the command sent, in place of the current one,
        which is deleted without waiting (quicker than rebuilding the same indexes)."""
        meili = engine.indexing_client()
        changed = self.uids()
        self.copies += 1
        self.prefix = f"demo{self.copies}"
        tasks = []
        with override_settings(MEILISEARCH_INDEX_PREFIX=self.prefix):
            for code, documents in self.documents.items():
                uid = engine.index_uid(code)
                tasks.append(meili.create_index(uid, {"primaryKey": "id"}))
                index = meili.index(uid)
                index_settings = engine.index_settings(code, self.synonyms[code])
                tasks.append(index.update_settings(index_settings))
                if documents:
                    tasks.append(index.add_documents(documents, "id"))
        for uid in changed:
            meili.delete_index(uid)
        for task in tasks:
            done = meili.wait_for_task(task.task_uid, timeout_in_ms=60_000, interval_in_ms=10)
            assert done.status == "succeeded", done.error


@pytest.fixture(scope="session")
def demo_indexes(meilisearch_server, django_db_setup, django_db_blocker) -> DemoIndexes:
    """The demo commune indexed once per session by the real rebuild command, which is
    watched to keep what it sent: restoring the indexes from that is much quicker than
    building the documents from the pages again."""
    sent = defaultdict(list)
    send = engine.upsert_in_batches

    def recording(language_code, documents, suffix="", on_batch=None):
        documents = list(documents)
        sent[language_code].extend(documents)
        return send(language_code, documents, suffix, on_batch)

    with (
        django_db_blocker.unblock(),
        override_settings(MEILISEARCH_INDEX_PREFIX=DemoIndexes.prefix),
        mock.patch.object(engine, "upsert_in_batches", recording),
    ):
        call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
        codes = Locale.objects.order_by("pk").values_list("language_code", flat=True)
        return DemoIndexes(
            documents={code: sent.get(code, []) for code in codes},
            synonyms={code: synonyms_for(code) for code in codes},
        )


@pytest.fixture
def search_index(meilisearch_server, demo_indexes, settings, index_prefix):
    """The demo commune's indexes as the rebuild command leaves them. A test may change
    them (publish, delete, add synonyms): the next test gets a new copy. Yields the server."""
    settings.MEILISEARCH_INDEX_PREFIX = demo_indexes.prefix
    last_task = demo_indexes.last_task()
    yield meilisearch_server
    if demo_indexes.last_task() != last_task:
        demo_indexes.replace()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page and run what its publication enqueued (index tasks run inline in
    tests), as a worker would once the editor's transaction commits."""

    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return _publish


@pytest.fixture
def api(client):
    def _search(query: str, **params):
        response = client.get("/api/search/", {"q": query, **params})
        assert response.status_code == 200, response.content
        return response.json()

    return _search
