"""Editors see what residents look for and fix an empty search in one step."""

import pytest
from wagtail.contrib.search_promotions.models import SearchPromotion

from search.models import SearchQueryStat, SynonymGroup
from tests.factories import UserFactory, login_verified

pytestmark = pytest.mark.django_db


def test_dashboard_lists_top_and_zero_result_queries(client, webmaster):
    SearchQueryStat.record("piscine", "fr", total=4)
    SearchQueryStat.record("piscine", "fr", total=4)
    SearchQueryStat.record("aquagym", "fr", total=0)
    response = client.get("/admin/recherches/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "piscine" in html and "aquagym" in html
    assert "Ajouter un synonyme" in html


def test_zero_result_query_becomes_a_synonym_in_one_step(client, webmaster):
    response = client.post(
        "/admin/recherches/synonyme/", {"query": "aquagym", "terms": "piscine, natation"}
    )
    assert response.status_code == 302
    assert SynonymGroup.objects.get(terms="aquagym, piscine, natation").language_code == "fr"


def test_a_synonym_goes_to_the_language_the_query_was_typed_in(client, webmaster):
    SearchQueryStat.record("lido", "en", total=0)
    html = client.get("/admin/recherches/").content.decode()
    assert '<input type="hidden" name="language_code" value="en">' in html
    client.post(
        "/admin/recherches/synonyme/",
        {"query": "lido", "language_code": "en", "terms": "swimming pool"},
    )
    assert SynonymGroup.objects.get(terms="lido, swimming pool").language_code == "en"


def test_zero_result_query_gets_a_promoted_page_in_one_step(client, webmaster, home):
    pool = home.get_descendants().get(slug="piscine", locale=home.locale)
    response = client.post("/admin/recherches/promotion/", {"query": "Aquagym", "page": pool.pk})
    assert response.status_code == 302
    assert SearchPromotion.objects.get(query__query_string="aquagym").page_id == pool.pk


def test_service_contributors_do_not_see_the_dashboard(client):
    SearchQueryStat.record("piscine", "fr", total=4)
    login_verified(client, UserFactory(groups=["Service culture et sports"]))
    response = client.get("/admin/recherches/")
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_synonym_saved_from_the_dashboard_finds_the_page(
    client, webmaster, search_index, api, django_capture_on_commit_callbacks
):
    assert api("ludothèque")["total"] == 0
    SearchQueryStat.record("ludothèque", "fr", total=0)
    html = client.get("/admin/recherches/").content.decode()
    assert 'name="query" value="ludothèque"' in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/recherches/synonyme/",
            {"query": "ludothèque", "language_code": "fr", "terms": "jeux de société"},
        )
    assert response.status_code == 302
    titles = [hit["title"] for hit in api("ludothèque")["results"]]
    assert "Soirée jeux de société en famille" in titles


def test_search_has_its_own_menu_with_the_dashboard_and_the_synonyms(client, webmaster):
    html = client.get("/admin/").content.decode()
    menu = html[html.index("Recherche") :]
    assert "Recherches des habitants" in menu and "/admin/recherches/" in menu
    assert "Synonymes" in menu and "/admin/snippets/search/synonymgroup/" in menu
    # No longer listed under "Fragments" (the sidebar's data holds the menu's own link).
    fragments = client.get("/admin/snippets/").content.decode()
    assert 'href="/admin/snippets/search/synonymgroup/"' not in fragments
    assert 'href="/admin/snippets/core/theme/"' in fragments


def test_synonym_groups_are_named_in_proper_french(client, webmaster):
    html = client.get("/admin/snippets/search/synonymgroup/").content.decode()
    assert "Ajouter un groupe de synonymes" in html
    assert "un(e)" not in html
    assert "Groupes de synonymes" in html


def test_service_contributors_do_not_see_the_search_menu(client):
    login_verified(client, UserFactory(groups=["Service culture et sports"]))
    html = client.get("/admin/").content.decode()
    assert "Recherches des habitants" not in html
    assert "/admin/snippets/search/synonymgroup/" not in html
