"""Compose, for SMS, in the admin: what a message costs as the editor writes it.

The figures are computed here for the server's pages (the form after "Prévisualiser", the
send confirmation, the status view) and, as the editor types, by the admin's script
(static newsletters/admin/sms-counter.js). The script receives from `script_tables()`
everything it counts with, built from connectors.sms.encoding's own constants and
functions, so that the two never disagree."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.formats import get_format, number_format

from connectors.sms import encoding
from connectors.sms.encoding import TextStats, analyse

from . import stats
from .models import SmsSettings
from .sms_text import check_length, outgoing_text

# Categories of the characters that may extend the one before them (accents, variation
# selectors, emoji modifiers, joiners): the only ones worth asking visible_characters about.
EXTENDING_CATEGORIES = frozenset({"Mn", "Mc", "Me", "Sk", "Cf"})
UNICODE_END = 0x110000


def grouped(number: int) -> str:
    """An integer as the admin shows it: 1 234."""
    return number_format(number, force_grouping=True)


def euros(amount: Decimal, decimals: int = 2) -> str:
    """An amount as the admin shows it: 1 234,56 €."""
    return f"{number_format(amount, decimal_pos=decimals, force_grouping=True)}\xa0€"


def unit_price(price: Decimal) -> str:
    """A price per segment with the decimals it has, two at least: 0,045 €."""
    return euros(price, max(2, -price.normalize().as_tuple().exponent))


@dataclass(frozen=True)
class Figures:
    """A message's counter: its text as recipients get it and that text's figures; for a
    segment, how many people it reaches, the segments billed and their cost."""

    outgoing: str
    stats: TextStats
    recipients: int | None  # None while no segment is chosen
    max_segments: int
    too_long: str  # why the message is refused, or ""

    @property
    def is_gsm(self) -> bool:
        return self.stats.encoding == encoding.GSM_7

    @property
    def total_segments(self) -> int | None:
        if self.recipients is None:
            return None
        return self.recipients * self.stats.segments

    @property
    def cost(self) -> Decimal | None:
        total = self.total_segments
        return None if total is None else stats.sms_cost(total)

    @property
    def unit_price(self) -> str:
        return unit_price(stats.price_per_segment())

    def shown(self) -> dict[str, str]:
        """Each figure as the counter shows it (the script writes the same strings)."""
        total, cost = self.total_segments, self.cost
        return {
            "encoding": self.stats.encoding,
            "characters": grouped(self.stats.characters),
            "units": grouped(self.stats.units),
            "segments": grouped(self.stats.segments),
            "per_segment": grouped(self.stats.per_segment),
            "recipients": "—" if self.recipients is None else grouped(self.recipients),
            "total": "—" if total is None else grouped(total),
            "cost": "—" if cost is None else euros(cost),
        }


def figures_for(text: str, *, urgent: bool, recipients: int | None, town: SmsSettings) -> Figures:
    """The counter of a message being written (or saved), as it would leave today."""
    outgoing = outgoing_text(text, urgent=urgent, stop_mention=town.stop_mention)
    result = analyse(outgoing)
    try:
        check_length(result, town.max_segments)
    except ValidationError as error:
        too_long = error.messages[0]
    else:
        too_long = ""
    return Figures(outgoing, result, recipients, town.max_segments, too_long)


@lru_cache(maxsize=1)
def extender_ranges() -> tuple[tuple[int, int], ...]:
    """The code points that encoding.visible_characters counts as part of the character
    before them (accents, variation selectors, skin tones…), found by asking it, as
    inclusive ranges. The joiner and flag letters depend on what surrounds them: the script
    gets them apart. Computed once per process (a quarter of a second)."""
    joiner = encoding.ZERO_WIDTH_JOINER
    ranges: list[list[int]] = []
    for code in range(UNICODE_END):
        char = chr(code)
        if unicodedata.category(char) not in EXTENDING_CATEGORIES or char == joiner:
            continue
        if encoding.visible_characters("a" + char) != 1:
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return tuple((first, last) for first, last in ranges)


@lru_cache(maxsize=1)
def python_spaces() -> str:
    """The characters Python's str.strip() removes, which outgoing_text() strips."""
    return "".join(chr(code) for code in range(UNICODE_END) if chr(code).isspace())


def script_tables(town: SmsSettings) -> str:
    """What the counter script computes with, as JSON for a data attribute: the GSM
    tables, the capacities, what makes characters, the town's mention and limit, the price
    per segment (in millionths of a euro, for exact sums) and the number format."""
    flags = encoding.REGIONAL_INDICATORS
    return json.dumps(
        {
            "basic": encoding.GSM_BASIC,
            "extension": encoding.GSM_EXTENSION,
            "gsm": encoding.GSM_7,
            "ucs": encoding.UCS_2,
            "capacity": encoding.CAPACITY,
            "extenders": extender_ranges(),
            "joiner": ord(encoding.ZERO_WIDTH_JOINER),
            "flags": [flags.start, flags.stop - 1],
            "spaces": python_spaces(),
            "mention": town.stop_mention,
            "maxSegments": town.max_segments,
            "priceMicro": int(stats.price_per_segment() * 1_000_000),
            "thousands": get_format("THOUSAND_SEPARATOR"),
            "decimal": get_format("DECIMAL_SEPARATOR"),
        },
        ensure_ascii=True,
    )
