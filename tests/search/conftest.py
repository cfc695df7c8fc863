"""Search tests run against a real Meilisearch holding the indexed demo commune."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def search_index(meilisearch_server, django_db_setup, django_db_blocker):
    """The demo commune indexed once per session by the real rebuild command."""
    with django_db_blocker.unblock():
        call_command("rebuild_search_index", "--no-progress", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return meilisearch_server


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
