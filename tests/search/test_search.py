"""What residents see: relevant answers in their own words, facets, promoted results, a
results page that survives any input and an engine that is down."""

import csv
import socket
import threading
from pathlib import Path

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from places.models import PlacePage
from search.models import SearchQueryStat

pytestmark = pytest.mark.django_db

# A copy of the product's relevance set (shared/search/dev-queries.tsv).
DEV_QUERIES = Path(__file__).with_name("data") / "dev-queries.tsv"


def slug(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def load_queries() -> list[tuple[str, str]]:
    with DEV_QUERIES.open(encoding="utf-8") as tsv:
        return [(row["query"], row["expected_slug"]) for row in csv.DictReader(tsv, delimiter="\t")]


@pytest.mark.parametrize("query, expected", load_queries())
def test_residents_words_find_the_right_page_in_the_top_three(search_index, api, query, expected):
    slugs = [slug(hit["url"]) for hit in api(query, locale="fr", limit=3)["results"]]
    assert expected in slugs


def test_api_answers_in_the_documented_shape(search_index, api):
    data = api("piscine", locale="fr")
    assert data["query"] == "piscine"
    assert data["total"] >= 1
    assert set(data["results"][0]) == {"title", "url", "type", "excerpt"}
    assert slug(data["results"][0]["url"]) == "piscine"
    excerpts = " ".join(hit["excerpt"] for hit in api("inscription cantine")["results"])
    assert "&#x27;" not in excerpts and "<mark>" not in excerpts  # plain text, not HTML


@pytest.mark.parametrize(
    "params, field",
    [
        ({}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "piscine", "locale": "xx"}, "locale"),
        ({"q": "piscine", "page": "0"}, "page"),
        ({"q": "piscine", "page": "deux"}, "page"),
        ({"q": "piscine", "limit": "500"}, "limit"),
        ({"q": "piscine", "type": "<script>"}, "type"),
    ],
)
def test_api_rejects_bad_parameters_with_a_clear_400(client, params, field):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert errors[field][0]["message"]


def test_results_page_highlights_words_and_announces_the_count(search_index, client):
    response = client.get("/recherche/", {"q": "piscine"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="status"' in html and "résultat" in html
    assert "<mark>" in html
    assert 'href=""' not in html


def test_results_page_in_english_has_a_translated_address(search_index, client):
    response = client.get("/en/search/", {"q": "swimming pool"})
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_type_facet_filters_the_results(search_index, client, api):
    response = client.get("/recherche/", {"q": "horaires", "type": "placepage"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-current="true">Équipement' in html
    for hit in api("horaires", type="placepage")["results"]:
        assert hit["type"] == "Équipement"


def test_profile_facet_is_offered_with_counts(search_index, client):
    html = client.get("/recherche/", {"q": "inscription"}).content.decode()
    assert "profil=familles" in html


def test_promoted_page_comes_first(search_index, api):
    library = PlacePage.objects.get(slug="mediatheque", locale__language_code="fr")
    query = Query.get("lecture")
    SearchPromotion.objects.create(query=query, page=library, sort_order=0)
    first = api("lecture")["results"][0]
    assert first["url"] == library.url


@pytest.mark.parametrize(
    "query",
    [
        "",
        "piscine " * 300,
        "🏊 piscine 🎉",
        "'; DROP TABLE wagtailcore_page; --",
        "<script>alert('x')</script>",
        "%00%ff\\",
    ],
)
def test_any_input_gives_a_normal_results_page(search_index, client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_queries_are_counted_per_week_without_personal_data(search_index, client):
    client.get("/recherche/", {"q": "Piscine"})
    client.get("/recherche/", {"q": "piscine "})
    client.get("/recherche/", {"q": "qwxzvbn"})
    client.get("/recherche/", {"q": "jean.dupont@example.org"})
    client.get("/recherche/", {"q": "06 12 34 56 78"})

    stats = {stat.query: stat for stat in SearchQueryStat.objects.all()}
    assert stats["piscine"].searches == 2 and stats["piscine"].zero_results == 0
    assert stats["qwxzvbn"].zero_results == 1
    assert not any("@" in query or "06" in query for query in stats)
    field_names = {field.name for field in SearchQueryStat._meta.get_fields()}
    assert field_names == {"id", "week", "language_code", "query", "searches", "zero_results"}


def test_search_falls_back_to_the_database_when_meilisearch_is_stopped(search_index, client):
    search_index.stop()
    try:
        response = client.get("/recherche/", {"q": "passeport"})
        api = client.get("/api/search/", {"q": "passeport"})
    finally:
        search_index.start()
    html = response.content.decode()
    assert response.status_code == 200
    assert "mode simplifié" in html
    assert "/passeport-carte-identite/" in html
    assert api.status_code == 200 and api.json()["total"] >= 1


@pytest.fixture
def silent_server():
    """A TCP server that accepts connections and never answers: a hung Meilisearch."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    connections = []

    def accept():
        while True:
            try:
                connections.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()
    for connection in connections:
        connection.close()


def test_search_falls_back_when_meilisearch_is_too_slow(client, settings, silent_server):
    settings.MEILISEARCH_URL = silent_server
    settings.MEILISEARCH_TIMEOUT = 0.3
    response = client.get("/recherche/", {"q": "passeport"})
    assert response.status_code == 200
    assert "mode simplifié" in response.content.decode()


def test_autocomplete_script_stays_under_three_kilobytes():
    script = Path(__file__).resolve().parents[2] / "search/static/search/autocomplete.js"
    assert script.stat().st_size < 3 * 1024
