"""Residents' own phrasings find the page that answers: conjugated and inflected words,
missing accents, questions, acronyms; nothing found gives a way forward; a promoted page of
a private section stays hidden."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from places.models import PlacePage
from search.language import stems
from search.models import SearchQueryStat

pytestmark = pytest.mark.django_db


def slugs(api, query: str, locale: str = "fr") -> list[str]:
    results = api(query, locale=locale, limit=3)["results"]
    return [hit["url"].rstrip("/").rsplit("/", 1)[-1] for hit in results]


def test_a_word_and_its_forms_share_one_stem_with_or_without_accents():
    assert stems("Crèches", "fr") == stems("creche", "fr")
    assert stems("inscrite", "fr") == stems("inscrits", "fr")
    assert stems("comment je fais pour", "fr") == ""


def test_a_doubled_or_single_letter_is_no_typo_in_french(search_index, api):
    assert stems("cantinne", "fr") == stems("cantine", "fr")
    # Two letters off "passeport", one of them a missing double: still found.
    assert "passeport-carte-identite" in slugs(api, "pasport")
    assert "restauration-scolaire" in slugs(api, "cantinne")


def test_asking_for_a_place_s_phone_finds_the_place_that_shows_one(search_index, api):
    # The police station's text names no telephone; its phone field, shown as
    # "Téléphone : …", is what answers.
    assert slugs(api, "numéro de la police")[0] == "police-municipale"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("je voudrais m'inscrire sur la liste électorale", "listes-electorales"),
        ("on s'est pacsés", "mariage-pacs"),
        ("creche", "creche"),
        ("alsh", "centre-de-loisirs"),
    ],
)
def test_conjugated_unaccented_and_acronym_queries_find_the_page(
    search_index, api, query, expected
):
    assert expected in slugs(api, query)


def test_the_procedure_ranks_before_the_news_about_it(search_index, api):
    assert slugs(api, "colis de fin d'année")[0] == "colis-seniors"


def test_english_queries_are_stemmed_too(search_index, api):
    assert slugs(api, "registering at school", locale="en")[0] == "school-registration"


def test_a_question_without_a_meaningful_word_lists_nothing(search_index, api):
    assert api("comment je fais")["total"] == 0


def test_nothing_found_offers_searches_to_try_quick_links_and_the_town_hall(search_index, client):
    SearchQueryStat.record("piscine", "fr", total=4)
    html = client.get("/recherche/", {"q": "qwxzvbn"}).content.decode()
    assert "Aucun résultat" in html
    assert "Essayez :" in html and 'href="?q=piscine"' in html
    assert "En 1 clic" in html and "Menus de la cantine" in html
    assert "Joindre la mairie" in html and 'href="tel:' in html


def test_a_promoted_page_of_a_private_section_is_not_shown(search_index, client, api):
    library = PlacePage.objects.get(slug="mediatheque", locale__language_code="fr")
    SearchPromotion.objects.create(query=Query.get("qwxzvbn"), page=library, sort_order=0)
    assert api("qwxzvbn")["results"][0]["url"] == library.url

    PageViewRestriction.objects.create(
        page=library, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    data = api("qwxzvbn")
    assert data["total"] == 0 and data["results"] == []
    assert library.url not in client.get("/recherche/", {"q": "qwxzvbn"}).content.decode()


def test_a_synonym_and_the_word_of_the_page_are_one_word_for_the_engine():
    from search.vocabulary import query_stems, vocabulary

    (token,) = query_stems("cantine", "fr").split()
    page_words = vocabulary("fr").annotated(stems("Restauration scolaire", "fr").split())
    assert token in page_words
    assert query_stems("restauration scolaire", "fr") == token


@pytest.mark.parametrize(
    "query, expected, locale",
    [
        ("frigo", "encombrants", "fr"),
        ("se débarrasser d'un vieux matelas", "encombrants", "fr"),
        ("écrire à la mairie", "contact", "fr"),
        ("soccer club", "directory-of-associations", "en"),
    ],
)
def test_an_everyday_word_finds_the_page_that_uses_the_official_one_first(
    search_index, api, query, expected, locale
):
    assert slugs(api, query, locale=locale)[0] == expected


def test_a_need_no_page_names_still_finds_what_the_rest_of_the_query_means(search_index, api):
    # No English page names football: its club still leads to the associations.
    assert "directory-of-associations" in slugs(api, "football club", locale="en")


def test_english_vocabulary_is_shipped_and_editable():
    from search.models import SynonymGroup

    groups = [group.term_list for group in SynonymGroup.objects.filter(language_code="en")]
    assert any({"rubbish", "trash", "garbage"} <= set(terms) for terms in groups)
