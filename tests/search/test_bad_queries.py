"""What residents type is never an error page: empty, huge, control characters, odd unicode
and search operators, on the results page and the JSON API, with a synonym group holding a
stop word (searched as an extra phrase) in place."""

import pytest

from search.models import SynonymGroup

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    " ",
    "a\x00b",
    "é" * 3000,
    "piscine " * 400,
    '"jeux de société',
    "ludothèque \" AND OR NOT -- ' ; DROP TABLE",
    "😀🏊‍♀️ piscine",
    "\u202e\u200b\ufeff",
    "%00%ff",
]


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_a_strange_query_gets_an_answer_not_an_error(
    client, search_index, query, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        SynonymGroup.objects.create(terms="ludothèque, jeux de société", language_code="fr")
    for url in ("/recherche/", "/api/search/", "/en/search/"):
        for params in (
            {"q": query},
            {"q": query, "page": "999999999999"},
            {"q": query, "type": "\x00"},
        ):
            response = client.get(url, params)
            assert response.status_code in (200, 400, 404), (url, params, response.status_code)


@pytest.mark.parametrize("query", [*QUERIES, "l'école", "(piscine", "piscine*"])
def test_a_strange_query_gets_an_answer_when_meilisearch_is_down(client, settings, query):
    settings.MEILISEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    for url in ("/recherche/", "/api/search/", "/en/search/"):
        response = client.get(url, {"q": query})
        assert response.status_code in (200, 400), (url, response.status_code)


def test_the_database_fallback_still_finds_the_words_around_a_quote(client, settings):
    settings.MEILISEARCH_URL = "http://127.0.0.1:9"
    response = client.get("/recherche/", {"q": "carte \"nationale d'identité"})
    assert "mode simplifié" in response.text
    assert "Carte d&#x27;identité et passeport" in response.text
