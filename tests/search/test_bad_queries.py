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
