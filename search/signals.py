"""Keep the index in step with the site: each content change enqueues an index task once
the transaction that made it has committed (a rolled-back change never reaches the index)."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.transactions import on_commit_batch

from . import tasks
from .models import SynonymGroup


def _enqueue(task_, *args) -> None:
    transaction.on_commit(partial(task_.enqueue, *args))


def page_changed(sender, instance: Page, **kwargs) -> None:
    """Published, unpublished or its translation synced: the page's own document."""
    _enqueue_page(instance.pk)
    if getattr(instance, "document_id", None):  # a publication's summary describes its PDF
        _enqueue(tasks.index_document, instance.document_id)


def page_moved(sender, instance: Page, **kwargs) -> None:
    """Moved, or its slug changed: the URLs of the page and its descendants changed."""
    _enqueue(tasks.index_subtree, instance.pk)


def privacy_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    """A section became private or public again: its pages leave or rejoin the index."""
    _enqueue(tasks.index_subtree, instance.page_id)


def collection_privacy_changed(sender, instance: CollectionViewRestriction, **kwargs) -> None:
    """A collection became private or public again: its documents, and those of its
    sub-collections, leave or rejoin the index."""
    _enqueue(tasks.index_collection, instance.collection_id)


def collection_saved(sender, instance: Collection, **kwargs) -> None:
    """A collection edited in the admin, perhaps moved under a private one or out of it
    (the admin moves it after saving, in the same transaction)."""
    _enqueue(tasks.index_collection, instance.pk)


def page_deleted(sender, instance: Page, **kwargs) -> None:
    """Every deleted page, descendants included, passes here once (its base Page row)."""
    _enqueue_page(instance.pk)


def _enqueue_page(page_id: int) -> None:
    on_commit_batch("search.pages", page_id, tasks.index_pages.enqueue)


def document_changed(sender, instance, **kwargs) -> None:
    _enqueue(tasks.index_document, instance.pk)


def synonyms_changed(sender, instance: SynonymGroup, **kwargs) -> None:
    """Every language's list is sent again: the group may have left another language."""
    for language_code in tasks.language_codes():
        _enqueue(tasks.push_synonyms, language_code)


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="search.page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search.page_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search.page_moved")
    page_slug_changed.connect(page_moved, dispatch_uid="search.page_slug_changed")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="search.page_deleted")
    restriction = PageViewRestriction
    post_save.connect(privacy_changed, sender=restriction, dispatch_uid="search.private_saved")
    post_delete.connect(privacy_changed, sender=restriction, dispatch_uid="search.private_del")
    collection_restriction = CollectionViewRestriction
    post_save.connect(
        collection_privacy_changed,
        sender=collection_restriction,
        dispatch_uid="search.private_collection_saved",
    )
    post_delete.connect(
        collection_privacy_changed,
        sender=collection_restriction,
        dispatch_uid="search.private_collection_del",
    )
    post_save.connect(collection_saved, sender=Collection, dispatch_uid="search.collection_saved")
    document_model = get_document_model()
    post_save.connect(document_changed, sender=document_model, dispatch_uid="search.doc_saved")
    post_delete.connect(document_changed, sender=document_model, dispatch_uid="search.doc_del")
    post_save.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search.syn_saved")
    post_delete.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search.syn_del")
