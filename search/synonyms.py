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


def add_missing_default_groups(group_model: type) -> None:
    """Add the shipped groups that a town does not have yet, for the migrations that ship
    new lists (`group_model` is the migration's historical SynonymGroup). A group is left
    out when one of its terms is already in a group of that language, so the editors'
    changes win."""
    from .models import split_terms

    for language_code in DEFAULT_LISTS:
        known = {
            term
            for terms in group_model.objects.filter(language_code=language_code).values_list(
                "terms", flat=True
            )
            for term in split_terms(terms)
        }
        group_model.objects.bulk_create(
            group_model(terms=", ".join(terms), language_code=language_code)
            for terms in map(split_terms, default_groups(language_code))
            if not known.intersection(terms)
        )
