"""Mobile numbers as residents and agents type them, turned into the one form contacts
store and gateways expect: E.164 (+33612345678).

A number written the French way, from its leading 0, is read as a number of metropolitan
France first, then of the overseas departments and collectivities, which share the French
way of writing numbers but have country codes of their own ("0690 12 34 56" is a mobile of
Guadeloupe, +590690123456). A number in international format may be from any country. Only
mobiles are kept: an SMS sent to a landline is lost.
"""

from __future__ import annotations

import re

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, PhoneNumberType

# Where a number written from its leading 0 may belong, in this order: metropolitan France,
# Guadeloupe, Martinique, Guyane, La Réunion, Mayotte, Saint-Pierre-et-Miquelon,
# Saint-Barthélemy and Saint-Martin. The first region where it is a valid mobile wins.
NATIONAL_REGIONS = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF")
# In North America a number does not tell whether it is a mobile: it is given the benefit.
MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
# Digits, the separators people type, a leading + and the "(0)" of "+33 (0)6…".
TYPED_NUMBER = re.compile(r"\+?[\d\s.\-/()]+")
# Longer than any number written with its separators: not worth parsing.
MAX_TYPED_LENGTH = 32

EMPTY = _("Indiquez un numéro de mobile.")
NOT_DIGITS = _(
    "Un numéro de mobile ne s'écrit qu'avec des chiffres (espaces, points et tirets "
    "acceptés), avec éventuellement + au début."
)
INVALID = _(
    "Ce numéro de mobile n'est pas valide : vérifiez-le (par exemple 06 12 34 56 78, ou "
    "+32 470 12 34 56 pour un numéro étranger)."
)
LANDLINE = _("Ce numéro est un fixe : les SMS ne partent que vers un mobile.")
NOT_MOBILE = _("Ce numéro n'est pas un mobile : les SMS ne partent que vers un mobile.")


def parse_mobile(raw: str) -> str:
    """The mobile number `raw` in E.164, as typed in France ("06 12 34 56 78",
    "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678"), overseas ("0690 12 34 56",
    "+590 690 12 34 56") or abroad in international format ("+32 470 12 34 56", or
    "32470123456" as some exports write it).

    Raises ValidationError, with a French message saying what to fix, for an empty or
    invalid number, letters, a landline or any other number that is not a mobile."""
    text = raw.strip()
    if not text:
        raise ValidationError(EMPTY, code="required")
    if not TYPED_NUMBER.fullmatch(text):
        raise ValidationError(NOT_DIGITS, code="characters")
    if len(text) > MAX_TYPED_LENGTH:
        raise ValidationError(INVALID, code="invalid")
    readings = [
        number for number in possible_readings(text) if phonenumbers.is_valid_number(number)
    ]
    for number in readings:
        if phonenumbers.number_type(number) in MOBILE_TYPES:
            return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if any(phonenumbers.number_type(n) == PhoneNumberType.FIXED_LINE for n in readings):
        raise ValidationError(LANDLINE, code="landline")
    if readings:
        raise ValidationError(NOT_MOBILE, code="not_mobile")
    raise ValidationError(INVALID, code="invalid")


def possible_readings(text: str) -> list[PhoneNumber]:
    """The numbers `text` may stand for: itself when written with its country code, else
    one reading per region that writes numbers the French way, then (without a leading 0)
    the country code without its + that Brevo's exports write ("33612345678")."""
    if text.startswith("+"):
        attempts = [(text, None)]
    else:
        attempts = [(text, region) for region in NATIONAL_REGIONS]
        if not text.startswith("0"):
            attempts.append((f"+{text}", None))
    readings = []
    for written, region in attempts:
        try:
            readings.append(phonenumbers.parse(written, region))
        except NumberParseException:
            continue
    return readings


def display_mobile(number: str) -> str:
    """A stored number as its owner would write it: "06 12 34 56 78" or "0690 12 34 56" for
    France and its overseas regions (parse_mobile reads it back to the same number), the
    international format otherwise. Empty for an empty number."""
    if not number:
        return ""
    parsed = phonenumbers.parse(number, None)
    if phonenumbers.region_code_for_number(parsed) in NATIONAL_REGIONS:
        return phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL)


class TelInput(forms.TextInput):
    """A text box for a phone number: phones show their keypad, browsers offer to fill it."""

    input_type = "tel"

    def __init__(self, attrs: dict | None = None):
        super().__init__({"autocomplete": "tel", **(attrs or {})})


class MobileNumberField(forms.CharField):
    """A mobile number typed freely and cleaned into E.164 by parse_mobile; empty when the
    field is optional and left blank. A refused number stays in the box as typed."""

    widget = TelInput

    def clean(self, value: str | None) -> str:
        text = super().clean(value)
        return parse_mobile(text) if text else ""
