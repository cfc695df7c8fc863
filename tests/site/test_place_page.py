"""A place page's headings say what follows them (RGAA 9.1): its practical details
(address, hours, closures, accessibility) come first, and the editor's body never reads as
part of the last of them."""

from html import unescape

import pytest
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from wagtail.models import Locale

from places.models import PlacePage
from tests.site.html_structure import heading_sections

pytestmark = pytest.mark.django_db

DETAIL_HEADINGS = ("Infos pratiques", "Fermetures et horaires exceptionnels", "Accessibilité")


def words(html: str) -> str:
    """The text of `html` as read aloud, spaces collapsed."""
    return " ".join(unescape(strip_tags(html)).split())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_detail_heading_introduces_the_body(client, language):
    places = PlacePage.objects.live().filter(locale__language_code=language)
    with translation.override(language):
        details = {gettext(heading) for heading in DETAIL_HEADINGS}
    assert places.count() >= 3

    for place in places:
        body_start = words(str(place.body))[:40]
        sections = heading_sections(client.get(place.url).text)
        for heading, text in sections:
            assert heading not in details or body_start not in text, (place.url, heading)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_accessibility_heading_introduces_only_the_accessibility_details(client, language):
    pool = PlacePage.objects.get(slug="piscine", locale=Locale.get_default())
    page = pool.get_translation(Locale.objects.get(language_code=language))
    with translation.override(language):
        accessibility = gettext("Accessibilité")

    sections = dict(heading_sections(client.get(page.url).text))
    assert sections[accessibility] == words(page.accessibility)
