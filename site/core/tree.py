"""Reading Wagtail's page tree through its indexes."""

from __future__ import annotations

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.utils.text import slugify
from wagtail.models import Page

# Wagtail and treebeard find a page's children with `depth = n AND path …`, and every page
# view routes through its ancestors' children; Wagtail's page table has no index on depth,
# so each such query would read every page below the parent. Wagtail's model declares no
# such index and an app cannot add one to another app's model in a migration, so it is
# kept here and (re)created after every `migrate` (a later Wagtail migration that rebuilds
# the table on SQLite drops the indexes it does not know). See docs/upstream.md.
TREE_INDEX = models.Index(fields=["depth", "path"], name="commune_page_depth_path")


def ensure_tree_index(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """Create the (depth, path) index on Wagtail's page table when it is missing."""
    connection = connections[using]
    table = Page._meta.db_table
    with connection.cursor() as cursor:
        if table not in connection.introspection.table_names(cursor):
            return
        present = connection.introspection.get_constraints(cursor, table)
    if TREE_INDEX.name not in present:
        with connection.schema_editor() as editor:
            editor.add_index(Page, TREE_INDEX)


def children_path_range(path: str) -> tuple[str, str]:
    """The lowest and highest tree paths a child of the page at `path` can have.

    With `depth = n + 1` this range reads the (depth, path) index (`TREE_INDEX`); Wagtail's
    `path LIKE 'prefix%'` reads every page on SQLite, and on PostgreSQL unless the column
    has the C collation.
    """
    return (path + Page.alphabet[0] * Page.steplen, path + Page.alphabet[-1] * Page.steplen)


def available_child_slug(parent: Page, title: str, fallback: str) -> str:
    """A slug for a new child of `parent` made from `title` (or from `fallback` when the
    title has no letter or digit, e.g. "???"), with a -2, -3… suffix when a sibling
    already holds it."""
    base = slugify(title, allow_unicode=True) or slugify(fallback, allow_unicode=True)
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate
