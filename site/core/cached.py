"""Small lookups every page needs (locales, private sections, town details, filter choices),
kept in the shared cache until the rows they come from change."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from .transactions import on_commit_batch

T = TypeVar("T")


def remembered(key: str, compute: Callable[[], T]) -> T:
    """The cached value of `key`, computed and kept (without expiry) when missing."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, None)
    return value


def forget(key: str) -> None:
    """Drop `key` now, for the rest of this transaction, and again once it commits: until
    then another process still reads the old rows and may have cached them meanwhile."""
    cache.delete(key)
    on_commit_batch(("forget", key), None, lambda _items: cache.delete(key))


def on_row_change(receiver: Callable[..., None], *models: type[Model], uid: str) -> None:
    """Call `receiver` whenever a row of one of `models` is saved or deleted (`uid` keeps a
    second connection from doubling the first)."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.save.{label}")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.del.{label}")


def forget_on_change(key: str, *models: type[Model]) -> None:
    """Forget `key` whenever a row of one of `models` is saved or deleted."""
    on_row_change(lambda **kwargs: forget(key), *models, uid=key)
