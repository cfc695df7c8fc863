"""Editors' uploads in the admin: a file must be what its extension says, within the size
limits, and never an SVG, whether uploaded one at a time or several at once."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import UserFactory, login_verified, picture_bytes

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1"/></svg>'
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)
MISMATCH = "ne correspond pas à son extension"


def zipped(*entries: tuple[str, bytes], stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, content) in enumerate(entries):
            method = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return buffer.getvalue()


def open_document(kind: str) -> bytes:
    mime_type = f"application/vnd.oasis.opendocument.{kind}"
    return zipped(
        ("mimetype", mime_type.encode()), ("content.xml", b"<office/>"), stored_first=True
    )


GOOD_DOCUMENTS = {
    "compte-rendu.pdf": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n",
    "rapport.docx": zipped(("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w/>")),
    "budget.xlsx": zipped(("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<x/>")),
    "note.odt": open_document("text"),
    "tableau.ods": open_document("spreadsheet"),
    "horaires.csv": "\ufeffjour;ouverture\nlundi;8 h 30\n".encode(),
}
BAD_DOCUMENTS = {
    "page-piegee.pdf": HTML,
    "programme.pdf": PROGRAM,
    "dessin.pdf": SVG,
    "faux-rapport.docx": zipped(("script.js", b"alert(1)")),
    "html-puis-zip.docx": HTML
    + zipped(("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w/>")),
    "note.odt": open_document("spreadsheet"),
    "liste.csv": HTML,
    "donnees.csv": PROGRAM,
}


@pytest.fixture
def editor(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    login_verified(client, UserFactory(groups=["Webmestres"]))
    return client


def root_collection() -> int:
    return Collection.get_first_root_node().pk


def upload_document(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content, "application/octet-stream")
    data = {"title": name, "file": upload, "collection": root_collection()}
    return client.post("/admin/documents/add/", data)


def upload_several(client, kind: str, name: str, content: bytes) -> dict:
    upload = SimpleUploadedFile(name, content, "application/octet-stream")
    data = {"files[]": upload, "collection": root_collection()}
    response = client.post(f"/admin/{kind}/multiple/add/", data)
    assert response.status_code == 200
    return response.json()


def file_errors(response) -> list[str]:
    assert response.status_code == 200  # the form again, not a redirection
    return response.context["form"].errors["file"]


@pytest.mark.parametrize("name", GOOD_DOCUMENTS)
def test_documents_of_every_allowed_kind_are_accepted(editor, name):
    response = upload_document(editor, name, GOOD_DOCUMENTS[name])

    assert response.status_code == 302, response.context["form"].errors
    assert get_document_model().objects.filter(title=name).exists()


@pytest.mark.parametrize("name", BAD_DOCUMENTS)
def test_a_document_whose_content_is_not_its_extension_is_refused(editor, name):
    errors = file_errors(upload_document(editor, name, BAD_DOCUMENTS[name]))

    assert len(errors) == 1 and MISMATCH in errors[0]
    assert f"« .{name.rsplit('.', 1)[1]} »" in errors[0]
    assert not get_document_model().objects.filter(title=name).exists()


def test_the_multiple_upload_refuses_a_disguised_document_and_takes_a_real_one(editor):
    refused = upload_several(editor, "documents", "ordre-du-jour.pdf", HTML)
    assert refused["success"] is False and MISMATCH in refused["error_message"]

    accepted = upload_several(editor, "documents", "ordre-du-jour.pdf", b"%PDF-1.4\n%%EOF\n")
    assert accepted["success"] is True
    assert get_document_model().objects.filter(pk=accepted["doc_id"]).exists()


def test_replacing_a_document_s_file_is_checked_too(editor):
    upload_document(editor, "compte-rendu.pdf", GOOD_DOCUMENTS["compte-rendu.pdf"])
    document = get_document_model().objects.get(title="compte-rendu.pdf")

    upload = SimpleUploadedFile("compte-rendu.pdf", HTML, "application/pdf")
    response = editor.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": document.title, "collection": document.collection_id, "file": upload},
    )
    assert MISMATCH in file_errors(response)[0]
    document.file.open()
    assert document.file.read().startswith(b"%PDF-")


def test_svg_and_html_documents_are_refused_by_their_extension(editor):
    for name, content in (("plan.svg", SVG), ("page.html", HTML)):
        errors = file_errors(upload_document(editor, name, content))
        assert len(errors) == 1 and "n’est pas autorisée" in errors[0], errors


def test_documents_have_a_size_limit_that_the_form_states(editor):
    assert "20,0\xa0Mio" in editor.get("/admin/documents/add/").text


def test_a_document_over_the_size_limit_is_refused_in_french(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    big = b"%PDF-1.4\n" + b"0" * 2048

    errors = file_errors(upload_document(editor, "registre.pdf", big))
    assert len(errors) == 1, errors
    assert "Ce fichier est trop gros" in errors[0] and "1,0\xa0Kio" in errors[0]
    refused = upload_several(editor, "documents", "registre.pdf", big)
    assert "trop gros" in refused["error_message"]


def upload_image(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content, "application/octet-stream")
    data = {"title": name, "file": upload, "collection": root_collection()}
    return client.post("/admin/images/add/", data)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("logo.svg", SVG, "Format d'image non supporté"),  # an SVG can carry scripts
        ("logo.png", SVG, "ne correspond pas au format du fichier (svg)"),
        ("affiche.png", picture_bytes(16, 16, "JPEG"), "ne correspond pas au format"),
        ("affiche.jpg", HTML, "ne correspond pas au format"),
        ("affiche.gif", PROGRAM, "n'est pas une image"),
    ],
)
def test_an_image_that_is_not_what_its_extension_says_is_refused(editor, name, content, message):
    errors = file_errors(upload_image(editor, name, content))

    assert len(errors) == 1 and message in errors[0]
    assert not get_image_model().objects.filter(title=name).exists()
    refused = upload_several(editor, "images", name, content)
    assert refused["success"] is False and message in refused["error_message"]


def test_an_image_over_the_size_limit_is_refused_and_a_good_one_accepted(editor, settings):
    picture = picture_bytes(64, 48, "PNG")
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = len(picture) - 1

    errors = file_errors(upload_image(editor, "plan.png", picture))
    assert "Ce fichier est trop gros" in errors[0]

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = len(picture)
    assert upload_image(editor, "plan.png", picture).status_code == 302
