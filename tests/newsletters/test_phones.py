"""Mobile numbers as people type them: every French way of writing one, the overseas
departments and collectivities with their own country codes, foreign mobiles in
international format; and a clear French refusal for a landline, a mistyped number or
letters."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from newsletters.phones import display_mobile, parse_mobile

ACCEPTED = [
    # Metropolitan France, however it is written.
    ("06 12 34 56 78", "+33612345678"),
    ("06.12.34.56.78", "+33612345678"),
    ("06-12-34-56-78", "+33612345678"),
    ("0612345678", "+33612345678"),
    ("  06 12 34 56 78  ", "+33612345678"),
    ("+33 6 12 34 56 78", "+33612345678"),
    ("+33 (0)6 12 34 56 78", "+33612345678"),
    ("0033612345678", "+33612345678"),
    ("07 81 23 45 67", "+33781234567"),
    # Guadeloupe, Saint-Martin and Saint-Barthélemy.
    ("0690 12 34 56", "+590690123456"),
    ("0691 28 12 34", "+590691281234"),
    ("+590 690 00 12 34", "+590690001234"),
    # Martinique.
    ("0696 20 12 34", "+596696201234"),
    ("0697 12 34 56", "+596697123456"),
    ("+596 696 20 12 34", "+596696201234"),
    # Guyane.
    ("0694 20 12 34", "+594694201234"),
    ("+594 694 20 12 34", "+594694201234"),
    # La Réunion and Mayotte.
    ("0692 12 34 56", "+262692123456"),
    ("0693 12 34 56", "+262693123456"),
    ("0639 01 23 45", "+262639012345"),
    ("+262 692 12 34 56", "+262692123456"),
    # Saint-Pierre-et-Miquelon.
    ("055 12 34", "+508551234"),
    ("+508 55 12 34", "+508551234"),
    # Abroad, in international format; and as Brevo's exports write it, without the +.
    ("+32 470 12 34 56", "+32470123456"),
    ("+44 7400 123456", "+447400123456"),
    ("+49 1512 3456789", "+4915123456789"),
    ("33612345678", "+33612345678"),
]

LANDLINE = "Ce numéro est un fixe : les SMS ne partent que vers un mobile."
NOT_MOBILE = "Ce numéro n'est pas un mobile : les SMS ne partent que vers un mobile."
INVALID = (
    "Ce numéro de mobile n'est pas valide : vérifiez-le (par exemple 06 12 34 56 78, ou "
    "+32 470 12 34 56 pour un numéro étranger)."
)
LETTERS = (
    "Un numéro de mobile ne s'écrit qu'avec des chiffres (espaces, points et tirets "
    "acceptés), avec éventuellement + au début."
)

REFUSED = [
    ("01 23 45 67 89", LANDLINE),  # Paris
    ("+33 1 23 45 67 89", LANDLINE),
    ("0590 27 12 34", LANDLINE),  # Guadeloupe
    ("+44 121 234 5678", LANDLINE),  # Birmingham
    ("0470 12 34 56", LANDLINE),  # a Belgian mobile written nationally reads as French
    ("09 72 12 34 56", NOT_MOBILE),  # internet box
    ("08 00 12 34 56", NOT_MOBILE),  # free number
    ("06 12 34 56 7", INVALID),  # a digit short
    ("06 12 34 56 78 90", INVALID),
    ("+33 6 90 12 34 56", INVALID),  # a Guadeloupe mobile given France's code
    ("1" * 40, INVALID),
    ("06 12 AB 56 78", LETTERS),
    ("martine@example.org", LETTERS),
    ("06 12 34 56 78 poste 2", LETTERS),
    ("", "Indiquez un numéro de mobile."),
    ("   ", "Indiquez un numéro de mobile."),
]


@pytest.mark.parametrize(("typed", "stored"), ACCEPTED)
def test_a_mobile_is_stored_in_e164(typed, stored):
    assert parse_mobile(typed) == stored


@pytest.mark.parametrize(("typed", "message"), REFUSED)
def test_anything_else_is_refused_with_what_to_fix(typed, message):
    with pytest.raises(ValidationError) as refused:
        parse_mobile(typed)
    assert refused.value.messages == [message]


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+33612345678", "06 12 34 56 78"),
        ("+590690123456", "0690 12 34 56"),
        ("+596696201234", "0696 20 12 34"),
        ("+594694201234", "0694 20 12 34"),
        ("+262692123456", "0692 12 34 56"),
        ("+262639012345", "0639 01 23 45"),
        ("+508551234", "055 12 34"),
        ("+32470123456", "+32 470 12 34 56"),
        ("", ""),
    ],
)
def test_a_stored_number_is_shown_as_its_owner_writes_it_and_reads_back_the_same(stored, shown):
    assert display_mobile(stored) == shown
    if stored:
        assert parse_mobile(shown) == stored
