"""iCalendar (RFC 5545) export of the agenda."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from core.i18n import language_code_of, locale_codes


def build_calendar(index_page, events, request: HttpRequest | None = None) -> Calendar:
    """The feed of `events`, in a constant number of queries whatever their number (the
    request keeps the sites' root paths that Wagtail reads to build each event's URL)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Commune//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", index_page.title)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    codes = locale_codes()
    for page in events:
        # `page.locale` would cost a query per event.
        language_code = codes.get(page.locale_id) or language_code_of(page)
        calendar.add_component(_vevent(page, stamp, language_code, request))
    return calendar


def _vevent(page, stamp, language_code: str, request: HttpRequest | None) -> Event:
    event = Event()
    event.add("uid", f"{page.translation_key}-{language_code}@commune")
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
    event.add("url", page.get_full_url(request))
    return event


def calendar_response(index_page, events, request: HttpRequest) -> HttpResponse:
    calendar = build_calendar(index_page, events, request)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
