"""The admin form of the town's SMS settings (SmsSettings.base_form_class): the sending days
as checkboxes, and the checks that keep every campaign sendable (a window that opens, a
message size the gateways accept, an opt-out mention, a sender name the operators show)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from places.models import WEEKDAYS

from .models.compose import sender_name

# OVHcloud, the strictest of the gateways, refuses a message of more than 6 segments.
MAX_SEGMENTS = 6


class SmsSettingsForm(WagtailAdminModelForm):
    """The SMS settings as the webmaster edits them."""

    weekdays = forms.TypedMultipleChoiceField(
        label=_("Jours d'envoi"),
        choices=WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Les campagnes qui ne sont pas des alertes urgentes partent ces jours-là."),
        error_messages={"required": _("Cochez au moins un jour d'envoi.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_sender"].validators.append(sender_name)
        self.fields["stop_mention"].error_messages["required"] = _(
            "Indiquez la mention de désinscription : elle termine chaque SMS qui n'est pas "
            "une alerte urgente."
        )
        self.fields["max_segments"].widget.attrs.update(min=1, max=MAX_SEGMENTS)

    def clean_weekdays(self) -> list[int]:
        return sorted(set(self.cleaned_data["weekdays"]))

    def clean_max_segments(self) -> int | None:
        segments = self.cleaned_data["max_segments"]
        if segments is not None and not 1 <= segments <= MAX_SEGMENTS:
            raise forms.ValidationError(
                _("Choisissez entre 1 et 6 segments : OVHcloud accepte au plus 6 segments.")
            )
        return segments

    def clean_stop_mention(self) -> str:
        mention = self.cleaned_data["stop_mention"]
        if "STOP" not in mention.upper():
            raise forms.ValidationError(
                _(
                    "La mention doit contenir le mot STOP, que les destinataires envoient "
                    "pour se désinscrire (par exemple « STOP au 36111 »)."
                )
            )
        return mention

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("window_start"), cleaned.get("window_end")
        if start is not None and end is not None and start >= end:
            self.add_error(
                "window_end",
                _("L'heure de fin doit venir après l'heure de début (par exemple 08:00 et 20:00)."),
            )
        return cleaned
