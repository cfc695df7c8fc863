"""Queries across page types that share the profiles/themes tagging of BasePage."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Model, QuerySet
from wagtail.models import Locale, Page, get_page_models

from .models import PROFILE_MODEL, BasePage


def get_profile_model() -> type[Model]:
    """The model of the profiles pages are tagged with (BasePage.profiles), for apps that
    filter by profile without depending on the app that defines it."""
    return apps.get_model(PROFILE_MODEL)


def tagged_page_models() -> list[type[BasePage]]:
    return [model for model in get_page_models() if issubclass(model, BasePage)]


def pages_tagged_with_profile(profile, locale: Locale) -> QuerySet[Page]:
    """Live, public pages of `locale` tagged with `profile` (matched across translations)."""
    page_ids = set()
    for model in tagged_page_models():
        page_ids.update(
            model.objects.in_listings()
            .filter(locale=locale, profiles__translation_key=profile.translation_key)
            .values_list("pk", flat=True)
        )
    return Page.objects.filter(pk__in=page_ids).order_by("title").defer_streamfields().specific()
