"""Document files are served only through Wagtail's document view, which applies the
collection's privacy: never as plain media files, not even by the development server."""

import importlib

import pytest
from django.test.utils import override_settings
from django.urls import clear_url_caches
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import DocumentFactory, ImageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dev_urls():
    """The URLs as `make demo` builds them, with its route for media files."""
    import commune.urls

    def reload() -> None:
        importlib.reload(commune.urls)
        clear_url_caches()

    with override_settings(COMMUNE_SERVE_MEDIA_IMAGES=True):
        reload()
        yield
    reload()


@pytest.fixture
def private_document():
    collection = Collection.get_first_root_node().add_child(instance=Collection(name="Élus"))
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return DocumentFactory(title="Budget confidentiel", collection=collection)


def test_a_private_document_asks_for_a_login_and_its_file_is_not_served(
    client, dev_urls, private_document
):
    assert private_document.url == (f"/documents/{private_document.pk}/{private_document.filename}")
    assert client.get(private_document.file.url).status_code == 404

    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]

    client.force_login(UserFactory())
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_public_documents_download_through_the_document_view(client, dev_urls):
    document = DocumentFactory(title="Menu de la cantine")

    assert client.get(document.file.url).status_code == 404
    response = client.get(document.url)
    assert response.status_code == 200  # served, not redirected to the file
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_development_server_still_serves_images(client, dev_urls):
    image = ImageFactory()
    rendition = image.get_rendition("width-100")

    assert client.get(image.file.url).status_code == 200
    assert client.get(rendition.url).status_code == 200


def test_the_open_data_api_does_not_list_private_documents(client, private_document):
    public = DocumentFactory(title="Menu de la cantine")

    listed = client.get("/api/v2/documents/", {"limit": 100}).json()["items"]
    assert public.pk in [item["id"] for item in listed]
    assert private_document.pk not in [item["id"] for item in listed]
    assert client.get(f"/api/v2/documents/{private_document.pk}/").status_code == 404
