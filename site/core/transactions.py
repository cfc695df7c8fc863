"""Work collected during a transaction and done once when it commits."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from django.db import transaction


class _Batch(list):
    def __init__(self, flush: Callable[[list], Any], savepoints: set[str]):
        super().__init__()
        self.flush = flush
        self.savepoints = savepoints
        self.position = -1
        self.sent = False

    def __call__(self) -> None:
        self.sent = True
        self.flush(list(dict.fromkeys(self)))

    def still_pending(self, connection) -> bool:
        """Registered in this transaction and under the same savepoints: a savepoint or
        transaction rolled back (or committed) since has dropped (or run) the callback."""
        callbacks = connection.run_on_commit
        return (
            not self.sent
            and 0 <= self.position < len(callbacks)
            and callbacks[self.position][1] is self
            and self.savepoints == set(connection.savepoint_ids)
        )


def on_commit_batch(key: Hashable, item: Hashable, flush: Callable[[list], Any]) -> None:
    """Add `item` to the batch `key` of the current transaction; `flush` gets the batch's
    distinct items once, when the transaction commits (at once outside a transaction).

    Deleting a section sends a signal per page; one task for the lot, not one per page. A
    rolled-back savepoint drops its items with it, as Django drops its callbacks.
    """
    connection = transaction.get_connection()
    batches: dict = connection.__dict__.setdefault("_commune_batches", {})
    batch = batches.get(key)
    if batch is not None and batch.still_pending(connection):
        batch.append(item)
        return
    batch = _Batch(flush, set(connection.savepoint_ids))
    batch.append(item)
    batches[key] = batch
    transaction.on_commit(batch)
    batch.position = len(connection.run_on_commit) - 1
