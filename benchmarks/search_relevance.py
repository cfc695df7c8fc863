"""Precision@1 and precision@3 of /api/search/ for a TSV file of (query, expected_slug).

    .venv/bin/python benchmarks/search_relevance.py [queries.tsv]

The file defaults to the project's copy of the relevance set, tests/search/data/dev-queries.tsv.

Runs against the configured database and Meilisearch (by default the demo's: run
`make demo` first, or set COMMUNE_VAR_DIR and MEILISEARCH_URL). Requests go through the
whole Django stack in-process. Prints one line per query with the top three slugs.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from bench_setup import ROOT  # also puts the project on sys.path, dev settings by default

DEFAULT_QUERIES = ROOT / "tests" / "search" / "data" / "dev-queries.tsv"


def slug_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def evaluate(path: Path, locale: str, verbose: bool) -> tuple[float, float, int]:
    from django.test import Client

    client = Client()
    at1 = at3 = 0
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    for row in rows:
        response = client.get("/api/search/", {"q": row["query"], "locale": locale, "limit": 3})
        assert response.status_code == 200, (row, response.status_code)
        slugs = [slug_of(result["url"]) for result in response.json()["results"]]
        expected = row["expected_slug"]
        at1 += slugs[:1] == [expected]
        at3 += expected in slugs[:3]
        if verbose:
            mark = "ok " if expected in slugs[:3] else "MISS"
            print(f"{mark} {row['query']!r:45} -> {', '.join(slugs)}  (want {expected})")
    return at1 / len(rows), at3 / len(rows), len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", type=Path, nargs="?", default=DEFAULT_QUERIES)
    parser.add_argument("--locale", default="fr")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    p1, p3, count = evaluate(args.tsv, args.locale, not args.quiet)
    print(f"\n{count} queries  precision@1 {p1:.2f}  precision@3 {p3:.2f}")


if __name__ == "__main__":
    main()
