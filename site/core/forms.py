"""Admin forms shared by every page type and by the snippets that tag with the taxonomy.

Themes, profiles and neighbourhoods are translatable: each locale has its own rows. An editor
of a French page must see the French rows only, not "Senioren / Seniors / Seniors"; a new
page takes its locale from its parent, and a new page created by a member of a municipal
service comes with that service's themes already ticked (core.models.EditorialService).
"""

from __future__ import annotations

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Locale, Page, TranslatableMixin


def is_taxonomy_field(field: forms.Field) -> bool:
    """A choice field over a translatable model that is not a page (a theme, a profile…)."""
    queryset = getattr(field, "queryset", None)
    if queryset is None:
        return False
    model = queryset.model
    return issubclass(model, TranslatableMixin) and not issubclass(model, Page)


class LocalizedTaxonomyMixin:
    """Limits the choices of every taxonomy field to the rows of `taxonomy_locale()`, keeping
    the rows the object is already tagged with, so that saving never drops a tag."""

    def taxonomy_locale(self) -> Locale | None:
        raise NotImplementedError

    def limit_taxonomy_to_locale(self) -> None:
        locale = self.taxonomy_locale()
        if locale is None:
            return
        for name, field in self.fields.items():
            if not is_taxonomy_field(field):
                continue
            keep = Q(locale=locale)
            current = self.initial.get(name)
            if current:
                if isinstance(current, str | int) or hasattr(current, "pk"):
                    current = [current]
                keep |= Q(pk__in=[getattr(item, "pk", item) for item in current])
            field.queryset = field.queryset.filter(keep)


class LocalizedPageForm(LocalizedTaxonomyMixin, WagtailAdminPageForm):
    """The base form of every public page (BasePage.base_form_class)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and not self.is_bound:
            self.preselect_service_themes()
        self.limit_taxonomy_to_locale()

    def taxonomy_locale(self) -> Locale | None:
        if self.instance.locale_id:
            return self.instance.locale
        return self.parent_page.locale if self.parent_page else None

    def preselect_service_themes(self) -> None:
        """Ticks the themes of the author's municipal services on a new page."""
        from .models import EditorialService

        locale = self.taxonomy_locale()
        if "themes" not in self.fields or self.for_user is None or locale is None:
            return
        themes = EditorialService.themes_for_user(self.for_user, locale)
        if themes:
            self.initial["themes"] = list(themes)


class LocalizedSnippetForm(LocalizedTaxonomyMixin, WagtailAdminModelForm):
    """Base form for translatable snippets that tag with themes, profiles or neighbourhoods:
    set it as the snippet's `base_form_class`. Untranslatable snippets see the default
    locale's rows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_taxonomy_to_locale()

    def taxonomy_locale(self) -> Locale | None:
        if getattr(self.instance, "locale_id", None):
            return self.instance.locale
        return Locale.get_default()
