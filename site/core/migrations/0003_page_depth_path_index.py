"""Formerly added the (depth, path) index on Wagtail's page table in raw SQL.

The index is now ensured after every `migrate` by `core.tree.ensure_tree_index`, with
Django's schema editor: a later Wagtail migration that rebuilds the page table on SQLite
would have dropped it silently. Kept, empty, so that databases that applied it stay in step.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations: list = []
