"""What every benchmark does first: put the project on sys.path and configure Django
against a throw-away database of its own (or DATABASE_URL when set)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commune.settings.dev")


def setup_django(bench_dir: Path, fresh: bool) -> None:
    """Start Django on SQLite under `bench_dir` (wiped when `fresh`), or on DATABASE_URL."""
    if fresh and bench_dir.exists():
        shutil.rmtree(bench_dir)
    bench_dir.mkdir(parents=True, exist_ok=True)
    # Its own data folder (SQLite database, cache, media) even on DATABASE_URL: the demo's
    # cache would otherwise answer for another database.
    os.environ["COMMUNE_VAR_DIR"] = str(bench_dir)
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
