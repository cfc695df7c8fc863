"""Taking a page's posts down when its editor asks: unpublishing alone never does."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from connectors.social import RETRY
from connectors.social.backends import locmem
from social import removal
from social.models import SocialPost
from social.tasks import watch_posts
from tests.factories import UserFactory, login_verified

pytestmark = pytest.mark.django_db


def test_unpublishing_leaves_the_posts(accounts, new_news):
    page = new_news()
    page.unpublish()
    assert set(SocialPost.objects.filter(page=page).values_list("status", flat=True)) == {"posted"}
    assert not locmem.deleted


def test_the_editor_takes_the_posts_down(
    client, accounts, new_news, django_capture_on_commit_callbacks
):
    page = new_news()
    login_verified(client, UserFactory(groups=["Webmestres"]))
    url = reverse("social:remove", args=[page.pk])
    assert "la page elle-même ne change pas" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    rows = SocialPost.objects.filter(page=page)
    assert set(rows.values_list("status", flat=True)) == {"removed"}
    assert sorted(network for network, _ in locmem.deleted) == sorted(
        rows.values_list("network", flat=True)
    )


def test_a_removal_that_fails_is_tried_again(
    accounts, new_news, django_capture_on_commit_callbacks
):
    page = new_news()
    locmem.fail_next(RETRY, "HTTP 503", retry_after=60)
    with django_capture_on_commit_callbacks(execute=True):
        removal.request_removal(SocialPost.objects.filter(page=page))
    waiting = SocialPost.objects.get(page=page, status="posted", removal_requested=True)
    assert waiting.next_attempt_at > timezone.now()
    SocialPost.objects.filter(pk=waiting.pk).update(
        next_attempt_at=timezone.now(), updated_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    watch_posts()
    waiting.refresh_from_db()
    assert waiting.status == "removed"


def test_a_removal_a_dead_worker_left_is_given_back(accounts, new_news, settings):
    page = new_news()
    row = SocialPost.objects.filter(page=page).first()
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.SOCIAL_LEASE_SECONDS + 1)
    SocialPost.objects.filter(pk=row.pk).update(
        status="removing", removal_requested=True, started_at=long_ago, heartbeat_at=long_ago
    )
    watch_posts()
    row.refresh_from_db()
    assert row.status == "removed"
