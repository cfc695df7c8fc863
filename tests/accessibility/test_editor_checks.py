"""Editor guidance before publishing (issue 4, RGAA): each rule of accessibility.checks
triggers on a bad example and stays silent on a good one; the page editor lists the
warnings; Wagtail's content checker is configured in French."""

import re
from io import BytesIO

import PIL.Image
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from accessibility import checks
from core.models import ContentPage, SectionPage
from home.models import HomePage
from tests.factories import ContentPageFactory, UserFactory, login_verified


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def section(home):
    return SectionPage.objects.child_of(home).get(slug="culture-sport")


def make_page(section, body):
    page = ContentPageFactory(parent=section, body=body)
    return ContentPage.objects.get(pk=page.pk)


def make_image(title="Façade de la mairie", file_size=None):
    buffer = BytesIO()
    PIL.Image.new("RGB", (10, 10), "white").save(buffer, "PNG")
    image = get_image_model()(title=title, file=ImageFile(buffer, name="mairie.png"))
    image.save()
    if file_size is not None:
        get_image_model().objects.filter(pk=image.pk).update(file_size=file_size)
    return get_image_model().objects.get(pk=image.pk)


def make_document(name="reglement.pdf", title="Règlement intérieur"):
    document = get_document_model()(title=title, file=ContentFile(b"%PDF-1.4 test", name=name))
    document.save()
    return document


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text):
    return {"type": "heading", "value": text}


def image_block(image, alt="", decorative=False):
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": alt, "decorative": decorative},
    }


def rules(warnings, rule):
    return [warning for warning in warnings if warning.rule == rule]


# --- image_alt ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "alt", ["IMG_1234.jpg", "photo-2.png", "DSC0001", "IMG_1234", "20240312_093512", "x.webp"]
)
def test_file_names_are_recognised(alt):
    assert checks.looks_like_file_name(alt)


@pytest.mark.parametrize(
    "alt", ["Façade de la mairie", "Le marché du 14 juillet", "Piscine", "Salle n° 2"]
)
def test_descriptions_are_not_file_names(alt):
    assert not checks.looks_like_file_name(alt)


def test_image_alt_warns_on_missing_and_file_name_alt(section):
    image = make_image()
    page = make_page(
        section,
        [
            image_block(image, alt=""),
            image_block(image, alt="IMG_1234.jpg"),
            paragraph(f'<embed embedtype="image" id="{image.pk}" alt="DSC0001" format="left"/>'),
        ],
    )
    warnings = checks.image_alt(page)
    assert len(warnings) == 3
    assert "sans texte alternatif" in warnings[0].message
    assert "« IMG_1234.jpg » ressemble à un nom de fichier" in warnings[1].message
    assert "« DSC0001 »" in warnings[2].message
    assert warnings[0].where.startswith("bloc 1")
    assert warnings[2].where.startswith("bloc 3")


def test_image_alt_is_silent_on_descriptions_and_decorative_images(section):
    image = make_image()
    page = make_page(
        section,
        [
            image_block(image, alt="Façade de la mairie fleurie au printemps"),
            image_block(image, alt="", decorative=True),
            paragraph(
                f'<embed embedtype="image" id="{image.pk}" alt="Le marché couvert" format="left"/>'
            ),
        ],
    )
    assert checks.image_alt(page) == []


# --- heading_jump ---------------------------------------------------------------------------


def test_heading_jump_warns_on_skipped_levels(section):
    page = make_page(
        section,
        [
            paragraph("<h3>Horaires</h3><p>Du lundi au vendredi.</p>"),  # h1 → h3
            heading("Tarifs"),
            paragraph("<h4>Réductions</h4><p>Pour les familles.</p>"),  # h2 → h4
        ],
    )
    warnings = checks.heading_jump(page)
    assert len(warnings) == 2
    assert "niveau 3 suit un titre de niveau 1" in warnings[0].message
    assert "niveau 4 suit un titre de niveau 2" in warnings[1].message
    assert warnings[1].where.startswith("bloc 3")


