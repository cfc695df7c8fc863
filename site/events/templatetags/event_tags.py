"""How an event's date reads in listings and on its page, and how long a listing of
upcoming events stays true."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.dateformat import time_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core import page_cache

register = template.Library()


@register.simple_tag
def event_start(event) -> SafeString:
    """« samedi 5 décembre 2026 à 14h30 » in a <time> element, in the town's time zone.

    Formatted here rather than in an included template: listings show a dozen of them and
    the template version was a tenth of the agenda's rendering time.
    """
    start = timezone.localtime(event.start)
    day = date_format(start, "l j F Y")
    if event.all_day:
        return format_html('<time datetime="{}">{}</time>', start.date().isoformat(), day)
    at = gettext("à %(time)s") % {"time": time_format(start, "H\\hi")}
    return format_html('<time datetime="{}">{} {}</time>', start.isoformat(), day, at)


@register.simple_tag(takes_context=True)
def expires_when_one_is_over(context, events) -> str:
    """Shows nothing: tells the page caches that a list of upcoming `events` changes when
    the first of them is over (at its end, or at its start when it has none), so that the
    home page and the agenda stop listing it then."""
    ends = [event.end or event.start for event in events]
    if ends and "request" in context:
        page_cache.expire_by(context["request"], min(ends).timestamp())
    return ""
