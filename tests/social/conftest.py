"""Fixtures of the social tests: the demo site's accounts switched on (posting through the
locmem stand-in of the test settings), news items and events to publish, and publishing that
runs the tasks enqueued on commit, as a worker would."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from events.models import EventIndexPage
from news.models import NewsIndexPage
from social.models import SocialPost, SocialSettings
from tests.social.factories import EventPageFactory, NewsPageFactory

ALL_NETWORKS = ["x", "facebook", "linkedin", "mastodon", "bluesky"]


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def accounts(site):
    """Every network enabled on the demo site (secrets are not needed: demo mode is off but
    the locmem stand-in posts nothing anywhere); the demo's own posts are removed."""
    SocialPost.objects.all().delete()
    social = SocialSettings.for_site(site)
    for network in ALL_NETWORKS:
        setattr(social, f"{network}_enabled", True)
    social.demo_mode = False
    social.mastodon_instance_url = "https://mastodon.example"
    social.save()
    return social


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.filter(locale__language_code="fr").first()


@pytest.fixture
def event_index(db):
    return EventIndexPage.objects.filter(locale__language_code="fr").first()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page's latest revision and run what is enqueued on commit."""

    def run(page, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision(**kwargs).publish()
        return page

    return run


@pytest.fixture
def new_news(news_index, django_capture_on_commit_callbacks):
    """A news item created and published for the first time (tasks run on commit)."""

    def create(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return NewsPageFactory(parent=news_index, **fields)

    return create


@pytest.fixture
def new_event(event_index, django_capture_on_commit_callbacks):
    def create(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return EventPageFactory(parent=event_index, **fields)

    return create
