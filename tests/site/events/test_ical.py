"""The agenda's iCal feed: one VEVENT per upcoming event, at a cost that does not grow with
the number of events."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from core.models import SectionPage
from events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db


def agenda_with_events(home, slug: str, count: int) -> EventIndexPage:
    """An agenda of its own (under a section, beside the demo's) holding `count` events."""
    section = SectionPage.objects.child_of(home).get(slug="culture-sport")
    agenda = EventIndexPage(title=f"Agenda {slug}", slug=slug)
    section.add_child(instance=agenda)
    agenda.save_revision().publish()
    for number in range(count):
        event = EventPage(
            title=f"Atelier {slug} {number}",
            start=timezone.now() + timedelta(days=number + 1),
            location="Salle des fêtes",
        )
        agenda.add_child(instance=event)
        event.save_revision().publish()
    return agenda


def fetch_feed(client, agenda) -> tuple[Calendar, list[str]]:
    """The parsed feed and the SQL it took, caches empty as after a deployment."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(agenda.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content), [query["sql"] for query in queries]


def test_the_feed_lists_each_upcoming_event_with_its_language(client, home):
    agenda = agenda_with_events(home, "agenda-court", 2)

    calendar, _ = fetch_feed(client, agenda)

    events = calendar.walk("VEVENT")
    assert sorted(str(event["summary"]) for event in events) == [
        "Atelier agenda-court 0",
        "Atelier agenda-court 1",
    ]
    for event in events:
        assert str(event["uid"]).endswith("-fr@commune")
        assert str(event["location"]) == "Salle des fêtes"
        assert "/agenda-court/" in str(event["url"])


@pytest.fixture
def database_cache(settings):
    """The cache production uses (base settings): a table, so each lookup is a query too."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "commune_cache",
        }
    }
    call_command("createcachetable", verbosity=0)


def test_the_feed_costs_the_same_queries_for_two_or_twelve_events(client, home, database_cache):
    few, many = (
        agenda_with_events(home, "agenda-court", 2),
        agenda_with_events(home, "agenda-long", 12),
    )

    few_calendar, few_queries = fetch_feed(client, few)
    many_calendar, many_queries = fetch_feed(client, many)

    assert len(few_calendar.walk("VEVENT")) == 2
    assert len(many_calendar.walk("VEVENT")) == 12
    assert len(many_queries) == len(few_queries), "\n".join(many_queries)
