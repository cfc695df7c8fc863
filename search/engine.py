"""The Meilisearch side of search: client, one index per locale, index settings as code.

Everything that talks to Meilisearch goes through this module, so that the rest of the app
deals in documents and results, and so that "the engine is unreachable" is one exception.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import islice
from typing import TypeVar

import meilisearch
from django.conf import settings
from meilisearch.errors import (
    MeilisearchApiError,
    MeilisearchCommunicationError,
    MeilisearchTimeoutError,
)
from meilisearch.index import Index

from .stopwords import STOP_WORDS

T = TypeVar("T")

# Searchable attributes, most important first: Meilisearch's "attribute" ranking rule
# prefers a match in the title to one in the intro, and so on. Queries are searched as stems
# (search.language), so only the stems of the text are searched; the text is shown.
SEARCHABLE_ATTRIBUTES = [
    "title_stems",
    "keywords_stems",
    "intro_stems",
    "content_stems",
    "themes_stems",
    "profiles_stems",
]
# "id" lets a deletion name many documents in one request (a filter).
FILTERABLE_ATTRIBUTES = ["type", "profile_slugs", "theme_slugs", "date", "id"]
SORTABLE_ATTRIBUTES = ["date"]
DISPLAYED_ATTRIBUTES = ["id", "title", "url", "type", "type_label", "intro", "content", "date"]
# Meilisearch's default order with two rules of page types (search.documents): "answers"
# puts the pages that answer a task (procedure, place, service, listing) before the dated
# items (news, events, minutes) that match as many words as well, even in a better
# attribute; "weight" then breaks ties between types. Chosen by measurement on the tuning
# sets and the dev set (docs/search.md).
RANKING_RULES = [
    "words",
    "typo",
    "answers:desc",
    "attribute",
    "proximity",
    "weight:desc",
    "sort",
    "exactness",
]
# Which results a query with several words may return when no page has them all: without
# a term of the vocabulary, the commonest words are dropped first; with one, the query lists
# the vocabulary's tokens first (search.vocabulary) and the last words are dropped first, so
# that what the vocabulary recognised is kept longest ("jeter un vieux canapé" keeps the
# bulky waste, not "vieux", however rare). Chosen by measurement (docs/search.md).
MATCHING_STRATEGY = "frequency"
MATCHING_STRATEGY_WITH_VOCABULARY = "last"


def matching_strategy(query: str, token_prefix: str) -> str:
    """The matching strategy of a query as sent (stems and tokens)."""
    has_token = any(word.startswith(token_prefix) for word in query.split())
    return MATCHING_STRATEGY_WITH_VOCABULARY if has_token else MATCHING_STRATEGY


TYPO_TOLERANCE = {
    "enabled": True,
    "minWordSizeForTypos": {"oneTypo": 4, "twoTypos": 8},
    # Reference numbers and postcodes must match exactly.
    "disableOnNumbers": True,
}
# Meilisearch language codes (ISO 639-3) for its tokenizer and normalizer.
TOKENIZER_LOCALES = {"fr": "fra", "en": "eng", "nl": "nld", "de": "deu", "es": "spa", "it": "ita"}
MAX_TOTAL_HITS = 1000
BATCH_SIZE = 500  # documents per indexing request


class SearchUnavailable(Exception):
    """Meilisearch did not answer in time, or answered with a server error."""


ENGINE_ERRORS = (MeilisearchCommunicationError, MeilisearchTimeoutError, SearchUnavailable)


@cache
def _client(url: str, api_key: str, timeout: float) -> meilisearch.Client:
    return meilisearch.Client(url, api_key, timeout=timeout)


def client(timeout: float | None = None) -> meilisearch.Client:
    """A client for the configured server; searches use the short MEILISEARCH_TIMEOUT."""
    return _client(
        settings.MEILISEARCH_URL,
        settings.MEILISEARCH_API_KEY,
        timeout if timeout is not None else settings.MEILISEARCH_TIMEOUT,
    )


def indexing_client() -> meilisearch.Client:
    """Indexing runs in workers, where waiting longer is better than failing."""
    return client(timeout=settings.MEILISEARCH_INDEXING_TIMEOUT)


def index_uid(language_code: str, suffix: str = "") -> str:
    return f"{settings.MEILISEARCH_INDEX_PREFIX}_pages_{language_code}{suffix}"


def index_settings(language_code: str, synonyms: dict[str, list[str]]) -> dict:
    """The complete settings of a locale's index: applying them twice changes nothing."""
    settings_ = {
        "searchableAttributes": SEARCHABLE_ATTRIBUTES,
        "filterableAttributes": FILTERABLE_ATTRIBUTES,
        "sortableAttributes": SORTABLE_ATTRIBUTES,
        "displayedAttributes": DISPLAYED_ATTRIBUTES,
        "rankingRules": RANKING_RULES,
        "distinctAttribute": "group",
        "typoTolerance": typo_tolerance(synonyms),
        "stopWords": sorted(STOP_WORDS.get(language_code, ())),
        "synonyms": synonyms,
        "pagination": {"maxTotalHits": MAX_TOTAL_HITS},
        "faceting": {"maxValuesPerFacet": 50},
    }
    if language_code in TOKENIZER_LOCALES:
        settings_["localizedAttributes"] = [
            {"attributePatterns": ["*"], "locales": [TOKENIZER_LOCALES[language_code]]}
        ]
    return settings_


