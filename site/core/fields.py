"""Field shapes the page models share."""

from __future__ import annotations

from typing import Any

from django.db import models


def optional_link(
    to: str | type[models.Model], verbose_name: Any, **kwargs: Any
) -> models.ForeignKey:
    """An optional link to a page, document or snippet that editors may leave empty: deleting
    the target empties the link instead of deleting the row."""
    kwargs.setdefault("related_name", "+")
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, blank=True, on_delete=models.SET_NULL, **kwargs
    )
