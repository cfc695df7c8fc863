"""Reading Wagtail's page tree through its indexes."""

from __future__ import annotations

from wagtail.models import Page


def children_path_range(path: str) -> tuple[str, str]:
    """The lowest and highest tree paths a child of the page at `path` can have.

    With `depth = n + 1` this range reads the (depth, path) index (core migration 0003);
    Wagtail's `path LIKE 'prefix%'` reads every page on SQLite, and on PostgreSQL unless the
    column has the C collation.
    """
    return (path + Page.alphabet[0] * Page.steplen, path + Page.alphabet[-1] * Page.steplen)
