"""The town's SMS sending window: Monday to Saturday, 08:00 to 20:00 Paris time, never on a
public holiday (nor on Good Friday and 26 December in Alsace-Moselle), whatever the server's
time zone and across the changes of time; and the webmaster's form for it."""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from wagtail.models import Site

from newsletters.models import SmsSettings
from newsletters.sms_window import is_open, next_opening, window_for_site

PARIS = ZoneInfo("Europe/Paris")
UTC = datetime.UTC


def paris(text: str) -> datetime.datetime:
    """A moment written in Paris time: "2026-06-06 10:00"."""
    return datetime.datetime.fromisoformat(text).replace(tzinfo=PARIS)


def utc(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=UTC)


def window(**settings) -> SmsSettings:
    """The settings as a town leaves them (Monday to Saturday, 08:00-20:00, no holiday)."""
    return SmsSettings(**settings)


@pytest.mark.parametrize(
    ("moment", "open_"),
    [
        ("2026-06-06 10:00", True),  # a Saturday
        ("2026-06-07 10:00", False),  # a Sunday
        ("2026-07-14 10:00", False),  # Bastille Day, a Tuesday
        ("2026-04-06 10:00", False),  # Easter Monday
        ("2026-05-25 10:00", False),  # Whit Monday
        ("2026-04-03 10:00", True),  # Good Friday: a working day outside Alsace-Moselle
        ("2026-12-26 10:00", True),  # 26 December, a Saturday, likewise
        ("2026-06-08 07:59", False),
        ("2026-06-08 08:00", True),
        ("2026-06-08 19:59", True),
        ("2026-06-08 19:59:59", True),
        ("2026-06-08 20:00", False),
    ],
)
def test_the_default_window(moment, open_):
    assert is_open(paris(moment), window()) is open_


@pytest.mark.parametrize("moment", ["2026-04-03 10:00", "2026-12-26 10:00"])
def test_alsace_moselle_also_closes_on_good_friday_and_26_december(moment):
    assert is_open(paris(moment), window(alsace_moselle=True)) is False
    assert is_open(paris("2026-04-02 10:00"), window(alsace_moselle=True)) is True


def test_a_town_that_sends_on_public_holidays():
    assert is_open(paris("2026-07-14 10:00"), window(skip_public_holidays=False)) is True


def test_the_window_is_in_paris_time_whatever_the_servers_time_zone(settings):
    settings.TIME_ZONE = "America/New_York"
    # 18:30 UTC is 20:30 in Paris in June (UTC+2), 06:30 UTC is 08:30.
    assert is_open(utc("2026-06-08 18:30"), window()) is False
    assert is_open(utc("2026-06-08 06:30"), window()) is True
    # In winter Paris is UTC+1: 07:30 UTC is 08:30 there.
    assert is_open(utc("2026-01-12 06:30"), window()) is False
    assert is_open(utc("2026-01-12 07:30"), window()) is True


def test_an_open_window_opens_now():
    moment = paris("2026-06-08 12:34:56")
    assert next_opening(moment, window()) is moment


@pytest.mark.parametrize(
    ("moment", "opening"),
    [
        ("2026-06-08 06:15", "2026-06-08 08:00"),  # a Monday, early
        ("2026-06-08 20:00", "2026-06-09 08:00"),  # Monday evening: Tuesday morning
        ("2026-06-13 20:30", "2026-06-15 08:00"),  # Saturday evening: Monday
        ("2026-06-14 11:00", "2026-06-15 08:00"),  # Sunday
        ("2026-05-23 20:30", "2026-05-26 08:00"),  # Saturday before Whit Monday: Tuesday
        ("2026-04-04 21:00", "2026-04-07 08:00"),  # Saturday before Easter Monday: Tuesday
        ("2026-12-24 20:30", "2026-12-26 08:00"),  # Christmas Eve: Saturday the 26th
        ("2026-07-13 23:00", "2026-07-15 08:00"),  # the eve of Bastille Day
    ],
)
def test_next_opening(moment, opening):
    assert next_opening(paris(moment), window()) == paris(opening)


def test_next_opening_in_alsace_moselle_skips_26_december():
    alsace = window(alsace_moselle=True)
    assert next_opening(paris("2026-12-24 20:30"), alsace) == paris("2026-12-28 08:00")
    assert next_opening(paris("2026-04-02 20:30"), alsace) == paris("2026-04-04 08:00")


def test_next_opening_across_the_change_to_summer_time():
    # Clocks go forward on Sunday 29 March 2026: Saturday evening is UTC+1, Monday UTC+2.
    opening = next_opening(paris("2026-03-28 20:30"), window())
    assert opening == paris("2026-03-30 08:00")
    assert opening == utc("2026-03-30 06:00")
    assert is_open(utc("2026-03-30 05:59"), window()) is False
    assert is_open(utc("2026-03-30 06:00"), window()) is True


