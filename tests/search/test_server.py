"""The development/test Meilisearch server: it starts, indexes, stops and keeps its data."""

import meilisearch
import pytest
from django.conf import settings


@pytest.fixture
def index(meilisearch_server, request):
    """A fresh index named after the test, so tests sharing the server do not meet."""
    client = meilisearch.Client(settings.MEILISEARCH_URL, settings.MEILISEARCH_API_KEY)
    uid = f"{settings.MEILISEARCH_INDEX_PREFIX}_test_{request.node.name}"
    client.wait_for_task(client.create_index(uid, {"primaryKey": "id"}).task_uid)
    yield client.index(uid)
    client.wait_for_task(client.delete_index(uid).task_uid)


def add_and_wait(index, documents):
    task = index.add_documents(documents)
    done = index.wait_for_task(task.task_uid, timeout_in_ms=10_000)
    assert done.status == "succeeded", done.error


def test_server_is_healthy_and_settings_point_at_it(meilisearch_server):
    assert meilisearch_server.is_healthy()
    assert meilisearch_server.url == settings.MEILISEARCH_URL
    client = meilisearch.Client(settings.MEILISEARCH_URL, settings.MEILISEARCH_API_KEY)
    assert client.health() == {"status": "available"}


def test_master_key_is_required(meilisearch_server):
    client = meilisearch.Client(settings.MEILISEARCH_URL, "not-the-master-key-at-all")
    with pytest.raises(meilisearch.errors.MeilisearchApiError):
        client.get_indexes()


def test_added_document_is_searchable(index):
    add_and_wait(index, [{"id": 1, "title": "Fermeture exceptionnelle de la médiathèque"}])

    hits = index.search("mediatheque")["hits"]

    assert [hit["id"] for hit in hits] == [1]


def test_restart_keeps_the_data(meilisearch_server, index):
    add_and_wait(index, [{"id": 7, "title": "Collecte des encombrants"}])

    meilisearch_server.stop()
    assert not meilisearch_server.is_healthy()
    meilisearch_server.start()

    assert meilisearch_server.is_healthy()
    assert index.get_document(7).title == "Collecte des encombrants"
    assert [hit["id"] for hit in index.search("encombrants")["hits"]] == [7]
