"""The town's name comes from its settings, never from the demo town."""

import pytest

from core.models import TownSettings


def test_town_name_defaults_to_the_deployers_setting(settings):
    settings.COMMUNE_TOWN_NAME = "Saint-Exemple"

    assert TownSettings().town_name == "Saint-Exemple"


@pytest.mark.django_db
def test_ical_feed_names_the_configured_time_zone(settings):
    from events.ical import build_calendar

    settings.TIME_ZONE = "America/Cayenne"
    index_page = type("Agenda", (), {"title": "Agenda"})()

    assert build_calendar(index_page, [])["x-wr-timezone"] == "America/Cayenne"
