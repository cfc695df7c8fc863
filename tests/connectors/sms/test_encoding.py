"""What an SMS costs: the encoding a text forces, its length in units and its segments."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from connectors.sms.encoding import GSM_7, GSM_BASIC, GSM_EXTENSION, UCS_2, analyse

NOT_GSM = st.characters(exclude_characters=GSM_BASIC + GSM_EXTENSION)


def test_a_plain_french_message_is_gsm_7_and_fits_one_sms():
    text = "Bonjour, la mairie sera fermée lundi ; réouverture mardi à 9h !"
    stats = analyse(text)
    assert (stats.encoding, stats.units, stats.characters) == (GSM_7, len(text), len(text))
    assert (stats.segments, stats.per_segment) == (1, 160)


def test_extension_characters_count_two_septets():
    stats = analyse("Repas : 5€ [cantine] {menu} ~ | ^ \\")
    assert stats.encoding == GSM_7
    assert stats.units == stats.characters + 9


@pytest.mark.parametrize("char", ["é", "è", "à", "ù", "Ç", "$", "¤", "É", "Ñ", "ü", "ß", "\n"])
def test_letters_of_the_gsm_table_stay_gsm_7(char):
    assert analyse(f"Le marché {char} demain").encoding == GSM_7


@pytest.mark.parametrize("char", ["ê", "â", "ç", "œ", "«", "»", "—", "`", "’", "ô", "î"])
def test_a_character_outside_the_tables_sends_the_whole_text_in_ucs_2(char):
    stats = analyse(f"Fête du village {char} samedi")
    assert stats.encoding == UCS_2
    assert (stats.units, stats.per_segment) == (stats.characters, 70)


def test_an_emoji_forces_ucs_2_and_counts_two_units():
    stats = analyse("Fête 🎉")
    assert (stats.encoding, stats.characters, stats.units) == (UCS_2, 6, 7)


def test_characters_count_what_a_reader_sees():
    assert analyse("👍🏽").characters == 1  # skin tone
    assert analyse("🇫🇷🇧🇪").characters == 2  # two flags
    assert analyse("👨‍👩‍👧").characters == 1  # a family joined by zero-width joiners
    assert analyse("e\u0301").characters == 1  # e and a combining acute accent


def test_an_empty_text_costs_nothing():
    assert analyse("").segments == 0


@pytest.mark.parametrize(
    ("length", "segments", "per_segment"),
    [(1, 1, 160), (160, 1, 160), (161, 2, 153), (306, 2, 153), (307, 3, 153), (459, 3, 153)],
)
def test_gsm_7_segment_boundaries(length, segments, per_segment):
    stats = analyse("a" * length)
    assert (stats.segments, stats.per_segment) == (segments, per_segment)


@pytest.mark.parametrize(
    ("length", "segments", "per_segment"),
    [(70, 1, 70), (71, 2, 67), (134, 2, 67), (135, 3, 67)],
)
def test_ucs_2_segment_boundaries(length, segments, per_segment):
    stats = analyse("ê" * length)
    assert (stats.segments, stats.per_segment) == (segments, per_segment)


def test_extension_characters_fill_a_single_sms_by_septets():
    assert analyse("€" * 80).segments == 1
    assert analyse("€" * 81).segments == 2


def test_an_escape_pair_is_not_split_across_two_parts():
    """152 septets, then € (ESC + e) which does not fit in the 153rd: it opens part two,
    which then overflows by one septet. 306 septets, yet three SMS."""
    text = "a" * 152 + "€" + "a" * 152
    stats = analyse(text)
    assert stats.units == 306
    assert stats.segments == 3


def test_a_surrogate_pair_is_not_split_across_two_parts():
    text = "ê" * 66 + "😀" + "ê" * 66
    stats = analyse(text)
    assert stats.units == 134
    assert stats.segments == 3


def test_the_tables_are_plain_strings_for_the_admin_counter():
    assert len(GSM_BASIC) == 127  # 128 positions, ESC left out
    assert "\x1b" not in GSM_BASIC
    assert set(GSM_EXTENSION) == set("\f^{}\\[~]|€")


@given(st.text(), st.characters())
def test_one_more_character_never_costs_fewer_sms(text, char):
    assert analyse(text + char).segments >= analyse(text).segments


@given(st.text(alphabet=GSM_BASIC, min_size=161, max_size=1200))
def test_a_long_gsm_text_takes_one_sms_per_153_septets(text):
    stats = analyse(text)
    assert stats.units == len(text)
    assert stats.segments == math.ceil(len(text) / 153)


@given(st.text(alphabet=GSM_BASIC + GSM_EXTENSION), NOT_GSM, st.data())
def test_any_character_outside_the_tables_means_ucs_2(text, char, data):
    position = data.draw(st.integers(0, len(text)))
    assert analyse(text[:position] + char + text[position:]).encoding == UCS_2


@given(st.text())
def test_analyse_reads_any_text(text):
    stats = analyse(text)
    assert stats.segments >= (1 if text else 0)
    if stats.encoding == UCS_2:
        assert stats.units == len(text.encode("utf-16-le")) // 2
