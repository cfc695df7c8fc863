"""The import in the admin: upload, dry-run report, confirmation; a bad file is refused on
the form with a clear message, and the file does not outlive the import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newsletters.importing_admin import SESSION_KEY, import_dir
from newsletters.models import Contact
from tests.newsletters.factories import demo_theme

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/lettres/import/"
LIST = (
    "email;prénom;consentement_le\n"
    "nina@example.org;Nina;2024-05-02\n"
    "faux;Faux;2024-05-02\n"
    "oscar@example.org;Oscar;\n"
)


@pytest.fixture(autouse=True)
def private_import_dir(settings, tmp_path):
    settings.NEWSLETTER_IMPORT_DIR = str(tmp_path / "imports")


def upload(client, content: bytes, name="liste.csv"):
    return client.post(
        UPLOAD,
        {
            "file": SimpleUploadedFile(name, content, content_type="text/csv"),
            "list_name": "Ancienne liste Brevo",
            "themes": [demo_theme("culture").pk],
        },
    )


def test_upload_report_then_import(client, webmaster):
    response = upload(client, LIST.encode())
    assert response.status_code == 302
    assert response["Location"] == "/admin/lettres/import/verification/"
    assert len(list(import_dir().glob("*.csv"))) == 1  # kept on disk between the steps

    report = client.get(response["Location"]).content.decode()
    assert "Nouveaux contacts : 1." in report
    assert "Lignes refusées : 2." in report
    assert "Adresse électronique invalide" in report and "faux" in report
    assert "aucune date de consentement" in report
    assert not Contact.objects.filter(email="nina@example.org").exists()

    notes = client.get("/admin/lettres/import/rapport.csv")
    assert b"oscar@example.org" in b"".join(notes.streaming_content)

    done = client.post("/admin/lettres/import/importer/", follow=True)
    assert "Import terminé : 1 contacts créés" in done.content.decode()
    nina = Contact.objects.get(email="nina@example.org")
    assert "Ancienne liste Brevo" in nina.consents.get().wording
    assert not list(import_dir().iterdir())  # the file went with the import
    assert SESSION_KEY not in client.session


def test_a_bad_file_is_refused_on_the_form(client, webmaster):
    response = upload(client, b"\x00\x01\x02binaire", name="photo.csv")
    assert response.status_code == 200
    assert "n&#x27;est pas un fichier texte CSV" in response.content.decode()
    assert not list(import_dir().glob("*.csv"))


def test_cancel_removes_the_file(client, webmaster):
    upload(client, LIST.encode())
    client.post("/admin/lettres/import/importer/", {"cancel": "1"})
    assert not list(import_dir().glob("*.csv"))
    assert not Contact.objects.filter(email="nina@example.org").exists()


def test_a_list_with_mobile_numbers(client, webmaster):
    content = (
        "email;prénom;téléphone;consentement_le\n"
        "paula@example.org;Paula;06 12 34 56 78;2024-05-02\n"
        "fixe@example.org;Fixe;01 23 45 67 89;2024-05-02\n"
    )
    report = client.get(upload(client, content.encode())["Location"]).content.decode()
    assert "Nouveaux contacts : 1." in report
    assert "Numéro de mobile refusé : 1" in report
    assert "Ce numéro est un fixe : les SMS ne partent que vers un mobile." in report

    client.post("/admin/lettres/import/importer/")
    assert Contact.objects.get(email="paula@example.org").phone == "+33612345678"
    assert not Contact.objects.filter(email="fixe@example.org").exists()
