"""How many SMS a text costs: GSM 03.38 (3GPP TS 23.038) or UCS-2, and its segments.

A text whose every character is in the GSM 7-bit basic table or its extension table is sent
in GSM-7: 160 septets in one SMS, 153 per part once split (the rest carries the header that
joins the parts). An extension character costs two septets (ESC and the character), and a
real encoder never splits that pair across two parts: it moves it to the next one. Any other
character (ê, â, ç, œ, « », —, an emoji) sends the whole text in UCS-2: 70 UTF-16 units in
one SMS, 67 per part, a character outside the BMP (most emoji) costing two units that are
not split either.

The two tables are plain strings so that a template can embed them for the admin's counter.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# The GSM 7-bit default alphabet in table order, 0x00 to 0x7F, without ESC (0x1B). "$" is
# at 0x02 and "¤" at 0x24, as in the standard; "`" is not in it.
GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNO"
    "PQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmno"
    "pqrstuvwxyzäöñüà"
)
# The extension table, reached through ESC: form feed (page break) ^ { } \ [ ~ ] | €.
GSM_EXTENSION = "\f^{}\\[~]|€"

GSM_7 = "GSM-7"
UCS_2 = "UCS-2"
# (one SMS, one part of a longer text), in septets for GSM-7 and UTF-16 units for UCS-2.
CAPACITY = {GSM_7: (160, 153), UCS_2: (70, 67)}

ZERO_WIDTH_JOINER = "\u200d"
SKIN_TONES = range(0x1F3FB, 0x1F400)
REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)

_BASIC = frozenset(GSM_BASIC)
_EXTENSION = frozenset(GSM_EXTENSION)


@dataclass(frozen=True)
class TextStats:
    """What a text costs to send by SMS."""

    encoding: str  # "GSM-7" or "UCS-2"
    characters: int  # characters as a reader counts them (an emoji with its modifiers is one)
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int  # SMS billed; 0 for an empty text
    per_segment: int  # units per SMS at this length: 160 or 153, 70 or 67


def analyse(text: str) -> TextStats:
    """The encoding, length and number of SMS of a text."""
    encoding = GSM_7 if is_gsm(text) else UCS_2
    costs = [gsm_cost(char) if encoding == GSM_7 else utf16_cost(char) for char in text]
    single, per_part = CAPACITY[encoding]
    units = sum(costs)
    per_segment = single if units <= single else per_part
    return TextStats(
        encoding=encoding,
        characters=visible_characters(text),
        units=units,
        segments=segments(costs, single, per_part),
        per_segment=per_segment,
    )


def is_gsm(text: str) -> bool:
    """Whether every character is in the GSM 7-bit basic or extension table."""
    return all(char in _BASIC or char in _EXTENSION for char in text)


def gsm_cost(char: str) -> int:
    """Septets of one character: 2 for the extension table (ESC + character), else 1."""
    return 2 if char in _EXTENSION else 1


def utf16_cost(char: str) -> int:
    """UTF-16 code units of one character: 2 outside the BMP (a surrogate pair), else 1."""
    return 2 if ord(char) > 0xFFFF else 1


def segments(costs: list[int], single: int, per_part: int) -> int:
    """How many SMS carry characters of these costs: one if they fit in `single` units,
    else parts of `per_part` units filled in order, a character that does not fit whole
    (an escape pair, a surrogate pair) starting the next part."""
    total = sum(costs)
    if total <= single:
        return 1 if total else 0
    parts, used = 1, 0
    for cost in costs:
        if used + cost > per_part:
            parts, used = parts + 1, 0
        used += cost
    return parts


def visible_characters(text: str) -> int:
    """Characters as a reader sees them: combining accents, variation selectors, skin tones,
    characters joined by a zero-width joiner and the second flag letter extend the previous
    character. An approximation of Unicode's grapheme clusters, enough for SMS texts."""
    count, joined, pending_flag = 0, False, False
    for char in text:
        code = ord(char)
        if char == ZERO_WIDTH_JOINER:
            joined = True
            continue
        extends = (
            joined
            or unicodedata.combining(char)
            or unicodedata.category(char) == "Me"
            or 0xFE00 <= code <= 0xFE0F
            or code in SKIN_TONES
            or (code in REGIONAL_INDICATORS and pending_flag)
        )
        pending_flag = code in REGIONAL_INDICATORS and not pending_flag
        joined = False
        if not extends:
            count += 1
    return count
