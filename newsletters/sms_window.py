"""The town's SMS sending window: the days and hours in which a campaign that is not an
urgent alert may leave (SmsSettings), read in Paris time whatever the server's time zone,
and closed on French public holidays (with Good Friday and 26 December in Alsace-Moselle)
when the town asks for it."""

from __future__ import annotations

import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone
from wagtail.models import Site

from .models import SmsSettings

PARIS = ZoneInfo("Europe/Paris")
# The holidays package's code for Moselle, whose holidays are those of Alsace too.
ALSACE_MOSELLE = "57"
# Looking further ahead than a year means the window never opens.
MAX_DAYS_AHEAD = 400


def is_open(moment: datetime.datetime, window: SmsSettings) -> bool:
    """Whether a campaign may send at `moment` (aware): on one of the window's days, not a
    public holiday when those are skipped, from window_start included to window_end
    excluded (19:59 is open, 20:00 is not), in Paris time."""
    local = paris_time(moment)
    return is_sending_day(local.date(), window) and (
        window.window_start <= local.time() < window.window_end
    )


def next_opening(moment: datetime.datetime, window: SmsSettings) -> datetime.datetime:
    """`moment` itself when the window is open, else the moment it next opens, in the time
    zone `moment` was given in. Raises ValueError when the window never opens (no day, or an
    end before its start)."""
    if is_open(moment, window):
        return moment
    if window.window_start < window.window_end:
        today = paris_time(moment).date()
        for days_ahead in range(MAX_DAYS_AHEAD):
            day = today + datetime.timedelta(days=days_ahead)
            opening = at_paris_time(day, window.window_start)
            if opening > moment and is_sending_day(day, window):
                return opening.astimezone(moment.tzinfo)
    raise ValueError("the SMS sending window never opens")


def is_sending_day(day: datetime.date, window: SmsSettings) -> bool:
    """One of the window's weekdays, and not a public holiday when the town skips those."""
    if day.weekday() not in window.weekdays:
        return False
    return not (window.skip_public_holidays and is_public_holiday(day, window.alsace_moselle))


def is_public_holiday(day: datetime.date, alsace_moselle: bool = False) -> bool:
    """A French public holiday (with Good Friday and 26 December in Alsace-Moselle)."""
    return day in public_holidays(day.year, alsace_moselle)


@lru_cache(maxsize=32)
def public_holidays(year: int, alsace_moselle: bool) -> frozenset[datetime.date]:
    """The year's French public holidays, computed once per year and region."""
    subdivision = ALSACE_MOSELLE if alsace_moselle else None
    return frozenset(holidays.country_holidays("FR", subdiv=subdivision, years=year))


def paris_time(moment: datetime.datetime) -> datetime.datetime:
    """`moment` as a Paris clock shows it; a naive moment is refused rather than guessed."""
    if timezone.is_naive(moment):
        raise ValueError("the SMS sending window needs an aware datetime")
    return moment.astimezone(PARIS)


def at_paris_time(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """`time` on `day` in Paris. On the night the clocks go forward, a time between 02:00 and
    03:00 (which no window starts at) does not exist: it resolves an hour later, never
    earlier, so a message never leaves before the window."""
    return datetime.datetime.combine(day, time, tzinfo=PARIS)


def window_for_site(site: Site | None = None) -> SmsSettings:
    """The SMS settings of `site`, by default of the default site; the settings' defaults
    (Monday to Saturday, 08:00-20:00, no public holiday) when there is no site at all."""
    site = site or Site.objects.filter(is_default_site=True).first()
    return SmsSettings.for_site(site) if site else SmsSettings()
