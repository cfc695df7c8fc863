"""The letters' public forms: signing up, and the preference centre's choices.

Each form shows a consent statement per channel; what is stored as the consent's wording is
that very statement followed by the themes ticked, built by the same code that displays it."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.antispam import HoneypotFormMixin
from core.models import Neighbourhood, Theme

from .phones import MobileNumberField
from .subscriptions import all_source_themes, localized_choices, offered_theme_choices


class ThemesField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(coerce=int, **kwargs)


THEMES_ERRORS = {
    "invalid_choice": _("Choisissez les thèmes dans la liste proposée."),
    "invalid_list": _("Choisissez les thèmes dans la liste proposée."),
}


def ticked_wording(statement: str, field: forms.ChoiceField, ticked: Iterable[int]) -> str:
    """A consent's wording: the statement shown, then the names of the themes ticked in
    `field`, as the form listed them."""
    ticked = set(ticked)
    chosen = ", ".join(str(label) for pk, label in field.choices if pk in ticked)
    return f"{statement}\n{gettext('Thèmes cochés')} : {chosen}"


class ConsentWordingMixin:
    """A form whose statement, shown with its themes, becomes the consent's wording."""

    statement = ""

    def wording(self) -> str:
        """The wording of the consents given through the `themes` field."""
        return ticked_wording(self.statement, self.fields["themes"], self.cleaned_data["themes"])


class SignupForm(ConsentWordingMixin, HoneypotFormMixin, forms.Form):
    """Sign-up from the site: an address and at least one of the themes offered."""

    email = forms.EmailField(
        label=_("Votre adresse électronique"),
        max_length=254,
        help_text=_("Par exemple : prenom.nom@exemple.fr"),
        error_messages={
            "required": _("Indiquez votre adresse électronique."),
            "invalid": _(
                "Cette adresse électronique n'est pas valide : elle doit avoir la forme "
                "prenom.nom@exemple.fr."
            ),
            "max_length": _("Cette adresse électronique est trop longue."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    themes = ThemesField(
        label=_("Les thèmes qui vous intéressent"),
        error_messages={"required": _("Choisissez au moins un thème."), **THEMES_ERRORS},
    )
    phone = MobileNumberField(
        label=_("Votre numéro de mobile, pour recevoir aussi ces thèmes par SMS (facultatif)"),
        required=False,
        help_text=_("Par exemple : 06 12 34 56 78"),
    )

    def __init__(
        self,
        *args,
        language: str,
        town_name: str,
        offered: Iterable[Theme] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        offered_ids = None if offered is None else [theme.pk for theme in offered]
        self.fields["themes"].choices = offered_theme_choices(offered_ids, language)
        self.statement = gettext(
            "En m'inscrivant, j'accepte de recevoir par courriel les lettres d'information de "
            "la mairie de %(town)s sur les thèmes cochés. Mon adresse ne sert qu'à ces envois ; "
            "je peux me désinscrire à tout moment par le lien présent dans chaque lettre."
        ) % {"town": town_name}
        self.sms_statement = gettext(
            "Si j'indique mon numéro de mobile, j'accepte aussi de recevoir de la mairie de "
            "%(town)s des SMS sur ces thèmes. Je peux me désinscrire à tout moment en "
            "répondant STOP."
        ) % {"town": town_name}

    def sms_wording(self) -> str:
        """The wording of the SMS consents, when a number was given."""
        if not self.cleaned_data.get("phone"):
            return ""
        return ticked_wording(
            self.sms_statement, self.fields["themes"], self.cleaned_data["themes"]
        )


class PreferencesForm(ConsentWordingMixin, forms.Form):
    """The preference centre: the themes followed by e-mail, the mobile number and the themes
    received by SMS, the language of the letters and the neighbourhood (for the letters about
    one part of town)."""

    themes = ThemesField(
        label=_("Les thèmes que vous suivez par courriel"),
        required=False,
        help_text=_("Ne cochez rien pour ne plus recevoir aucune lettre."),
        error_messages=THEMES_ERRORS,
    )
    phone = MobileNumberField(
        label=_("Votre numéro de mobile"),
        required=False,
        help_text=_("Par exemple : 06 12 34 56 78"),
    )
    sms_themes = ThemesField(
        label=_("Les thèmes que vous suivez par SMS"),
        required=False,
        help_text=_("Ne cochez rien pour ne plus recevoir aucun SMS."),
        error_messages=THEMES_ERRORS,
    )
    language = forms.ChoiceField(
        label=_("Langue des lettres"),
        choices=settings.LANGUAGES,
        error_messages={"invalid_choice": _("Choisissez une langue dans la liste.")},
    )
    neighbourhood = forms.TypedChoiceField(
        label=_("Votre quartier"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Pour recevoir aussi les informations de votre quartier."),
        error_messages={"invalid_choice": _("Choisissez un quartier dans la liste.")},
    )

    def __init__(self, *args, language: str, town_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        themes = localized_choices(all_source_themes(), language)
        self.fields["themes"].choices = themes
        self.fields["sms_themes"].choices = themes
        neighbourhoods = Neighbourhood.objects.filter(locale=Locale.get_default())
        self.fields["neighbourhood"].choices = [
            ("", gettext("Je ne souhaite pas le préciser")),
            *localized_choices(neighbourhoods, language),
        ]
        self.statement = gettext(
            "En cochant un thème, j'accepte de recevoir par courriel les lettres d'information "
            "de la mairie de %(town)s sur ce thème. Je peux me désinscrire à tout moment."
        ) % {"town": town_name}
        self.sms_statement = gettext(
            "En cochant un thème à recevoir par SMS, j'accepte de recevoir de la mairie de "
            "%(town)s des SMS sur ce thème au numéro de mobile indiqué. Je peux me désinscrire "
            "à tout moment, sur cette page ou en répondant STOP."
        ) % {"town": town_name}

    def clean(self) -> dict:
        cleaned = super().clean()
        wants_sms = bool(cleaned.get("sms_themes"))
        if wants_sms and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error(
                "phone",
                gettext("Indiquez votre numéro de mobile pour recevoir les SMS des thèmes cochés."),
            )
        return cleaned

    def sms_wording(self) -> str:
        """The wording of the SMS consents: the SMS statement and the SMS themes ticked."""
        return ticked_wording(
            self.sms_statement, self.fields["sms_themes"], self.cleaned_data["sms_themes"]
        )