def test_heading_jump_is_silent_on_a_well_ordered_body(section):
    page = make_page(
        section,
        [
            heading("Horaires"),
            paragraph("<h3>En été</h3><p>De 9 h à 19 h.</p><h4>Le dimanche</h4><p>Fermé.</p>"),
            heading("Tarifs"),
            paragraph("<h3>Réductions</h3><p>Pour les familles.</p>"),
        ],
    )
    assert checks.heading_jump(page) == []


# --- vague_link -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Cliquez ici !", "En savoir plus…", "PLUS D’INFOS", "lire la suite", "Ici", "Read more"],
)
def test_vague_link_warns_on_vague_text(section, text):
    page = make_page(
        section, [paragraph(f'<p>Le règlement : <a href="/reglement/">{text}</a></p>')]
    )
    warnings = checks.vague_link(page)
    assert len(warnings) == 1
    assert warnings[0].message.startswith("Lien peu explicite")
    assert warnings[0].where.startswith("bloc 1")


def test_vague_link_checks_callouts_faq_and_document_titles(section):
    document = make_document(name="plan.odt")
    page = make_page(
        section,
        [
            {
                "type": "callout",
                "value": {"title": "Travaux", "text": '<p><a href="/t/">ici</a></p>'},
            },
            {
                "type": "faq",
                "value": [
                    {
                        "type": "item",
                        "id": "7d9c4c0e-2f9b-4a4e-9a1d-3f1c2b6e8a01",
                        "value": {
                            "question": "Où ?",
                            "answer": '<p><a href="/x/">en savoir plus</a></p>',
                        },
                    }
                ],
            },
            {"type": "document", "value": {"document": document.pk, "title": "Lien"}},
        ],
    )
    assert [warning.where[:6] for warning in checks.vague_link(page)] == [
        "bloc 1",
        "bloc 2",
        "bloc 3",
    ]


def test_vague_link_checks_document_links_in_rich_text(section):
    document = make_document(name="plan.odt")
    page = make_page(
        section, [paragraph(f'<p>Le plan : <a linktype="document" id="{document.pk}">ici</a></p>')]
    )
    assert [warning.rule for warning in checks.vague_link(page)] == ["vague_link"]


def test_vague_link_is_silent_on_explicit_text(section):
    page = make_page(
        section,
        [
            paragraph(
                '<p><a href="/dechetterie/">Horaires de la déchetterie</a> et '
                '<a href="/cantine/">en savoir plus sur la cantine</a></p>'
            )
        ],
    )
    assert checks.vague_link(page) == []


# --- pdf_without_html -----------------------------------------------------------------------


def test_pdf_without_html_warns_on_pdf_links_of_content_pages(section):
    document = make_document()
    page = make_page(
        section,
        [
            paragraph(f'<p><a linktype="document" id="{document.pk}">Le règlement</a></p>'),
            {
                "type": "document",
                "value": {"document": document.pk, "title": "Règlement intérieur"},
            },
        ],
    )
    warnings = checks.pdf_without_html(page)
    assert len(warnings) == 2
    assert "Le document PDF « Règlement intérieur » n'a pas d'alternative HTML" in (
        warnings[0].message
    )


def test_pdf_without_html_is_silent_on_other_formats_and_publications(home, section):
    from publications.models import PublicationIndexPage, PublicationPage

    odt = make_document(name="plan.odt", title="Plan")
    page = make_page(
        section,
        [paragraph(f'<p><a linktype="document" id="{odt.pk}">Le plan des travaux</a></p>')],
    )
    assert checks.pdf_without_html(page) == []

    pdf = make_document()
    publication = PublicationPage(
        title="Arrêté de test",
        kind="order",
        document=pdf,
        body=[paragraph(f'<p><a linktype="document" id="{pdf.pk}">L\'arrêté signé</a></p>')],
    )
    PublicationIndexPage.objects.descendant_of(home).first().add_child(instance=publication)
    assert checks.pdf_without_html(PublicationPage.objects.get(pk=publication.pk)) == []


# --- heavy_image ----------------------------------------------------------------------------


def test_heavy_image_warns_above_the_budget(section, settings):
    settings.COMMUNE_IMAGE_MAX_KB = 300
    heavy = make_image(title="Vue aérienne", file_size=800 * 1024)
    page = make_page(
        section,
        [
            image_block(heavy, alt="Vue aérienne du centre-ville"),
            paragraph(
                f'<embed embedtype="image" id="{heavy.pk}" alt="Vue aérienne" format="left"/>'
            ),
        ],
    )
    warnings = checks.heavy_image(page)
    assert len(warnings) == 2
    assert "« Vue aérienne » pèse 800 Ko, au-delà du budget de 300 Ko" in warnings[0].message


