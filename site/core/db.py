"""Database upkeep the ORM does not do by itself."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections


def refresh_planner_statistics(using: str = DEFAULT_DB_ALIAS) -> None:
    """Let the query planner see the tables as they are after a bulk load.

    Without statistics SQLite scans the whole page table for listings it could read from an
    index, and it never gathers them by itself; PostgreSQL's autovacuum does, but later.
    """
    with connections[using].cursor() as cursor:
        cursor.execute("ANALYZE")