def test_next_opening_across_the_change_to_winter_time():
    # Clocks go back on Sunday 25 October 2026: Saturday evening is UTC+2, Monday UTC+1.
    opening = next_opening(utc("2026-10-24 18:30"), window())
    assert opening == utc("2026-10-26 07:00")
    assert opening.tzinfo == UTC  # in the time zone the moment was given in
    assert is_open(utc("2026-10-26 06:59"), window()) is False
    assert is_open(utc("2026-10-26 18:59"), window()) is True
    assert is_open(utc("2026-10-26 19:00"), window()) is False


def test_a_window_that_never_opens_says_so():
    with pytest.raises(ValueError, match="never opens"):
        next_opening(paris("2026-06-08 21:00"), window(weekdays=[]))
    with pytest.raises(ValueError, match="never opens"):
        next_opening(
            paris("2026-06-08 21:00"),
            window(window_start=datetime.time(20), window_end=datetime.time(8)),
        )


def test_a_naive_moment_is_refused():
    with pytest.raises(ValueError, match="aware"):
        is_open(datetime.datetime(2026, 6, 8, 10), window())


# -- the town's own settings -----------------------------------------------------------------


@pytest.fixture
def default_site(db):
    return Site.objects.get(is_default_site=True)


def test_the_window_comes_from_the_default_sites_settings(default_site):
    settings = SmsSettings.for_site(default_site)
    settings.weekdays = [0, 1, 2, 3, 4]
    settings.window_start, settings.window_end = datetime.time(9), datetime.time(18, 30)
    settings.save()
    town = window_for_site()
    assert town.pk == settings.pk
    assert is_open(paris("2026-06-06 10:00"), town) is False  # no more Saturdays
    assert is_open(paris("2026-06-08 08:30"), town) is False
    assert is_open(paris("2026-06-08 18:29"), town) is True
    assert is_open(paris("2026-06-08 18:30"), town) is False
    assert next_opening(paris("2026-06-12 18:30"), town) == paris("2026-06-15 09:00")


def test_without_any_site_the_default_window_applies(db):
    Site.objects.update(is_default_site=False)
    town = window_for_site()
    assert town.pk is None
    assert is_open(paris("2026-06-06 10:00"), town) is True


# -- the webmaster's form ----------------------------------------------------------------


def settings_url(site: Site) -> str:
    return reverse("wagtailsettings:edit", args=["newsletters", "smssettings", site.pk])


def form_data(**changes) -> dict:
    data = {
        "weekdays": ["0", "1", "2", "3", "4", "5"],
        "window_start": "08:00",
        "window_end": "20:00",
        "skip_public_holidays": "on",
        "stop_mention": "STOP au 36111",
        "default_sender": "VILLENEUVE",
        "max_segments": "3",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_webmaster_ticks_the_sending_days(default_site, client, webmaster):
    page = client.get(settings_url(default_site))
    assert page.status_code == 200
    boxes = re.findall(
        r'<input type="checkbox" name="weekdays" value="\d"[^>]*?( checked)?>\s*(\w+)</label>',
        page.content.decode(),
    )
    assert boxes == [
        (" checked", "lundi"),
        (" checked", "mardi"),
        (" checked", "mercredi"),
        (" checked", "jeudi"),
        (" checked", "vendredi"),
        (" checked", "samedi"),
        ("", "dimanche"),
    ]

    response = client.post(
        settings_url(default_site),
        form_data(weekdays=["4", "0", "2"], window_start="09:00", window_end="17:30"),
    )
    assert response.status_code == 302
    town = window_for_site()
    assert town.weekdays == [0, 2, 4]
    assert (town.window_start, town.window_end) == (datetime.time(9), datetime.time(17, 30))
    assert town.default_sender == "VILLENEUVE"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weekdays": None}, "Cochez au moins un jour d&#x27;envoi."),
        (
            {"window_start": "20:00", "window_end": "08:00"},
            "L&#x27;heure de fin doit venir après l&#x27;heure de début",
        ),
        ({"window_start": "08:00", "window_end": "08:00"}, "L&#x27;heure de fin doit venir"),
        ({"max_segments": "7"}, "OVHcloud accepte au plus 6 segments."),
        ({"max_segments": "0"}, "Choisissez entre 1 et 6 segments"),
        ({"stop_mention": "  "}, "Indiquez la mention de désinscription"),
        ({"stop_mention": "Désinscription en mairie"}, "La mention doit contenir le mot STOP"),
        ({"default_sender": "Mairie-Ville"}, "Le nom d&#x27;expéditeur compte au plus 11"),
        ({"default_sender": "12345"}, "avec au moins une lettre"),
    ],
)
def test_the_form_refuses_a_window_or_message_that_cannot_work(
    default_site, client, webmaster, changes, message
):
    response = client.post(settings_url(default_site), form_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SmsSettings.objects.filter(site=default_site, default_sender="VILLENEUVE").exists()


def test_an_empty_default_sender_is_allowed(default_site, client, webmaster):
    response = client.post(settings_url(default_site), form_data(default_sender=""))
    assert response.status_code == 302
    assert window_for_site().default_sender == ""
