from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import FilterSelect


class DirectoryFilterForm(forms.Form):
    """Filters a directory listing by category and neighbourhood present in it."""

    categorie = forms.ChoiceField(label=_("Catégorie"), required=False, widget=FilterSelect)
    quartier = forms.ChoiceField(label=_("Quartier"), required=False, widget=FilterSelect)

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        categories = sorted(set(entries.values_list("category", flat=True)))
        neighbourhoods = sorted(
            set(
                entries.exclude(neighbourhood=None).values_list(
                    "neighbourhood__slug", "neighbourhood__name"
                )
            ),
            key=lambda item: item[1],
        )
        self.fields["categorie"].choices = [("", _("Toutes"))] + [(c, c) for c in categories]
        self.fields["quartier"].choices = [("", _("Tous"))] + neighbourhoods

    def filter(self, entries):
        if category := self.cleaned_data.get("categorie"):
            entries = entries.filter(category=category)
        if neighbourhood := self.cleaned_data.get("quartier"):
            entries = entries.filter(neighbourhood__slug=neighbourhood)
        return entries
