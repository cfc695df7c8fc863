"""Work collected during a transaction and done once when it commits (core.transactions)."""

import pytest
from django.db import transaction

from core.transactions import on_commit_batch

pytestmark = pytest.mark.django_db


def test_a_transaction_flushes_its_items_once_together(django_capture_on_commit_callbacks):
    flushed = []
    with django_capture_on_commit_callbacks(execute=True):
        for item in (1, 2, 1, 3):
            on_commit_batch("test", item, flushed.append)
        assert flushed == []  # nothing before the commit
    assert flushed == [[1, 2, 3]]


def test_the_next_transaction_starts_a_new_batch(django_capture_on_commit_callbacks):
    flushed = []
    for item in (1, 2):
        with django_capture_on_commit_callbacks(execute=True):
            on_commit_batch("test", item, flushed.append)
    assert flushed == [[1], [2]]


def test_items_after_a_rolled_back_savepoint_are_not_lost(django_capture_on_commit_callbacks):
    flushed = []
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                on_commit_batch("test", "rolled back", flushed.append)
                raise RuntimeError
        except RuntimeError:
            pass
        on_commit_batch("test", "kept", flushed.append)
    assert flushed == [["kept"]]
