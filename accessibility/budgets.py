"""The eco-design budgets, per page on a first visit: the numbers the project commits to, which
the eco-design statement publishes and the browser tests enforce. Kept apart from the measuring
code (budget.py), which needs the test-only browser packages, so that the eco-design statement
page can show them in production."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    max_kb: float
    max_requests: int = 10
    min_ecoindex: float = 85


PAGE_BUDGET = Budget(max_kb=100)
HOME_BUDGET = Budget(max_kb=60)
