"""The alert's forms: launching one (what it says, where, on which channels) and ending it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale

from core.models import Neighbourhood

from .models import Broadcast


class LaunchForm(forms.ModelForm):
    neighbourhoods = forms.ModelMultipleChoiceField(
        label=_("Quartiers concernés (SMS)"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Aucun coché : toute la commune."),
    )

    class Meta:
        model = Broadcast
        fields = ["title", "message", "link_page", "send_sms", "post_social"]
        widgets = {"link_page": AdminPageChooser(), "message": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhoods"].queryset = Neighbourhood.objects.filter(
            locale=Locale.get_default()
        )


class EndForm(forms.Form):
    end_message = forms.CharField(
        label=_("Message de fin d'alerte"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Envoyé par SMS et publié sur les réseaux comme l'alerte. Laissez vide pour "
            "seulement retirer le bandeau."
        ),
    )
