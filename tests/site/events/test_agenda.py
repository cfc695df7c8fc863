"""The agenda lists upcoming events and narrows them by dates, theme and audience."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale

from core.models import Theme
from events.models import EventIndexPage, EventPage
from profiles.models import Profile
from tests.site.html_structure import fieldsets

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda():
    return EventIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def theme():
    return Theme.objects.filter(locale=Locale.get_default()).first()


@pytest.fixture
def profile():
    return Profile.objects.filter(locale=Locale.get_default()).first()


def add_event(agenda, title: str, days_ahead: int, themes=(), profiles=()) -> EventPage:
    event = EventPage(title=title, start=timezone.now() + timedelta(days=days_ahead))
    agenda.add_child(instance=event)
    event.themes.set(themes)
    event.profiles.set(profiles)
    event.save_revision().publish()
    return event


def test_the_theme_and_audience_filters_keep_only_their_events(client, agenda, theme, profile):
    tagged = add_event(agenda, "Concert des familles", 3, themes=[theme], profiles=[profile])
    other = add_event(agenda, "Conférence sans thème", 3)

    for query in (f"theme={theme.slug}", f"profil={profile.slug}"):
        html = client.get(f"{agenda.url}?{query}").text
        assert tagged.title in html
        assert other.title not in html


def test_the_date_filter_keeps_the_events_of_those_days(client, agenda):
    far = add_event(agenda, "Brocante de la Saint-Martin", 400)
    day = timezone.localtime(far.start).date().isoformat()

    html = client.get(f"{agenda.url}?du={day}&au={day}").text
    assert far.title in html
    assert "1 événement à venir" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("du=2030-05-10&au=2030-05-01", "La date de fin doit suivre la date de début."),
        ("theme=n-existe-pas", "Sélectionnez un choix valide"),
        ("du=10/99/2030", "Saisissez une date valide."),
    ],
)
def test_bad_filters_are_explained_and_the_agenda_still_shows(client, agenda, query, message):
    response = client.get(f"{agenda.url}?{query}")

    assert response.status_code == 200
    html = response.text
    assert 'class="error-summary" role="alert"' in html
    assert message in html
    assert "événements à venir" in html


def test_a_renamed_theme_shows_in_the_next_filter_without_asking_the_database_before(
    client, agenda, theme
):
    client.get(agenda.url)  # the choices are cached now
    with CaptureQueriesContext(connection) as queries:
        client.get(agenda.url)
    assert not [query for query in queries if "core_theme" in query["sql"]]

    theme.name = "Fêtes et traditions"
    theme.save()
    assert "Fêtes et traditions" in client.get(agenda.url).text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_two_dates_are_grouped_under_the_legend_periode(client, agenda, language):
    """RGAA 11.5 / 11.2: "Du" and "Au" only make sense together, as the bounds of a period."""
    page = agenda.get_translation(Locale.objects.get(language_code=language))
    filters = {"du", "au", "theme", "profil"}
    page_fieldsets = fieldsets(client.get(page.url).text)
    groups = [group for group in page_fieldsets if filters & {*group.controls}]

    with translation.override(language):
        legend = gettext("Période")
    assert [(group.legend, group.controls) for group in groups] == [(legend, ["du", "au"])]
