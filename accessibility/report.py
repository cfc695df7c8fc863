"""Plain-text tables of the checks, for the management command and the test failures."""

from __future__ import annotations

from collections.abc import Sequence

from .axe import AxeResult
from .budget import BudgetResult, budget_for
from .html import HtmlMessage, HtmlResult

MAX_SELECTORS = 5  # per violation in the details: enough to find the template at fault
MAX_SUMMARY = 60  # characters of the first error in the HTML table, to keep one line a page


def axe_table(results: Sequence[AxeResult]) -> str:
    """One line per page: the number of violated rules, then each rule id with its count of
    offending elements."""
    rows = [
        [result.target.label, result.target.path, _axe_count(result), _axe_rules(result)]
        for result in results
    ]
    return table(["page", "path", "violations", "rules (elements)"], rows)


def axe_details(results: Sequence[AxeResult]) -> str:
    """Each violation with axe's help text and the selectors of its elements."""
    lines = []
    for result in results:
        for violation in result.violations:
            lines.append(
                f"{result.target.label} {result.target.path}: {violation.rule} "
                f"[{violation.impact}] {violation.help}"
            )
            lines.extend(f"    {selector}" for selector in violation.targets[:MAX_SELECTORS])
            if len(violation.targets) > MAX_SELECTORS:
                lines.append(f"    … and {len(violation.targets) - MAX_SELECTORS} more")
    return "\n".join(lines)


def budget_table(results: Sequence[BudgetResult]) -> str:
    rows = [_budget_row(result) for result in results]
    return table(["page", "kB", "requests", "DOM elements", "EcoIndex", "grade", "verdict"], rows)


def html_table(results: Sequence[HtmlResult]) -> str:
    """One line per page: vnu's errors and warnings, and the first error to say what kind."""
    rows = [
        [
            result.target.label,
            result.target.path,
            "error" if result.error else str(len(result.errors)),
            str(len(result.warnings)),
            _html_summary(result),
        ]
        for result in results
    ]
    return table(["page", "path", "errors", "warnings", "first error"], rows)


def html_details(results: Sequence[HtmlResult]) -> str:
    """Each error, then each warning, with its line and the markup vnu quotes, to find the
    template at fault."""
    lines = []
    for result in results:
        for message in [*result.errors, *result.warnings]:
            lines.append(f"{result.target.label} {result.target.path}: {_html_message(message)}")
            if message.extract:
                lines.append(f"    {_one_line(message.extract)}")
    return "\n".join(lines)


def table(headers: list[str], rows: list[list[str]]) -> str:
    """Left-aligned columns as wide as their longest cell."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = [headers, ["-" * width for width in widths], *rows]
    return "\n".join(
        "  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def _axe_count(result: AxeResult) -> str:
    return "error" if result.error else str(len(result.violations))


def _axe_rules(result: AxeResult) -> str:
    if result.error:
        return result.error
    return ", ".join(f"{v.rule} ({len(v.targets)})" for v in result.violations) or "-"


def _html_summary(result: HtmlResult) -> str:
    if result.error:
        return result.error
    errors = result.errors
    if not errors:
        return "-"
    first = errors[0].message
    return first if len(first) <= MAX_SUMMARY else first[: MAX_SUMMARY - 1] + "…"


def _html_message(message: HtmlMessage) -> str:
    return f"line {message.line}:{message.column} [{message.severity}] {message.message}"


def _one_line(text: str) -> str:
    """vnu's extracts span line breaks; the details keep one line per message."""
    return " ".join(text.split())


def _budget_row(result: BudgetResult) -> list[str]:
    if result.measurement is None:
        return [result.target.label, "", "", "", "", "", f"error: {result.error}"]
    measurement = result.measurement
    budget = budget_for(result.target)
    verdict = "; ".join(result.failures) if result.failures else f"ok (≤ {budget.max_kb:g} kB)"
    return [
        result.target.label,
        f"{measurement.kb:.1f}",
        str(measurement.requests),
        str(measurement.dom_elements),
        f"{result.ecoindex:g}",
        result.grade,
        verdict,
    ]
