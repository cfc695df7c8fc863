"""News feeds, the iCal agenda, the read-only open-data API, schema.org JSON-LD, the
sitemap and robots.txt, each checked with a real parser."""

import json
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from icalendar import Calendar
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage
from places.models import PlacePage
from procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index():
    return NewsIndexPage.objects.get(locale=Locale.get_default())


@pytest.mark.parametrize("feed, version", [("rss/", "rss20"), ("atom/", "atom10")])
def test_news_feeds_parse(client, news_index, feed, version):
    response = client.get(news_index.url + feed)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version
    assert len(parsed.entries) >= 20
    newest = news_index.news().first()
    assert parsed.entries[0].title == newest.title
    assert parsed.entries[0].link.endswith(newest.url)


def test_ical_agenda_parses_with_upcoming_events(client):
    agenda = EventIndexPage.objects.get(locale=Locale.get_default())
    response = client.get(agenda.url + "ical/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == agenda.events().count() >= 15
    summaries = {str(event["SUMMARY"]) for event in events}
    assert agenda.events().first().title in summaries
    assert all(event.get("UID") and event.get("DTSTART") for event in events)


def json_ld_blocks(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.parametrize(
    "model, schema_type",
    [(EventPage, "Event"), (PlacePage, "CivicStructure"), (ProcedurePage, "GovernmentService")],
)
def test_json_ld_describes_events_places_and_procedures(client, model, schema_type):
    page = model.objects.live().filter(locale=Locale.get_default()).first()
    blocks = json_ld_blocks(client.get(page.url).text)
    assert len(blocks) == 1
    data = blocks[0]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    assert data["name"] == page.title


def test_place_json_ld_has_hours_and_coordinates(client):
    place = PlacePage.objects.get(slug="mediatheque", locale=Locale.get_default())
    data = json_ld_blocks(client.get(place.url).text)[0]
    assert data["geo"]["latitude"] == pytest.approx(float(place.latitude))
    assert data["openingHoursSpecification"]
    assert data["address"]["postalCode"] == place.postcode


@pytest.mark.parametrize("endpoint", ["pages", "events", "places"])
def test_api_lists_live_content(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?limit=5")
    assert response.status_code == 200
    payload = response.json()
    assert payload["meta"]["total_count"] >= 10
    assert len(payload["items"]) == 5


def test_api_event_detail_has_dates(client):
    event = EventPage.objects.upcoming().filter(locale=Locale.get_default()).first()
    data = client.get(f"/api/v2/events/{event.pk}/").json()
    assert data["title"] == event.title
    assert data["start"]


def test_api_is_read_only(client):
    for method in (client.post, client.put, client.delete):
        assert method("/api/v2/pages/", {}).status_code == 405


def test_api_hides_drafts(client, home):
    draft = EventPage.objects.filter(locale=home.locale).first()
    draft.unpublish()
    assert client.get(f"/api/v2/events/{draft.pk}/").status_code == 404


def test_sitemap_lists_pages_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in tree.findall("s:url/s:loc", namespace)]
    assert len(locations) > 100
    assert any(loc.endswith("/restauration-scolaire/") for loc in locations)


def test_robots_txt_points_to_sitemap_and_hides_admin(client):
    text = client.get("/robots.txt").text
    assert "Disallow: /admin/" in text
    assert "sitemap.xml" in text
