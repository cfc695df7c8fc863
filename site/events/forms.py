"""Agenda filter form and the public event proposal form for associations."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.antispam import HoneypotFormMixin
from core.cached import AGENDA_FILTER_CHOICES, remembered
from core.models import Theme
from core.taxonomy import get_profile_model
from core.widgets import FilterSelect


def filter_choices(locale_id: int) -> dict[str, list[tuple[str, str]]]:
    """The themes and profiles of a language, as (slug, name) pairs in their own order."""
    return remembered(AGENDA_FILTER_CHOICES, _read_filter_choices).get(
        locale_id, {"themes": [], "profiles": []}
    )


def _read_filter_choices() -> dict[int, dict[str, list[tuple[str, str]]]]:
    """Every language's choices at once: both tables hold a few dozen rows."""
    choices: dict[int, dict[str, list[tuple[str, str]]]] = {}
    for name, model in (("themes", Theme), ("profiles", get_profile_model())):
        for locale_id, slug, label in model.objects.values_list("locale_id", "slug", "name"):
            choices.setdefault(locale_id, {"themes": [], "profiles": []})[name].append(
                (slug, label)
            )
    return choices


# The agenda's calendar: dates at the ends of Python's range (0001-01-01, 9999-12-31) cannot
# become the start or end of a day in the town's time zone.
FIRST_AGENDA_DAY = date(1900, 1, 1)
LAST_AGENDA_DAY = date(2199, 12, 31)


class AgendaDateField(forms.DateField):
    """A day of the agenda's calendar: outside it, the resident is told the range."""

    def __init__(self, **kwargs):
        message = _("Choisissez une date entre 1900 et 2199.")
        super().__init__(
            required=False,
            validators=[
                MinValueValidator(FIRST_AGENDA_DAY, message),
                MaxValueValidator(LAST_AGENDA_DAY, message),
            ],
            widget=forms.DateInput(
                attrs={
                    "type": "date",
                    "min": FIRST_AGENDA_DAY.isoformat(),
                    "max": LAST_AGENDA_DAY.isoformat(),
                }
            ),
            **kwargs,
        )


class EventFilterForm(forms.Form):
    """The agenda's filters: a period (two dates), a theme and an audience."""

    PERIOD = ("du", "au")

    du = AgendaDateField(label=_("Du"))
    au = AgendaDateField(label=_("Au"))
    theme = forms.ChoiceField(label=_("Thème"), required=False, widget=FilterSelect)
    profil = forms.ChoiceField(label=_("Public"), required=False, widget=FilterSelect)

    def __init__(self, *args, locale_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        choices = filter_choices(locale_id)
        self.fields["theme"].choices = [("", _("Tous les thèmes")), *choices["themes"]]
        self.fields["profil"].choices = [("", _("Tous les publics")), *choices["profiles"]]

    def period_fields(self) -> list[forms.BoundField]:
        """The two bounds of the period, which the page groups under one legend: "Du" and
        "Au" alone do not say what they bound (RGAA 11.5)."""
        return [self[name] for name in self.PERIOD]

    def criteria_fields(self) -> list[forms.BoundField]:
        """The filters that stand on their own (theme, audience)."""
        return [field for field in self if field.name not in self.PERIOD]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("du"), cleaned.get("au")
        if start and end and end < start:
            self.add_error("au", _("La date de fin doit suivre la date de début."))
        return cleaned

    def filter(self, events):
        data = self.cleaned_data
        if data.get("du"):
            events = events.filter(start__gte=_day_start(data["du"]))
        if data.get("au"):
            events = events.filter(start__lt=_day_start(data["au"] + timedelta(days=1)))
        if data.get("theme"):
            events = events.filter(themes__slug=data["theme"])
        if data.get("profil"):
            events = events.filter(profiles__slug=data["profil"])
        return events.distinct()


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class EventProposalForm(HoneypotFormMixin, forms.Form):
    title = forms.CharField(label=_("Titre de l'événement"), max_length=200)
    date = forms.DateField(
        label=_("Date"),
        help_text=_("Format : jj/mm/aaaa"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    start_time = forms.TimeField(
        label=_("Heure de début"),
        required=False,
        help_text=_("Format : hh:mm"),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    end_time = forms.TimeField(
        label=_("Heure de fin"),
        required=False,
        help_text=_("Format : hh:mm"),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    location = forms.CharField(label=_("Lieu"), max_length=250)
    description = forms.CharField(
        label=_("Description"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6})
    )
    audience = forms.CharField(label=_("Public concerné"), max_length=120, required=False)
    price = forms.CharField(label=_("Tarif"), max_length=120, required=False)
    registration_url = forms.URLField(
        label=_("Lien d'inscription"), required=False, assume_scheme="https"
    )
    organisation = forms.CharField(
        label=_("Nom de l'association"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    contact_name = forms.CharField(
        label=_("Votre nom"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    contact_email = forms.EmailField(
        label=_("Votre courriel"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    contact_phone = forms.CharField(
        label=_("Votre téléphone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

    def clean_date(self):
        day = self.cleaned_data["date"]
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("La date de l'événement est déjà passée."))
        if day > today + timedelta(days=730):
            raise forms.ValidationError(_("Proposez des événements des deux prochaines années."))
        return day

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if end and not start:
            self.add_error("start_time", _("Indiquez l'heure de début."))
        elif start and end and end <= start:
            self.add_error("end_time", _("L'heure de fin doit suivre l'heure de début."))
        return cleaned

    def event_start(self) -> datetime:
        return timezone.make_aware(
            datetime.combine(self.cleaned_data["date"], self.cleaned_data["start_time"] or time.min)
        )

    def event_end(self) -> datetime | None:
        if not self.cleaned_data["end_time"]:
            return None
        return timezone.make_aware(
            datetime.combine(self.cleaned_data["date"], self.cleaned_data["end_time"])
        )
