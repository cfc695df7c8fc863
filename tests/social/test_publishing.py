"""A news item's first publication posts it once on every enabled network; nothing else
does, unless the editor asks."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from connectors.social import REJECTED, RETRY, UNKNOWN
from connectors.social.backends import locmem
from social import posting
from social.models import SocialPost
from social.publishing import share_page
from social.tasks import watch_posts
from tests.social.conftest import ALL_NETWORKS

pytestmark = pytest.mark.django_db


def sent(network=None):
    return [post for name, post in locmem.outbox if network in (None, name)]


def test_a_first_publication_posts_once_on_every_enabled_network(accounts, new_news):
    page = new_news(title="Fermeture de la piscine")
    rows = SocialPost.objects.filter(page=page)
    assert sorted(rows.values_list("network", flat=True)) == sorted(ALL_NETWORKS)
    assert set(rows.values_list("status", flat=True)) == {SocialPost.Status.POSTED}
    assert len(sent()) == 5
    for post in sent():
        assert "Fermeture de la piscine" in post.text
        assert page.full_url in post.text
        assert post.link == page.full_url


def test_republishing_or_editing_posts_nothing_more(accounts, new_news, publish):
    page = new_news()
    page.title = "Titre corrigé"
    publish(page)
    publish(page)
    assert len(sent()) == 5
    assert SocialPost.objects.filter(page=page).count() == 5


def test_the_editor_can_post_again_as_a_new_round(
    accounts, new_news, django_capture_on_commit_callbacks
):
    page = new_news()
    with django_capture_on_commit_callbacks(execute=True):
        share_page(page, again=True)
    assert SocialPost.objects.filter(page=page, round=2).count() == 5
    assert len(sent()) == 10
    assert len({post.key for post in sent()}) == 10


def test_a_network_switched_off_or_a_text_of_the_editor(accounts, new_news):
    page = new_news(
        diffusion={
            "share": True,
            "networks": {"x": {"off": True}, "mastodon": {"text": "Piscine fermée lundi."}},
        }
    )
    assert not sent("x")
    assert [post.text for post in sent("mastodon")] == ["Piscine fermée lundi."]
    assert SocialPost.objects.filter(page=page).count() == 4


def test_a_news_item_its_editor_does_not_want_shared(accounts, new_news):
    new_news(diffusion={"share": False})
    assert not sent()


def test_an_event_is_shared_only_when_ticked(accounts, new_event):
    new_event()
    assert not sent()
    ticked = new_event(diffusion={"share": True})
    assert len(sent()) == 5
    assert all(ticked.title in post.text for post in sent())


def test_nothing_is_posted_when_no_network_is_enabled(accounts, new_news):
    for network in ALL_NETWORKS:
        setattr(accounts, f"{network}_enabled", False)
    accounts.save()
    new_news()
    assert not sent()
    assert not SocialPost.objects.exists()


def test_translations_are_not_posted(accounts, new_news, publish):
    page = new_news()
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    publish(english)
    assert len(sent()) == 5


def test_a_scheduled_page_posts_when_it_goes_live(
    accounts, news_index, django_capture_on_commit_callbacks
):
    from tests.social.factories import NewsPageFactory

    page = NewsPageFactory(parent=news_index, publish=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    assert not sent()
    later = timezone.now() + datetime.timedelta(hours=2)
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)
    assert len(sent()) == 5


def test_a_rate_limit_is_retried_after_the_announced_wait(accounts, new_news):
    locmem.fail_next(RETRY, "HTTP 429", retry_after=120)
    page = new_news()
    waiting = SocialPost.objects.get(page=page, status=SocialPost.Status.PENDING)
    assert waiting.next_attempt_at > timezone.now() + datetime.timedelta(seconds=100)
    assert posting.attempt(waiting.pk) == {}  # not due yet
    SocialPost.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now())
    assert posting.attempt(waiting.pk) == {waiting.pk: SocialPost.Status.POSTED}
    assert len(sent()) == 5


def test_a_refusal_is_recorded_with_the_network_reason(accounts, new_news):
    locmem.fail_next(
        REJECTED, "HTTP 403 You are not allowed to create a Tweet with duplicate content."
    )
    page = new_news()
    failed = SocialPost.objects.get(page=page, status=SocialPost.Status.FAILED)
    assert "not allowed to create a Tweet" in failed.reason
    assert len(sent()) == 4


def test_an_unknown_outcome_is_checked_with_the_network_before_posting_again(accounts, new_news):
    locmem.fail_next(UNKNOWN, "no answer within the timeout")
    page = new_news()
    unknown = SocialPost.objects.get(page=page, status=SocialPost.Status.UNKNOWN)
    SocialPost.objects.filter(pk=unknown.pk).update(next_attempt_at=timezone.now())
    watch_posts()  # the network says it has no such post: posted now, once
    unknown.refresh_from_db()
    assert unknown.status == SocialPost.Status.POSTED
    assert len([post for post in sent() if post.key == unknown.key]) == 1


def test_a_worker_that_died_mid_post_leaves_a_row_that_is_settled(accounts, new_news, settings):
    page = new_news()
    row = SocialPost.objects.get(page=page, network="bluesky")
    # As if a worker had claimed it and died after the network took the post.
    last_beat = timezone.now() - datetime.timedelta(seconds=settings.SOCIAL_LEASE_SECONDS + 1)
    SocialPost.objects.filter(pk=row.pk).update(
        status=SocialPost.Status.SENDING,
        started_at=last_beat,
        heartbeat_at=last_beat,
        posted_at=None,
    )
    watch_posts()
    row.refresh_from_db()
    assert row.status == SocialPost.Status.POSTED
    assert len(sent("bluesky")) == 1


def test_two_workers_cannot_both_claim_a_post(accounts, site):
    row = SocialPost.objects.create(site=site, subject="page-0", title="t", network="x", text="t")
    assert posting.claim(row.pk) is not None
    assert posting.claim(row.pk) is None


def test_an_account_without_its_secrets_refuses_with_a_clear_reason(accounts, new_news, settings):
    settings.SOCIAL_STAND_IN = ""  # the real backends, whose accounts have no secrets here
    page = new_news()
    row = SocialPost.objects.get(page=page, network="facebook")
    assert row.status == SocialPost.Status.FAILED
    assert row.reason == "account not configured: missing 'page_access_token'"


def test_a_link_longer_than_bluesky_allows_still_posts_the_title(accounts, new_news):
    from core.sharing import SocialSummary
    from social.publishing import post_text

    summary = SocialSummary(
        "Fête de la Lys", "Le programme.", "https://ville.fr/" + "a" * 400, "fr"
    )
    assert post_text("bluesky", summary) == "Fête de la Lys"


def test_a_publication_calls_its_networks_at_once(accounts, new_news, monkeypatch):
    """The worker that claims one network's post claims its siblings and calls the five
    networks concurrently: the news item is out in the time of the slowest."""
    import threading

    all_five_in_flight = threading.Barrier(5, timeout=10)
    publish = locmem.LocmemBackend.publish

    def publish_once_all_are_calling(self, post):
        all_five_in_flight.wait()  # called one after the other, it would never open
        return publish(self, post)

    monkeypatch.setattr(locmem.LocmemBackend, "publish", publish_once_all_are_calling)
    page = new_news()
    assert SocialPost.objects.filter(page=page, status="posted").count() == 5


def test_a_slow_attempt_that_still_beats_is_not_taken_for_a_dead_one(accounts, site, settings):
    row = SocialPost.objects.create(site=site, subject="page-0", title="t", network="x", text="t")
    claimed = posting.claim(row.pk)
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.SOCIAL_LEASE_SECONDS * 3)
    SocialPost.objects.filter(pk=row.pk).update(started_at=long_ago, heartbeat_at=long_ago)
    claimed.started_at = long_ago
    posting.beat([claimed])  # the worker's main thread, while the network is slow
    watch_posts()
    assert SocialPost.objects.get(pk=row.pk).status == SocialPost.Status.SENDING
    assert not sent()


def test_an_attempt_that_lost_its_row_writes_nothing(accounts, site):
    from connectors.social import POSTED, Result

    row = SocialPost.objects.create(site=site, subject="page-0", title="t", network="x", text="t")
    claimed = posting.claim(row.pk)
    SocialPost.objects.filter(pk=row.pk).update(started_at=timezone.now())  # settled elsewhere
    posting.record(claimed, Result(POSTED, remote_id="late"))
    assert SocialPost.objects.get(pk=row.pk).remote_id == ""
