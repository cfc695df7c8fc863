"""The listings kept rendered (core's cache_fragment tag): the home page's news, events,
profiles and quick links, and the agenda as most readers open it. A reader never sees them
older than the last publication, nor an event that is over; previews show the draft."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone
from wagtail.models import Locale

from core.pagination import LAST_KEPT_PAGE, unfiltered_page_number
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from tests.factories import UserFactory, login_verified, minimal_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda():
    return EventIndexPage.objects.get(locale=Locale.get_default())


def publish_news(title: str) -> NewsPage:
    news_index = NewsIndexPage.objects.get(locale=Locale.get_default())
    item = NewsPage(title=title, intro="Publiée à l'instant.", date=timezone.localdate())
    news_index.add_child(instance=item)
    item.save_revision().publish()
    return item


def publish_event(agenda, title: str, start, end=None) -> EventPage:
    event = EventPage(title=title, start=start, end=end)
    agenda.add_child(instance=event)
    event.save_revision().publish()
    return event


def test_a_published_news_item_reaches_the_home_page_at_once_and_leaves_it_unpublished(client):
    client.get("/")  # the listings are kept rendered

    item = publish_news("Ouverture de la patinoire")
    assert item.title in client.get("/").text

    item.unpublish()
    assert item.title not in client.get("/").text


def test_a_published_event_reaches_the_agenda_and_the_home_page_at_once(client, agenda):
    client.get("/")
    client.get(agenda.url)

    event = publish_event(agenda, "Marché de Noël", timezone.now() + timedelta(hours=2))

    assert event.title in client.get("/").text
    assert event.title in client.get(agenda.url).text


def test_an_event_leaves_the_listings_when_it_is_over(client, agenda):
    now = timezone.now()
    event = publish_event(
        agenda, "Vente de sapins", now - timedelta(hours=1), now + timedelta(minutes=10)
    )
    assert event.title in client.get("/").text
    assert event.title in client.get(agenda.url).text

    with time_machine.travel(now + timedelta(minutes=11)):
        assert event.title not in client.get("/").text
        assert event.title not in client.get(agenda.url).text


@override_settings(COMMUNE_PAGE_CACHE=True, COMMUNE_PAGE_CACHE_SECONDS=3600)
def test_a_stored_page_listing_an_event_expires_when_the_event_is_over(agenda):
    now = timezone.now()
    publish_event(agenda, "Vente de sapins", now - timedelta(hours=1), now + timedelta(minutes=10))
    reader = Client(HTTP_HOST="127.0.0.1:8000")

    for _ in range(2):  # rendered, then served from the stored page and the kept listing
        cache_control = reader.get("/")["Cache-Control"]
        seconds = int(cache_control.split("s-maxage=")[1].split(",")[0])
        assert 0 < seconds <= 600


def test_a_preview_shows_the_draft_listings_and_readers_keep_the_published_ones(client, home):
    reader = Client()
    assert 'id="agenda"' in reader.get("/").text
    login_verified(client, UserFactory(is_superuser=True))
    edit_url = f"/admin/pages/{home.pk}/edit/"
    data = minimal_form_data(client.get(edit_url).context["form"])
    data.update(news_count=home.news_count, events_count=0)  # the draft lists no event

    assert client.post(f"{edit_url}preview/", data).json()["is_available"]
    preview = client.get(f"{edit_url}preview/").text

    assert 'id="agenda"' not in preview
    assert 'id="agenda"' in reader.get("/").text


def test_a_filtered_agenda_lists_what_the_filters_keep_after_the_plain_one_was_kept(client, agenda):
    near = publish_event(agenda, "Loto du club", timezone.now() + timedelta(days=2))
    far = publish_event(agenda, "Brocante de printemps", timezone.now() + timedelta(days=300))
    client.get(agenda.url)

    day = timezone.localtime(far.start).date().isoformat()
    filtered = client.get(f"{agenda.url}?du={day}&au={day}").text

    assert far.title in filtered and near.title not in filtered


@pytest.mark.parametrize(
    "query, kept_as",
    [
        ("", 1),
        ("page=2", 2),
        (f"page={LAST_KEPT_PAGE}", LAST_KEPT_PAGE),
        (f"page={LAST_KEPT_PAGE + 1}", None),  # a crawler's made-up numbers are not kept
        ("page=0", None),
        ("page=deux", None),
        ("page=%D9%A3", None),  # an Arabic-Indic three
        ("theme=culture", None),
        ("page=2&profil=seniors", None),
    ],
)
def test_only_an_unfiltered_listing_page_is_kept_rendered(query, kept_as):
    request = RequestFactory().get(f"/agenda/?{query}")
    assert unfiltered_page_number(request) == kept_as
