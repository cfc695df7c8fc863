"""The SMS counter: the figures the server shows for known texts, and the admin's script,
run by Node.js on the tables the server gives it, writing exactly the same figures for
hundreds of texts (accents, the euro sign, emoji with their modifiers, flags, line breaks,
spaces that Python strips, messages on the edge of a segment)."""

from __future__ import annotations

import json
import random
import subprocess
from decimal import Decimal

import pytest
from django.conf import settings as django_settings

from newsletters.models import SmsSettings
from newsletters.sms_counter import figures_for, script_tables

SCRIPT = django_settings.PROJECT_DIR / "newsletters/static/newsletters/admin/sms-counter.js"
RUN_SCRIPT = """
const counter = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const tables = counter.tablesFrom(JSON.parse(input.tables));
const answers = input.cases.map((c) => counter.figures(c.text, c.urgent, c.recipients, tables));
process.stdout.write(JSON.stringify(answers));
"""
# Characters chosen for what they do to the count: GSM letters, the extension table (two
# septets each), French accents outside GSM (UCS-2), combining accents, emoji with skin
# tones and joiners (surrogate pairs, one visible character), flags, variation selectors,
# line breaks, and spaces Python strips that JavaScript's trim() does not (or the reverse).
ALPHABET = (
    ["a", "Z", "0", " ", ".", "é", "è", "à", "ù", "Ç", "\n", "\r\n", "@", "£", "Δ"]
    + ["€", "[", "]", "{", "}", "^", "~", "|", "\\", "\f"]
    + ["ê", "â", "ç", "œ", "«", "»", "—", "’", "e\u0301", "\u20dd"]
    + ["😀", "👍🏽", "👩\u200d👩\u200d👧", "🇫🇷", "🇫", "❤\ufe0f", "\u200d"]
    + ["\u00a0", "\u2028", "\x1c", "\ufeff", "\u3000"]
)
KNOWN_TEXTS = [
    "",
    "Bonjour",
    "École fermée demain : grève des agents.",
    "Coupure d'eau rue des Lilas demain de 9 h à 12 h.",
    "a" * 146,  # with the mention: 160, one SMS
    "a" * 147,  # 161: two parts of 153
    "a" * 152 + "€",  # the escape pair does not fit at the end of the first part
    "ê" * 56,  # UCS-2: with the mention, 70
    "ê" * 57,
    "😀" * 40,  # surrogate pairs are not split across parts
    "  Rappel : réunion publique ce soir.  \n",
]


@pytest.fixture
def town() -> SmsSettings:
    return SmsSettings(stop_mention="STOP au 36111", max_segments=3)


@pytest.fixture(autouse=True)
def price(settings):
    # A price with four decimals: the cost is rounded to the cent on both sides.
    settings.SMS_PRICE_PER_SEGMENT = {settings.SMS_BACKEND: Decimal("0.0456")}


def random_texts(count: int) -> list[str]:
    chooser = random.Random(20261203)
    return [
        "".join(chooser.choice(ALPHABET) for _ in range(chooser.choice([5, 60, 140, 160, 300])))
        for _ in range(count)
    ]


def cases() -> list[dict]:
    chooser = random.Random(4)
    return [
        {
            "text": text,
            "urgent": chooser.random() < 0.3,
            "recipients": chooser.choice([None, 0, 1, 7, 1234, 98765]),
        }
        for text in KNOWN_TEXTS + random_texts(400)
    ]


def script_figures(town: SmsSettings, tested: list[dict]) -> list[dict]:
    run = subprocess.run(
        ["node", "-e", RUN_SCRIPT, str(SCRIPT)],
        input=json.dumps({"tables": script_tables(town), "cases": tested}),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(run.stdout)


def test_the_script_counts_exactly_as_the_server(town):
    tested = cases()
    for case, answer in zip(tested, script_figures(town, tested), strict=True):
        server = figures_for(
            case["text"], urgent=case["urgent"], recipients=case["recipients"], town=town
        )
        assert answer["outgoing"] == server.outgoing, case
        assert answer["shown"] == server.shown(), case
        assert answer["tooLong"] == bool(server.too_long), case


def test_a_short_message_is_one_gsm_sms_with_its_mention(town):
    figures = figures_for("Bonjour", urgent=False, recipients=1234, town=town)
    assert figures.outgoing == "Bonjour\nSTOP au 36111"
    assert figures.shown() == {
        "encoding": "GSM-7",
        "characters": "21",
        "units": "21",
        "segments": "1",
        "per_segment": "160",
        "recipients": "1\xa0234",
        "total": "1\xa0234",
        "cost": "56,27\xa0€",  # 1 234 × 0,0456 = 56,2704
    }


def test_an_urgent_alert_has_no_mention(town):
    figures = figures_for("Alerte inondation", urgent=True, recipients=None, town=town)
    assert figures.outgoing == "Alerte inondation"
    assert figures.shown()["total"] == figures.shown()["cost"] == "—"


def test_the_euro_sign_counts_twice(town):
    figures = figures_for("Repas 5 €", urgent=True, recipients=10, town=town)
    assert (figures.stats.characters, figures.stats.units) == (9, 10)
    assert figures.stats.encoding == "GSM-7"


def test_a_character_outside_gsm_makes_the_message_ucs2(town):
    figures = figures_for("Fête de l'été", urgent=True, recipients=10, town=town)
    assert figures.stats.encoding == "UCS-2"
    assert figures.shown()["per_segment"] == "70"


def test_a_longer_message_is_cut_in_parts_of_153(town):
    figures = figures_for("a" * 147, urgent=False, recipients=100, town=town)
    assert figures.stats.units == 161
    assert figures.shown()["segments"] == "2"
    assert figures.shown()["per_segment"] == "153"
    assert figures.total_segments == 200
    assert figures.cost == Decimal("9.12")


def test_too_long_says_why(town):
    figures = figures_for("a" * 450, urgent=False, recipients=1, town=town)
    assert figures.too_long == (
        "Le message compte 4 segments (GSM-7) : 3 au plus sont autorisés. Raccourcissez-le."
    )


def test_line_breaks_typed_in_a_browser_count_once(town):
    figures = figures_for("Ligne 1\r\nLigne 2", urgent=True, recipients=1, town=town)
    assert figures.outgoing == "Ligne 1\nLigne 2"
    assert figures.stats.units == 15
