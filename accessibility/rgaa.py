"""The RGAA 4.1 criteria an audit grid rates: 106 criteria in 13 themes, as published by the
DINUM (accessibilite.numerique.gouv.fr, "Critères et tests"). Shipped as data in
data/rgaa-4.1-criteres.csv: each criterion's number, theme and official title (the question
the criterion asks, in French as published for RGAA 4.1.2).

The site's own audit grid is shipped too (data/grille-rgaa-site.toml): each criterion's result
on the audited pages and how it is checked, by automated tests or by hand."""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

CRITERIA_FILE = Path(__file__).parent / "data" / "rgaa-4.1-criteres.csv"


@dataclass(frozen=True)
class Criterion:
    number: str  # "1.1" … "13.12"
    theme_number: int
    theme: str  # in French, the referential's language
    title: str  # the criterion's question, in French

    @property
    def sort_key(self) -> tuple[int, int]:
        theme, index = self.number.split(".")
        return int(theme), int(index)


@cache
def criteria() -> dict[str, Criterion]:
    """Every criterion of RGAA 4.1, by number, in the referential's order."""
    with CRITERIA_FILE.open(encoding="utf-8", newline="") as data:
        rows = [
            Criterion(row["criterion"], int(row["theme_number"]), row["theme"], row["title"])
            for row in csv.DictReader(data)
        ]
    return {criterion.number: criterion for criterion in sorted(rows, key=lambda c: c.sort_key)}


def criterion_choices() -> list[tuple[str, str]]:
    """Short labels (number and theme) for the grid's 106 selects: each row shows the
    criterion's full title beside its select (accessibility.panels)."""
    return [(c.number, f"{c.number} — {c.theme}") for c in criteria().values()]


SITE_GRID_FILE = Path(__file__).parent / "data" / "grille-rgaa-site.toml"


@dataclass(frozen=True)
class AuditedPage:
    key: str  # how the grid's rows name it
    name: str
    path: str


@dataclass(frozen=True)
class GridRow:
    """One criterion of the site's own grid: its result, where, and how it is checked."""

    number: str
    status: str  # "c", "nc" or "na"
    method: str  # "auto", "partial" or "manual"
    tests: tuple[str, ...] = ()  # pytest node ids
    checked_on: tuple[str, ...] = ()  # page keys; empty: every audited page
    failing_on: tuple[str, ...] = ()  # page keys; empty: every page where it applies
    not_applicable_on: tuple[str, ...] = ()
    checked_date: date | None = None
    checked_by: str = ""
    comment: str = ""


@dataclass(frozen=True)
class SiteGrid:
    """The site's RGAA 4.1 grid as shipped in data/grille-rgaa-site.toml."""

    audit_date: date
    auditor: str
    pages: tuple[AuditedPage, ...]
    rows: tuple[GridRow, ...]

    def page_names(self, keys: tuple[str, ...]) -> str:
        """The pages' names as the admin's grid lists them, comma-separated."""
        names = {page.key: page.name for page in self.pages}
        return ", ".join(names[key] for key in keys)


def site_grid(path: Path = SITE_GRID_FILE) -> SiteGrid:
    """Reads the site's grid: its audited pages and one row per criterion."""
    with path.open("rb") as data:
        grid = tomllib.load(data)
    list_fields = ("tests", "checked_on", "failing_on", "not_applicable_on")
    rows = tuple(
        GridRow(
            **{key: tuple(value) if key in list_fields else value for key, value in row.items()}
        )
        for row in grid["criteria"]
    )
    pages = tuple(AuditedPage(key, **page) for key, page in grid["pages"].items())
    return SiteGrid(grid["audit_date"], grid["auditor"], pages, rows)
