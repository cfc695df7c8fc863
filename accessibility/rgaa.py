"""The RGAA 4.1 criteria an audit grid rates: 106 criteria in 13 themes, as published by the
DINUM (accessibilite.numerique.gouv.fr, "Critères et tests"). Shipped as data in
data/rgaa-4.1-criteres.csv: each criterion's number and theme (the criteria's titles are not
shipped: the grid names a criterion by its number, as audit reports do)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CRITERIA_FILE = Path(__file__).parent / "data" / "rgaa-4.1-criteres.csv"


@dataclass(frozen=True)
class Criterion:
    number: str  # "1.1" … "13.12"
    theme_number: int
    theme: str  # in French, the referential's language

    @property
    def sort_key(self) -> tuple[int, int]:
        theme, index = self.number.split(".")
        return int(theme), int(index)


@cache
def criteria() -> dict[str, Criterion]:
    """Every criterion of RGAA 4.1, by number, in the referential's order."""
    with CRITERIA_FILE.open(encoding="utf-8", newline="") as data:
        rows = [
            Criterion(row["criterion"], int(row["theme_number"]), row["theme"])
            for row in csv.DictReader(data)
        ]
    return {criterion.number: criterion for criterion in sorted(rows, key=lambda c: c.sort_key)}


def criterion_choices() -> list[tuple[str, str]]:
    return [(c.number, f"{c.number} — {c.theme}") for c in criteria().values()]
