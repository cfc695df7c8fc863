"""The demo commune serves every page type, in French and in both translations."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from core.models import ContactFormPage
from core.taxonomy import tagged_page_models
from demo.loader import DemoLoader
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from places.models import PlacePage
from procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db

REQUIRED_SLUGS = [
    "restauration-scolaire",
    "mediatheque",
    "centre-de-loisirs",
    "passeport-carte-identite",
    "piscine",
    "encombrants",
    "collecte-dechets",
    "acte-de-naissance",
    "mariage-pacs",
    "listes-electorales",
    "permis-de-construire",
    "stationnement",
    "creche",
    "accueil-periscolaire",
    "inscription-scolaire",
    "tranquillite-vacances",
    "police-municipale",
    "signaler-un-probleme",
    "conseil-municipal",
    "annuaire-associations",
    "subvention-association",
    "location-de-salles",
    "colis-seniors",
    "portage-de-repas",
    "nouveaux-habitants",
    "offres-emploi",
    "marches-publics",
    "conservatoire",
    "accompagnement-numerique",
    "pharmacies-de-garde",
    "quotient-familial",
    "cimetiere",
]


def page_type_models():
    return [model for model in tagged_page_models() if model.__name__ != "ContactFormPage"]


def test_demo_has_the_promised_content():
    french = Locale.get_default()
    live = Page.objects.live().filter(locale=french)
    assert set(REQUIRED_SLUGS) <= set(live.values_list("slug", flat=True))
    assert NewsPage.objects.live().filter(locale=french).count() >= 20
    assert EventPage.objects.live().filter(locale=french).count() >= 20
    assert PlacePage.objects.live().filter(locale=french).count() >= 10
    assert live.filter(slug__in=REQUIRED_SLUGS).count() == len(REQUIRED_SLUGS)


@pytest.mark.parametrize("language", ["fr", "en", "nl"])
def test_every_page_type_renders_in_each_language(client, language):
    locale = Locale.objects.get(language_code=language)
    checked = []
    for model in [*page_type_models(), ContactFormPage]:
        page = model.objects.live().filter(locale=locale).first()
        assert page is not None, f"no {model.__name__} in {language}"
        response = client.get(page.url)
        assert response.status_code == 200, (model.__name__, page.url)
        assert f'<html lang="{language}"' in response.text
        checked.append(model.__name__)
    assert len(checked) >= 14


def test_translated_page_links_its_translations(client, home):
    response = client.get("/")
    for code in ("fr", "en", "nl"):
        assert f'hreflang="{code}"' in response.text
    assert 'hreflang="x-default"' in response.text
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    assert english_home.url.startswith("/en/")
    assert client.get(english_home.url).status_code == 200


def test_english_pages_are_translated_not_copied(home):
    english = Locale.objects.get(language_code="en")
    english_home = home.get_translation(english)
    assert english_home.title != home.title
    procedure = ProcedurePage.objects.get(slug="restauration-scolaire", locale=home.locale)
    assert procedure.get_translation(english).title != procedure.title


def test_loading_twice_gives_the_same_town():
    before = {model.__name__: model.objects.count() for model in page_type_models()}
    DemoLoader().run()
    after = {model.__name__: model.objects.count() for model in page_type_models()}
    assert before == after
    call_command("fixtree", interactive=False, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.parametrize("index_model", [EventIndexPage, NewsIndexPage])
def test_listing_children_are_found_by_slug_and_only_when_live(client, home, index_model):
    index = index_model.objects.get(locale=home.locale)
    child = index.get_children().live().specific().first()
    assert client.get(child.url).context["page"] == child
    assert client.get(f"{index.url}pas-une-page/").status_code == 404

    child.unpublish()
    assert client.get(child.url).status_code == 404


def test_editors_see_where_a_demo_procedure_is_used():
    """The reference index (the admin's "Usage" of a page) is rebuilt after the load."""
    from wagtail.models import ReferenceIndex

    from profiles.models import ProfilePage

    french = Locale.objects.get(language_code="fr")
    profile_page = ProfilePage.objects.filter(locale=french, top_tasks__isnull=False).first()
    procedure = profile_page.top_tasks.first().page
    users = ReferenceIndex.get_references_to(procedure).values_list("object_id", flat=True)
    assert str(profile_page.pk) in users
