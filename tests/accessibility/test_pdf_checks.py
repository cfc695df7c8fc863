"""Issue 18, RGAA 13.3: the editor is warned about every untagged PDF of a page (linked from
the body or held in a field, publications included), reading each file once, and about a
publication whose PDF has no HTML version."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfWriter
from wagtail.documents import get_document_model

from accessibility import checks
from demo.pdf import body_value, tagged_pdf
from publications.models import PublicationIndexPage, PublicationPage
from tests.factories import ContentPageFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def untagged_pdf_bytes() -> bytes:
    """A valid PDF without a structure tree, as most office exports make by default."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def tagged_pdf_bytes() -> bytes:
    body = body_value([{"type": "paragraph", "value": "<p>Article 1. Le stationnement…</p>"}])
    return tagged_pdf("Arrêté de stationnement", body)


def make_document(content: bytes, title: str, name: str = "arrete.pdf"):
    document = get_document_model()(title=title, file=ContentFile(content, name=name))
    document.save()
    return document


def make_publication(home, document, body=()):
    publication = PublicationPage(
        title="Arrêté de stationnement", kind="order", document=document, body=list(body)
    )
    PublicationIndexPage.objects.descendant_of(home).first().add_child(instance=publication)
    return PublicationPage.objects.get(pk=publication.pk)


def paragraph(html):
    return {"type": "paragraph", "value": html}


def rules(warnings):
    return [(warning.rule, warning.where) for warning in warnings]


def test_an_untagged_pdf_on_a_publication_is_reported(home):
    document = make_document(untagged_pdf_bytes(), "Arrêté scanné")
    publication = make_publication(home, document, [paragraph("<p>Article 1.</p>")])
    warnings = checks.check_page(publication)
    assert rules(warnings) == [("untagged_pdf", "champ « document PDF »")]
    assert warnings[0].message.startswith("PDF non balisé : le document « Arrêté scanné »")


def test_a_tagged_pdf_on_a_publication_is_not_reported(home):
    document = make_document(tagged_pdf_bytes(), "Arrêté balisé")
    publication = make_publication(home, document, [paragraph("<p>Article 1.</p>")])
    assert checks.check_page(publication) == []


def test_untagged_pdfs_linked_from_any_body_are_reported(home):
    untagged = make_document(untagged_pdf_bytes(), "Règlement scanné", "reglement.pdf")
    tagged = make_document(tagged_pdf_bytes(), "Règlement balisé", "reglement-balise.pdf")
    section = home.get_children().live().first()
    page = ContentPageFactory(
        parent=section,
        body=[
            paragraph(f'<p><a linktype="document" id="{untagged.pk}">Le règlement</a></p>'),
            paragraph(f'<p><a linktype="document" id="{tagged.pk}">Le règlement balisé</a></p>'),
        ],
    )
    warnings = checks.untagged_pdf(page.specific)
    assert [warning.message.split("»")[0] for warning in warnings] == [
        "PDF non balisé : le document « Règlement scanné "
    ]


def test_a_file_that_is_not_a_readable_pdf_counts_as_untagged(home):
    document = make_document(b"%PDF-1.4 truncated", "Fichier abîmé")
    assert checks.pdf_is_tagged(document) is False


def test_each_file_is_read_once(home, monkeypatch):
    document = make_document(tagged_pdf_bytes(), "Arrêté balisé")
    reads = []
    real_reader = checks.PdfReader

    def counting_reader(*args, **kwargs):
        reads.append(1)
        return real_reader(*args, **kwargs)

    monkeypatch.setattr(checks, "PdfReader", counting_reader)
    first = make_publication(home, document, [paragraph("<p>Article 1.</p>")])
    for _ in range(3):
        assert checks.untagged_pdf(first) == []
    # Another document with the same file is known too: the answer is kept by file hash.
    copy = make_document(tagged_pdf_bytes(), "Copie de l'arrêté", "copie.pdf")
    assert checks.pdf_is_tagged(copy) is True
    assert len(reads) == 1


def test_a_publication_without_html_version_is_reported(home):
    document = make_document(tagged_pdf_bytes(), "Arrêté balisé")
    publication = make_publication(home, document)
    warnings = checks.pdf_without_html(publication)
    assert rules(warnings) == [("pdf_without_html", "champ « document PDF »")]
    assert "« Arrêté balisé » n'a pas d'alternative HTML" in warnings[0].message
    with_text = make_publication(home, document, [paragraph("<p>Article 1.</p>")])
    assert checks.pdf_without_html(with_text) == []
