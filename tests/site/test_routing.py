"""Addresses lead to their pages (home.models.HomePage.route keeps the page each address
named): at once after a page is renamed, unpublished or deleted, and in as many queries
deep in the tree as near the top."""

import pytest
from wagtail.models import Locale

from core.models import SectionPage
from events.models import EventIndexPage
from news.models import NewsPage
from tests.factories import ContentPageFactory
from tests.queries import queries_per_view

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_item():
    return NewsPage.objects.live().filter(locale=Locale.get_default()).first()


def test_a_renamed_page_answers_at_its_new_address_only(client, news_item):
    old_url = news_item.url
    assert client.get(old_url).status_code == 200  # the address is kept

    news_item.slug = "nouveau-nom"
    news_item.save_revision().publish()

    assert client.get(old_url).status_code == 404
    assert client.get(NewsPage.objects.get(pk=news_item.pk).url).status_code == 200


def test_an_unpublished_or_deleted_page_is_not_found_at_its_kept_address(client, news_item):
    url = news_item.url
    assert client.get(url).status_code == 200

    news_item.unpublish()
    assert client.get(url).status_code == 404

    news_item.delete()
    assert client.get(url).status_code == 404


def test_a_routable_page_still_answers_below_its_address(client):
    agenda = EventIndexPage.objects.get(locale=Locale.get_default())
    for _ in range(2):
        feed = client.get(f"{agenda.url}ical/")
        assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
        assert client.get(agenda.url).status_code == 200


def test_an_english_address_leads_to_the_english_page(client, news_item):
    english = news_item.get_translation(Locale.objects.get(language_code="en"))
    for _ in range(2):
        assert client.get(english.url).context["page"].pk == english.pk
        assert client.get(news_item.url).context["page"].pk == news_item.pk


def test_a_page_deep_in_the_tree_costs_no_more_queries_than_one_near_the_top(client, home):
    section = SectionPage.objects.child_of(home).live().first()
    near = ContentPageFactory(parent=section)
    deep = ContentPageFactory(parent=ContentPageFactory(parent=ContentPageFactory(parent=section)))
    near_queries, deep_queries = queries_per_view(client, (near, deep))

    assert near_queries == deep_queries
