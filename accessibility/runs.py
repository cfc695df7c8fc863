"""Records a run of the automated checks, for the statements to quote its date and figures."""

from __future__ import annotations

from collections.abc import Sequence

from .axe import AxeResult
from .budget import BudgetResult
from .html import HtmlResult
from .models import CheckRun


def record_run(
    pages_checked: int,
    *,
    axe: Sequence[AxeResult] | None = None,
    html: Sequence[HtmlResult] | None = None,
    budgets: Sequence[BudgetResult] | None = None,
) -> CheckRun:
    """A check left out (None) stays empty in the record, so that the statements keep quoting
    the latest run that did it."""
    return CheckRun.record(
        pages_checked,
        axe_violations=sum(len(result.violations) for result in axe) if axe is not None else None,
        html_errors=sum(len(result.errors) for result in html) if html is not None else None,
        budgets=[_row(result) for result in budgets if result.measurement]
        if budgets is not None
        else None,
    )


def _row(result: BudgetResult) -> dict:
    measurement = result.measurement
    return {
        "page": result.target.page_type,
        "language": result.target.language,
        "path": result.target.path,
        "kb": round(measurement.kb, 1),
        "requests": measurement.requests,
        "dom": measurement.dom_elements,
        "ecoindex": round(result.ecoindex, 1),
        "grade": result.grade,
    }
