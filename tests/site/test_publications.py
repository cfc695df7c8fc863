"""Issue 18, RGAA 13.3: the demo's PDFs are tagged (PDF/UA) and printed from the same
content as their page, whose HTML gives the whole document, not a summary."""

import re
from io import BytesIO

import pytest
from django.utils import translation
from pypdf import PdfReader
from wagtail.models import Locale

from accessibility.models import AccessibilityStatementPage
from demo.pdf import body_value, tagged_pdf
from publications.models import PublicationPage

pytestmark = pytest.mark.django_db

MINUTES = "compte-rendu-conseil-municipal-orientations-budgetaires-2027"
BLUE_ZONE = "arrete-zone-bleue-centre-ville"


def pdf_reader(document) -> PdfReader:
    with document.open_file() as file:
        return PdfReader(BytesIO(file.read()))


def pdf_text(document) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pdf_reader(document).pages)


def page_text(client, page) -> str:
    html = client.get(page.url).text
    article = html[html.index("<article") : html.index("</article>")]
    return " ".join(re.sub(r"<[^>]+>", " ", article).replace("&#x27;", "'").split())


def demo_documents(home):
    statement = AccessibilityStatementPage.objects.get(locale=home.locale)
    publications = PublicationPage.objects.filter(locale=home.locale)
    return [
        *(publication.document for publication in publications),
        statement.multiyear_plan,
        statement.action_plan,
    ]


def test_every_demo_pdf_is_tagged(home):
    documents = demo_documents(home)
    assert len(documents) == 11
    for document in documents:
        catalog = pdf_reader(document).trailer["/Root"]
        assert "/StructTreeRoot" in catalog, document.title
        assert bool(catalog["/MarkInfo"]["/Marked"]), document.title
        assert catalog["/Lang"] == "fr", document.title


def test_the_minutes_give_the_secretary_and_closing_time_in_html_and_pdf(client, home):
    minutes = PublicationPage.objects.get(slug=MINUTES, locale=home.locale)
    for text in (page_text(client, minutes), pdf_text(minutes.document)):
        assert "Secrétaire de séance : Thomas Carpentier" in text
        assert "La séance est levée à 22 h 05" in text


def test_the_blue_zone_order_gives_its_legal_grounds_and_every_article(client, home):
    order = PublicationPage.objects.get(slug=BLUE_ZONE, locale=home.locale)
    html, pdf = page_text(client, order), pdf_text(order.document)
    for text in (html, pdf):
        assert "Vu le Code de la route, notamment son article R. 417-3" in text
        for number in range(1, 5):
            assert f"Article {number}." in text
        assert "contraventions de 2e classe" in text
        assert "dès la mise en place de la signalisation" in text
    assert "Texte du document" in html
    assert "Résumé" not in html


def test_the_pdf_is_printed_from_the_page_body(home):
    for publication in PublicationPage.objects.filter(locale=home.locale):
        pdf = pdf_text(publication.document)
        assert publication.title in pdf
        assert publication.reference in pdf
        for block in publication.body:
            if block.block_type == "heading":
                assert str(block.value) in pdf, (publication.slug, block.value)


def test_the_page_names_what_only_the_pdf_holds(client, home):
    order = PublicationPage.objects.get(slug=BLUE_ZONE, locale=home.locale)
    assert "Seul le PDF contient" not in page_text(client, order)
    order.pdf_only = "le plan de la zone bleue (annexe 1)."
    order.save_revision().publish()
    assert "Seul le PDF contient : le plan de la zone bleue (annexe 1)." in page_text(client, order)


def test_the_same_content_gives_the_same_pdf():
    # The loader keeps a document whose file hash is unchanged: printing must be repeatable.
    body = body_value([{"type": "paragraph", "value": "<p>Article 1. La zone bleue…</p>"}])
    assert tagged_pdf("Arrêté", body, ["Ville"]) == tagged_pdf("Arrêté", body, ["Ville"])


def test_the_english_minutes_translate_the_closing_time(client, home):
    minutes = PublicationPage.objects.get(slug=MINUTES, locale=home.locale)
    english = minutes.get_translation(Locale.objects.get(language_code="en"))
    # The request activates English; give the next tests back the language they had.
    with translation.override(translation.get_language()):
        text = page_text(client, english)
    assert "The meeting closed at 10.05 pm." in text
