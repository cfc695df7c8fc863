"""Index updates as django-tasks tasks.

Each task reads the current state of the page (or document) and makes the index agree with
it, so running one twice, late or out of order is harmless. When Meilisearch cannot be
reached the task schedules itself again with a growing delay; `rebuild_search_index`
catches up whatever is still missing.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import timedelta

from django.utils import timezone
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from core.i18n import language_code_of, locale_codes, locale_id_for
from core.privacy import public_documents

from . import engine
from .documents import (
    document_document_id,
    document_documents,
    live_pages,
    page_document_id,
    page_documents,
)
from .models import synonyms_for

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8


def language_codes() -> list[str]:
    return list(locale_codes().values())


def ensure_index(language_code: str) -> None:
    """Create a missing locale index with its settings before documents go in, so that a
    first publication never leaves an index without filters or synonyms."""
    if not engine.index_exists(language_code):
        engine.ensure_index(language_code, synonyms_for(language_code))


def _retry_later(task_, attempt: int, *args) -> str:
    if attempt >= MAX_ATTEMPTS or not task_.get_backend().supports_defer:
        logger.warning("Search index update gave up after %d attempt(s): %s", attempt, args)
        return "failed"
    delay = timedelta(seconds=min(10 * 2**attempt, 3600))
    task_.using(run_after=timezone.now() + delay).enqueue(*args, attempt=attempt + 1)
    return "retry scheduled"


@task()
def index_pages(page_ids: list[int], attempt: int = 1) -> str:
    """Make the index agree with each page: in its locale's index if it is live, public and
    has a URL, out of it otherwise (out of every locale's when the page was deleted)."""
    pages = Page.objects.filter(pk__in=page_ids)
    locale_ids = {page.pk: page.locale_id for page in pages.only("pk", "locale_id")}
    try:
        deleted = [pk for pk in page_ids if pk not in locale_ids]
        if deleted:
            engine.delete(language_codes(), [page_document_id(pk) for pk in deleted])
        for locale_id in set(locale_ids.values()):
            _index_pages_of_locale(
                locale_id, [pk for pk, lid in locale_ids.items() if lid == locale_id]
            )
        return f"{len(locale_ids)} updated, {len(deleted)} removed"
    except engine.ENGINE_ERRORS:
        return _retry_later(index_pages, attempt, page_ids)


def _index_pages_of_locale(locale_id: int, page_ids: list[int]) -> None:
    code = locale_codes()[locale_id]
    documents = list(page_documents(live_pages(locale_id).filter(pk__in=page_ids).specific()))
    if documents:
        ensure_index(code)
        engine.upsert(code, documents)
    shown = {document["id"] for document in documents}
    hidden = [page_document_id(pk) for pk in page_ids if page_document_id(pk) not in shown]
    if hidden:
        engine.delete([code], hidden)


@task()
def index_subtree(page_id: int, attempt: int = 1) -> str:
    """Make the index agree with a page and its descendants: after a move their URLs change;
    when a section becomes private its pages leave the index, and come back when it is public
    again."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return "missing"
    code = language_code_of(page)
    pages = live_pages(page.locale_id).descendant_of(page, inclusive=True)
    hidden = (
        Page.objects.descendant_of(page, inclusive=True)
        .exclude(pk__in=pages.values("pk"))
        .values_list("pk", flat=True)
    )
    try:
        ensure_index(code)
        documents = page_documents(pages.specific().iterator(chunk_size=engine.BATCH_SIZE))
        engine.upsert_in_batches(code, documents)
        engine.delete([code], [page_document_id(pk) for pk in hidden])
        return "indexed"
    except engine.ENGINE_ERRORS:
        return _retry_later(index_subtree, attempt, page_id)


@task()
def index_document(document_id: int, attempt: int = 1) -> str:
    """Index a Wagtail document in the languages of the publications that link it, and
    take it out of the others (out of all of them when it was deleted or its collection is
    private). It is replaced in place where it stays, so that residents never miss it while
    it is indexed again."""
    try:
        return "indexed" if _index_documents([document_id]) else "removed"
    except engine.ENGINE_ERRORS:
        return _retry_later(index_document, attempt, document_id)


@task()
def index_collection(collection_id: int, attempt: int = 1) -> str:
    """Make the index agree with the documents of a collection and its sub-collections:
    when the collection becomes private they leave the index, and come back when it is
    public again."""
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return "missing"
    document_ids = list(
        get_document_model()
        .objects.filter(collection__path__startswith=collection.path)
        .values_list("pk", flat=True)
    )
    try:
        indexed = _index_documents(document_ids)
        return f"{indexed} indexed, {len(document_ids) - indexed} removed"
    except engine.ENGINE_ERRORS:
        return _retry_later(index_collection, attempt, collection_id)


def _index_documents(document_ids: list[int]) -> int:
    """Put the public documents among `document_ids` in their languages' indexes and take
    every other one out; returns how many are indexed."""
    by_language: dict[str, list[dict]] = defaultdict(list)
    indexed = list(public_documents().filter(pk__in=document_ids))
    for document in indexed:
        for code, item in document_documents(document).items():
            by_language[code].append(item)
    for code in language_codes():
        items = by_language.get(code, [])
        shown = {item["id"] for item in items}
        stale = [document_document_id(pk) for pk in document_ids]
        engine.delete([code], [uid for uid in stale if uid not in shown])
        if items:
            ensure_index(code)
            engine.upsert_in_batches(code, items)
    return len(indexed)


@task()
def push_synonyms(language_code: str, attempt: int = 1) -> str:
    """Send the editors' synonyms of a language to its index, then index its pages and
    documents again: each carries the token of every group whose terms it holds
    (search.vocabulary), and a changed group changes which."""
    try:
        ensure_index(language_code)
        engine.update_synonyms(language_code, synonyms_for(language_code))
        pages = live_pages(locale_id_for(language_code)).specific()
        pages = pages.iterator(chunk_size=engine.BATCH_SIZE)
        engine.upsert_in_batches(language_code, page_documents(pages))
        documents = (
            item
            for document in public_documents()
            for code, item in document_documents(document).items()
            if code == language_code
        )
        engine.upsert_in_batches(language_code, documents)
        return "pushed"
    except engine.ENGINE_ERRORS:
        return _retry_later(push_synonyms, attempt, language_code)
