"""The demo's webmasters and service contributors can upload images and documents, and
choose them in the page editor."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories import UserFactory, login_verified, picture_bytes

pytestmark = pytest.mark.django_db

CULTURE = "Service culture et sports"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize("group", ["Webmestres", CULTURE])
def test_editors_see_the_images_and_documents_menus(client, group):
    login_verified(client, UserFactory(groups=[group]))
    html = client.get("/admin/").text
    assert 'href="/admin/images/"' in html or '"/admin/images/"' in html
    assert '"/admin/documents/"' in html
    assert client.get("/admin/images/add/").status_code == 200
    assert client.get("/admin/documents/add/").status_code == 200


def test_a_contributor_uploads_an_image_and_chooses_it(client, media_root):
    login_verified(client, UserFactory(groups=[CULTURE]))
    upload = SimpleUploadedFile("affiche.png", picture_bytes(64, 48, "PNG"), "image/png")
    # The service adds to its own collection only, so the form does not ask for one.
    response = client.post("/admin/images/add/", {"title": "Affiche du festival", "file": upload})
    assert response.status_code == 302, response.context["form"].errors
    image = get_image_model().objects.get(title="Affiche du festival")
    assert image.collection.name == CULTURE
    chooser = client.get("/admin/images/chooser/").json()["html"]
    assert f"/admin/images/chooser/chosen/{image.pk}/" in chooser
    # The town's shared illustrations can be chosen too.
    shared = get_image_model().objects.filter(collection__depth=1).first()
    assert (
        shared is None
        or f"/admin/images/chooser/chosen/{shared.pk}/"
        in client.get("/admin/images/chooser/", {"q": shared.title}).text
    )


def test_a_contributor_uploads_a_document(client, media_root):
    login_verified(client, UserFactory(groups=[CULTURE]))
    upload = SimpleUploadedFile("programme.csv", b"jour;spectacle\n", "text/csv")
    response = client.post("/admin/documents/add/", {"title": "Programme", "file": upload})
    assert response.status_code == 302, response.context["form"].errors
    document = get_document_model().objects.get(title="Programme")
    assert document.collection.name == CULTURE
    assert (
        f"/admin/documents/chooser/chosen/{document.pk}/"
        in client.get("/admin/documents/chooser/").json()["html"]
    )
