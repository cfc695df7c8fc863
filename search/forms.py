"""Search parameters: lenient on the results page, strict (with 400 errors) in the API."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from .service import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    """The results page: whatever a resident types gives a normal page."""

    q = forms.CharField(label=_("Rechercher sur le site"), required=False)
    type = forms.CharField(required=False)
    profil = forms.SlugField(required=False)
    page = forms.IntegerField(required=False, min_value=1)

    def params(self) -> dict:
        """The search asked for; a parameter that is not valid (page=0, a NUL in the
        type…) is dropped on its own, the others are kept."""
        self.is_valid()  # cleaned_data keeps every field that is valid
        data = self.cleaned_data
        return {
            "query": data.get("q") or "",
            "page_type": data.get("type") or "",
            "profile": data.get("profil") or "",
            "page": min(data.get("page") or 1, 100),
        }


class SearchApiForm(forms.Form):
    """/api/search/: bad parameters get a 400 that says which and why."""

    q = forms.CharField(
        max_length=MAX_QUERY_LENGTH,
        error_messages={"required": _("Le paramètre q (la recherche) est obligatoire.")},
    )
    locale = forms.ChoiceField(required=False, choices=settings.WAGTAIL_CONTENT_LANGUAGES)
    type = forms.SlugField(required=False)
    profile = forms.SlugField(required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=100)
    limit = forms.IntegerField(required=False, min_value=1, max_value=50)

    def params(self) -> dict:
        data = self.cleaned_data
        return {
            "query": data["q"],
            "language_code": data.get("locale") or settings.LANGUAGE_CODE,
            "page_type": data.get("type") or "",
            "profile": data.get("profile") or "",
            "page": data.get("page") or 1,
            "per_page": data.get("limit") or 10,
        }


class SynonymFromQueryForm(forms.Form):
    """On the editors' dashboard: the words a zero-result query really means."""

    query = forms.CharField(widget=forms.HiddenInput, max_length=MAX_QUERY_LENGTH)
    # The language the query was typed in: its synonyms go to that language's index.
    language_code = forms.ChoiceField(
        choices=settings.LANGUAGES, required=False, widget=forms.HiddenInput
    )
    terms = forms.CharField(
        label=_("Elle veut dire"),
        help_text=_("Termes présents sur le site, séparés par des virgules."),
        max_length=300,
    )


class PromotionFromQueryForm(forms.Form):
    """On the editors' dashboard: the page to show first for a query."""

    query = forms.CharField(widget=forms.HiddenInput, max_length=MAX_QUERY_LENGTH)
    page = forms.ModelChoiceField(
        label=_("Page à mettre en avant"),
        queryset=Page.objects.filter(depth__gt=1),
        widget=AdminPageChooser(),
    )