def test_heavy_image_is_silent_within_the_budget(section, settings):
    settings.COMMUNE_IMAGE_MAX_KB = 300
    light = make_image(file_size=120 * 1024)
    page = make_page(section, [image_block(light, alt="Façade de la mairie")])
    assert checks.heavy_image(page) == []


def test_heavy_image_budget_comes_from_settings(section, settings):
    image = make_image(file_size=120 * 1024)
    page = make_page(section, [image_block(image, alt="Façade de la mairie")])
    settings.COMMUNE_IMAGE_MAX_KB = 100
    assert len(checks.heavy_image(page)) == 1


# --- all rules, in the editor ---------------------------------------------------------------


def test_a_clean_page_has_no_warning(section):
    image = make_image()
    page = make_page(
        section,
        [
            heading("Horaires"),
            paragraph('<p>Voir les <a href="/horaires/">horaires de la piscine</a>.</p>'),
            image_block(image, alt="Le grand bassin"),
        ],
    )
    assert checks.check_page(page) == []


def test_edit_page_lists_the_warnings(client, section):
    page = make_page(section, [paragraph('<p><a href="/reglement/">Cliquez ici</a></p>')])
    login_verified(client, UserFactory(is_superuser=True))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Vérifications d" in html
    assert 'data-rule="vague_link"' in html
    assert "Lien peu explicite « Cliquez ici »" in html


def test_edit_page_of_a_clean_page_says_so(client, section):
    page = make_page(section, [heading("Horaires")])
    login_verified(client, UserFactory(is_superuser=True))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200
    assert "data-rule=" not in response.content.decode()
    assert "Aucun problème d" in response.content.decode()


# --- Wagtail's content checker (Axe) ---------------------------------------------------------


def test_wagtail_content_checker_is_configured_in_french(rf):
    from wagtail.admin.userbar import AccessibilityItem, apply_userbar_hooks

    from accessibility.wagtail_hooks import CommuneContentCheckerItem

    request = rf.get("/")
    items = [AccessibilityItem(in_editor=True)]
    apply_userbar_hooks(request, items, None)

    assert isinstance(items[0], CommuneContentCheckerItem)
    assert items[0].in_editor
    configuration = items[0].get_axe_configuration(request)
    run_only = configuration["options"]["runOnly"]
    for rule in ["image-alt", "alt-text-quality", "empty-heading", "p-as-heading", "link-name"]:
        assert rule in run_only
        assert rule in configuration["messages"]
    assert str(configuration["messages"]["image-alt"]["error_name"]) == (
        "Image sans texte alternatif"
    )


@pytest.mark.parametrize(
    ("alt", "is_file_name"),
    [("IMG_1234.jpg", True), ("photo-2", True), ("DSC0001", True), ("Le marché", False)],
)
def test_axe_alt_pattern_agrees_with_the_server_rule(alt, is_file_name):
    from accessibility.wagtail_hooks import ALT_FILE_NAME_PATTERN

    assert bool(re.search(ALT_FILE_NAME_PATTERN, alt, re.IGNORECASE)) is is_file_name
    assert checks.looks_like_file_name(alt) is is_file_name


def test_the_editor_of_every_page_type_renders_the_panel(client, home):
    """Every page model built on BasePage, the home page included, shows the warnings in
    its editor: on the edit view of a demo page, or on the add view when the demo has none."""
    from wagtail.models import Page

    from core.taxonomy import tagged_page_models

    login_verified(client, UserFactory(is_superuser=True))
    models = tagged_page_models()
    assert HomePage in models
    for model in models:
        page = model.objects.first()
        if page is not None:
            url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        else:
            parent = next(
                page
                for page in Page.objects.descendant_of(home, inclusive=True).specific()
                if model in type(page).allowed_subpage_models()
            )
            meta = model._meta
            url = reverse(
                "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]
            )
        response = client.get(url)
        assert response.status_code == 200, model
        assert "data-accessibility-warnings" in response.content.decode(), model
