"""The default synonym lists shipped with the project (search/data/synonymes-fr.txt,
search/data/synonyms-en.txt)."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_LISTS = {"fr": DATA_DIR / "synonymes-fr.txt", "en": DATA_DIR / "synonyms-en.txt"}


def default_groups(language_code: str) -> list[str]:
    """Each non-comment line of the shipped list: one group of equivalent terms."""
    path = DEFAULT_LISTS.get(language_code)
    if path is None:
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]