def typo_tolerance(synonyms: dict[str, list[str]]) -> dict:
    """TYPO_TOLERANCE, and none on the vocabulary's tokens (the keys of `synonyms`): one
    group's token is never another's with a typo."""
    return {**TYPO_TOLERANCE, "disableOnWords": sorted(synonyms)}


def _wait(task_info) -> None:
    task = indexing_client().wait_for_task(task_info.task_uid, timeout_in_ms=120_000)
    if task.status != "succeeded":
        raise SearchUnavailable(f"Meilisearch task {task.uid} {task.status}: {task.error}")


def index_exists(language_code: str, suffix: str = "") -> bool:
    try:
        indexing_client().get_raw_index(index_uid(language_code, suffix))
    except MeilisearchApiError as error:
        if error.code != "index_not_found":
            raise
        return False
    return True


def _create_index(uid: str) -> None:
    _wait(indexing_client().create_index(uid, {"primaryKey": "id"}))


def ensure_index(language_code: str, synonyms: dict[str, list[str]], suffix: str = "") -> Index:
    """Create the locale's index if needed and apply its settings, waiting for both."""
    uid = index_uid(language_code, suffix)
    if not index_exists(language_code, suffix):
        _create_index(uid)
    index = indexing_client().index(uid)
    _wait(index.update_settings(index_settings(language_code, synonyms)))
    return index


def upsert(language_code: str, documents: list[dict], suffix: str = "", wait: bool = True):
    """Add or replace documents; without `wait`, returns the task to pass to `wait_for`."""
    if not documents:
        return None
    task = indexing_client().index(index_uid(language_code, suffix)).add_documents(documents, "id")
    if wait:
        _wait(task)
    return task


def upsert_in_batches(
    language_code: str,
    documents: Iterable[dict],
    suffix: str = "",
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Send documents BATCH_SIZE at a time and return how many were sent. Meilisearch works
    through a batch while the next one is built; waiting for the last is enough, as an index
    runs its tasks in order. `on_batch` gets the running count after each batch."""
    sent, last_task = 0, None
    for batch in _batches(documents):
        last_task = upsert(language_code, batch, suffix, wait=False)
        sent += len(batch)
        if on_batch:
            on_batch(sent)
    if last_task is not None:
        _wait(last_task)
    return sent


def _batches(items: Iterable[T]) -> Iterator[list[T]]:
    """`items` BATCH_SIZE at a time."""
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH_SIZE)):
        yield batch


def drop_index(language_code: str, suffix: str = "") -> None:
    """Delete an index if it exists (e.g. a build index left by a rebuild that died)."""
    if index_exists(language_code, suffix):
        _wait(indexing_client().delete_index(index_uid(language_code, suffix)))


def delete(language_codes: Iterable[str], document_ids: list[str]) -> None:
    """Remove documents from every given locale's index (a missing index is fine), in one
    request per BATCH_SIZE documents."""
    for code in language_codes:
        if not document_ids or not index_exists(code):
            continue
        index = indexing_client().index(index_uid(code))
        for batch in _batches(document_ids):
            task = index.delete_documents(filter=f"id IN {json.dumps(batch)}")
        _wait(task)  # an index runs its tasks in order


def update_synonyms(language_code: str, synonyms: dict[str, list[str]]) -> None:
    """Send a language's synonyms, and the typo settings that depend on them."""
    changed = {"synonyms": synonyms, "typoTolerance": typo_tolerance(synonyms)}
    _wait(indexing_client().index(index_uid(language_code)).update_settings(changed))


def swap_in(language_code: str, suffix: str) -> None:
    """Replace the live index by the freshly built one, atomically, then drop the old one."""
    meili = indexing_client()
    live, fresh = index_uid(language_code), index_uid(language_code, suffix)
    if not index_exists(language_code):
        _create_index(live)
    _wait(meili.swap_indexes([{"indexes": [live, fresh]}]))
    _wait(meili.delete_index(fresh))


def search(language_code: str, query: str, params: dict) -> dict:
    """Run a query on the locale's index; every failure to answer is SearchUnavailable. A
    query that finds nothing with the vocabulary's strategy is tried again with the default
    one."""
    try:
        response = client().index(index_uid(language_code)).search(query, params)
        if response.get("estimatedTotalHits") or params.get("matchingStrategy") in (
            None,
            MATCHING_STRATEGY,
        ):
            return response
        # "last" never drops the first word: when no page holds it, the commonest-first
        # strategy does ("football club" where no page names football).
        return (
            client()
            .index(index_uid(language_code))
            .search(query, {**params, "matchingStrategy": MATCHING_STRATEGY})
        )
    except (MeilisearchCommunicationError, MeilisearchTimeoutError) as error:
        raise SearchUnavailable(str(error)) from error
    except MeilisearchApiError as error:
        # A missing index (never built) is as good as no engine for the resident.
        raise SearchUnavailable(str(error)) from error
