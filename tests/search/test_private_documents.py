"""Documents of a collection restricted to signed-in users stay out of public search: when
uploaded there, when their collection becomes private later, and in the database fallback."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from search.documents import all_documents
from tests.factories import DocumentFactory, UserFactory, login_verified

pytestmark = pytest.mark.django_db

TITLE = "Procès-verbal confidentiel du comité de pilotage"
QUERY = "comité pilotage confidentiel"  # the results page repeats the query, not the title


@pytest.fixture
def collection():
    return Collection.get_first_root_node().add_child(instance=Collection(name="Élus"))


def restrict(collection: Collection) -> CollectionViewRestriction:
    return CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )


def found_by_anonymous(client, api, document) -> bool:
    """Whether an anonymous visitor sees the document in the JSON API or the results page."""
    in_api = document.url in [hit["url"] for hit in api(QUERY)["results"]]
    page = client.get("/recherche/", {"q": QUERY})
    assert page.status_code == 200
    in_page = TITLE in page.text or document.url in page.text
    return in_api or in_page


def test_a_document_uploaded_to_a_private_collection_is_not_found(
    search_index, client, api, collection, django_capture_on_commit_callbacks
):
    restrict(collection)
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(title=TITLE, collection=collection)

    assert not found_by_anonymous(client, api, document)
    assert document not in list(all_documents())  # what a full rebuild sends


def test_documents_leave_the_index_when_their_collection_becomes_private_and_come_back(
    search_index, client, api, collection, django_capture_on_commit_callbacks
):
    # A sub-collection: the restriction of its parent covers it.
    child = collection.add_child(instance=Collection(name="Commission des finances"))
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(title=TITLE, collection=child)
    assert found_by_anonymous(client, api, document)

    with django_capture_on_commit_callbacks(execute=True):
        restriction = restrict(collection)
    assert not found_by_anonymous(client, api, document)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert found_by_anonymous(client, api, document)


def test_a_collection_moved_into_a_private_one_takes_its_documents_out(
    search_index, client, api, collection, django_capture_on_commit_callbacks
):
    restrict(collection)
    minutes = Collection.get_first_root_node().add_child(instance=Collection(name="Comptes rendus"))
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(title=TITLE, collection=minutes)
    assert found_by_anonymous(client, api, document)

    login_verified(client, UserFactory(is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/collections/{minutes.pk}/", {"name": minutes.name, "parent": collection.pk}
        )
    assert response.status_code == 302
    client.logout()
    assert not found_by_anonymous(client, api, document)


def test_the_database_fallback_does_not_show_private_documents(client, settings, collection):
    settings.MEILISEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    restrict(collection)
    document = DocumentFactory(title=TITLE, collection=collection)

    for response in (
        client.get("/recherche/", {"q": QUERY}),
        client.get("/api/search/", {"q": QUERY}),
    ):
        assert response.status_code == 200
        assert TITLE not in response.text and document.url not in response.text
