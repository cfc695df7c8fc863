"""Wagtail's database search backend, given words only.

Wagtail's database backend (the `modelsearch` package) pastes the query's terms into
SQLite's FTS5 MATCH syntax without quoting, so a resident's `"` or `l'école` makes the
query invalid and the request fails; PostgreSQL refuses a NUL character. The backend
searches words and nothing else, so the query is reduced to its words before it is
searched: the results are the same, the errors are gone. It serves the admin's search,
the open-data API and the results page's fallback when Meilisearch is down.
See docs/upstream.md."""

from __future__ import annotations

import re
from typing import Any

from wagtail.search.backends import database

# Letters, digits and the joiners inside words (jean-pierre, 2e) stay; everything else
# (quotes, brackets, operators, control characters) separates words.
_NOT_A_WORD = re.compile(r"[^\w\s-]|_|(?<!\w)-|-(?!\w)")


def plain_words(query: str) -> str:
    """The words of `query`, separated by single spaces."""
    return " ".join(_NOT_A_WORD.sub(" ", query).split())


class SearchBackend:
    """The database backend Wagtail picks for the default database, with string queries
    reduced to their words; everything else is the wrapped backend's own."""

    def __init__(self, params: dict[str, Any]):
        self._backend = database.SearchBackend(params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._backend, name)

    def search(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        return self._backend.search(_words_if_text(query), *args, **kwargs)

    def autocomplete(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        return self._backend.autocomplete(_words_if_text(query), *args, **kwargs)


def _words_if_text(query: Any) -> Any:
    # Wagtail's own query objects (PlainText, Phrase…) are built by code, not typed.
    return plain_words(query) if isinstance(query, str) else query
