"""Work collected during a transaction and done once when it commits."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, transaction

# Per thread (Django's connections are per thread): (database alias, batch key) -> a weak
# reference to the batch waiting for that connection's commit.
_pending = threading.local()


class _Batch(list):
    """Items waiting for one commit; registered as a single `on_commit` callback."""

    def __init__(self, flush: Callable[[list], Any]):
        super().__init__()
        self.flush = flush
        self.sent = False

    def __call__(self) -> None:
        self.sent = True
        self.flush(list(dict.fromkeys(self)))


def on_commit_batch(
    key: Hashable, item: Hashable, flush: Callable[[list], Any], using: str = DEFAULT_DB_ALIAS
) -> None:
    """Add `item` to the batch `key` of the current transaction; `flush` gets the batch's
    distinct items once, when the transaction commits (at once outside a transaction).

    Deleting a section sends a signal per page: one task for the lot, not one per page.

    Only Django's public `on_commit` is used. The batch is referenced by Django's list of
    callbacks alone (the table here keeps a weak reference): when a rolled-back transaction
    or savepoint discards the callback, the batch goes with it and the next item starts a
    new one. An item added inside a savepoint to a batch begun before it stays in the batch
    if that savepoint rolls back: flushes must read the database as it is when they run
    (the search tasks do), so a spare item costs a little work, never a wrong result.
    """
    batches: dict = _pending.__dict__.setdefault("batches", {})
    reference = batches.get((using, key))
    batch = reference() if reference is not None else None
    if batch is None or batch.sent:
        batch = _Batch(flush)
        batches[(using, key)] = weakref.ref(batch)
        batch.append(item)
        transaction.on_commit(batch, using=using)
    else:
        batch.append(item)
