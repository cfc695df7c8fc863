"""iCalendar (RFC 5545) export of the agenda."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event


def build_calendar(index_page, events) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Commune//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", index_page.title)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for page in events:
        calendar.add_component(_vevent(page, stamp))
    return calendar


def _vevent(page, stamp) -> Event:
    event = Event()
    event.add("uid", f"{page.translation_key}-{page.locale.language_code}@commune")
    event.add("dtstamp", stamp)
    event.add("summary", page.title)
    if page.all_day:
        start_day = timezone.localtime(page.start).date()
        end_day = timezone.localtime(page.end).date() if page.end else start_day
        event.add("dtstart", start_day)
        event.add("dtend", end_day + timedelta(days=1))
    else:
        event.add("dtstart", timezone.localtime(page.start))
        event.add("dtend", timezone.localtime(page.end or page.start + timedelta(hours=1)))
    if page.intro:
        event.add("description", page.intro)
    if page.location_label:
        event.add("location", page.location_label)
    event.add("url", page.full_url)
    return event


def calendar_response(index_page, events) -> HttpResponse:
    response = HttpResponse(
        build_calendar(index_page, events).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
