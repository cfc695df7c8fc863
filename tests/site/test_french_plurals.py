"""French counts 0 as singular ("0 résultat"): Django applies a language's plural rule only to
msgids its catalogues hold, and our French strings are the source, so each counted string of
ours is listed in core's French catalogue."""

from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import ngettext

ROOT = Path(__file__).resolve().parents[2]
FRENCH = ROOT / "site" / "core" / "locale" / "fr" / "LC_MESSAGES" / "django.po"
ENGLISH = ROOT / "site" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_every_counted_string_of_ours_has_its_french_plural_rule():
    french = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(FRENCH))}
    counted = [e for e in polib.pofile(str(ENGLISH)) if e.msgid_plural and not e.obsolete]
    assert counted
    assert [e.msgid for e in counted if (e.msgctxt, e.msgid) not in french] == []


@pytest.mark.django_db
def test_no_result_reads_in_the_singular(client):
    with translation.override("fr"):
        label = ngettext(
            "%(counter)s résultat pour « %(query)s »", "%(counter)s résultats pour « %(query)s »", 0
        )
    assert label.startswith("%(counter)s résultat ")
    html = client.get("/recherche/", {"q": "plioramique"}).text
    assert "0 résultat pour" in html
