"""The Mastodon backend against the local fake instance (tests/connectors/social/fakes/
mastodon.py): the image and its description, processing uploads, the idempotency key that
makes a lost answer safe to try again, what each failure means, find() and deleting."""

from __future__ import annotations

import pytest

from connectors.social import POSTED, REJECTED, REMOVED, RETRY, UNKNOWN, Post, get_backend
from connectors.social.backends import mastodon
from tests.connectors.social.fakes import mastodon as fake_mastodon
from tests.connectors.social.fakes import sample_image

mastodon_api = fake_mastodon.mastodon_api  # the fixture, for this module's tests
LINK = "https://www.ville-test.fr/actualites/marche-de-noel/?lang=fr&from=mastodon"


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch):
    """Polls of a processing image a few milliseconds apart."""
    monkeypatch.setattr(mastodon, "MEDIA_POLL_WAITS", (0.01, 0.01, 0.01))


def a_post(text: str = "", key: str = "page-12-mastodon-1", **fields) -> Post:
    """A post of the Christmas market page."""
    text = text or f"Le marché de Noël ouvre samedi sur la place de la mairie.\n\n{LINK}"
    return Post(text, LINK, key, **fields)


def publish(api, post: Post, token: str = ""):
    return get_backend(api.account(token)).publish(post)


def test_an_image_is_uploaded_with_its_description_then_attached_to_the_status(mastodon_api):
    image = sample_image()

    result = publish(mastodon_api, a_post(image=image))

    assert result.status == POSTED
    [status] = mastodon_api.statuses
    assert (result.remote_id, result.url) == (
        status.id,
        f"{mastodon_api.url}/@villedetest/{status.id}",
    )
    [media] = status.media
    assert (media.description, media.content_type) == (image.alt, "image/png")
    assert (status.text, status.language, status.visibility) == (a_post().text, "fr", "public")
    assert status.idempotency_key == "page-12-mastodon-1"


def test_an_image_still_processing_is_polled_until_done(mastodon_api):
    mastodon_api.processing_polls = 2

    result = publish(mastodon_api, a_post(image=sample_image()))

    assert result.status == POSTED
    polls = [r for r in mastodon_api.requests if r.path.startswith("/api/v1/media/")]
    assert len(polls) == 3  # 206, 206, 200


def test_an_image_processing_for_too_long_is_tried_again_later(mastodon_api):
    mastodon_api.processing_polls = 10

    result = publish(mastodon_api, a_post(image=sample_image()))

    assert (result.status, result.reason) == (RETRY, "the image is still being processed")
    assert mastodon_api.statuses == []


def test_an_attachment_the_status_finds_unprocessed_is_tried_again(mastodon_api):
    mastodon_api.fail_next("unprocessed")

    refused = publish(mastodon_api, a_post(image=sample_image()))
    result = publish(mastodon_api, a_post(image=sample_image()))

    assert refused.status == RETRY
    assert "not finished processing" in refused.reason
    assert result.status == POSTED


def test_a_wrong_token_is_refused(mastodon_api):
    result = publish(mastodon_api, a_post(), token="not-the-token")

    assert (result.status, result.reason) == (REJECTED, "HTTP 401 The access token is invalid")
    assert mastodon_api.statuses == []


def test_a_rate_limit_asks_to_wait_until_the_announced_reset(mastodon_api):
    mastodon_api.fail_next("rate_limited")

    result = publish(mastodon_api, a_post())

    assert result.status == RETRY
    assert 5 * 60 - 10 < result.retry_after <= 5 * 60


def test_a_server_error_is_tried_again(mastodon_api):
    mastodon_api.fail_next("server_error")

    assert publish(mastodon_api, a_post()).status == RETRY


def test_a_lost_answer_is_tried_again_and_the_key_keeps_one_status(mastodon_api, settings):
    settings.SOCIAL_TIMEOUT = 0.5
    mastodon_api.fail_next("hang")

    lost = publish(mastodon_api, a_post())
    again = publish(mastodon_api, a_post())

    assert lost.status == RETRY
    assert "Idempotency-Key" in lost.reason
    [status] = mastodon_api.statuses
    assert (again.status, again.remote_id) == (POSTED, status.id)


def test_a_text_over_500_characters_is_refused_with_mastodons_message(mastodon_api):
    taken = publish(mastodon_api, a_post("é" * 470 + f" {LINK}", key="a"))  # 470 + 1 + 23
    too_long = publish(mastodon_api, a_post("é" * 480 + f" {LINK}", key="b"))

    assert taken.status == POSTED
    assert too_long.status == REJECTED
    assert "Text character limit of 500 exceeded" in too_long.reason


def test_a_validation_error_is_refused_with_mastodons_message(mastodon_api):
    mastodon_api.fail_next("invalid")

    result = publish(mastodon_api, a_post())

    assert (result.status, result.reason) == (
        REJECTED,
        "HTTP 422 Validation failed: Text can't be blank",
    )


def test_find_finds_a_status_linking_to_the_page(mastodon_api):
    publish(mastodon_api, a_post())
    publish(
        mastodon_api, a_post("Conseil municipal jeudi. https://www.ville-test.fr/conseil/", "c")
    )

    found = get_backend(mastodon_api.account()).find(a_post())

    first = mastodon_api.statuses[0]
    assert (found.status, found.remote_id) == (POSTED, first.id)
    assert found.url == f"{mastodon_api.url}/@villedetest/{first.id}"


def test_find_says_none_when_no_recent_status_links_to_the_page(mastodon_api):
    publish(mastodon_api, a_post("Conseil municipal jeudi. https://www.ville-test.fr/conseil/"))

    assert get_backend(mastodon_api.account()).find(a_post()) is None


def test_find_cannot_tell_when_the_instance_does_not_answer(mastodon_api):
    mastodon_api.fail_next("server_error")

    result = get_backend(mastodon_api.account()).find(a_post())

    assert result.status == UNKNOWN
    assert "HTTP 503" in result.reason


def test_delete_removes_the_status_and_a_second_delete_finds_it_gone(mastodon_api):
    backend = get_backend(mastodon_api.account())
    posted = backend.publish(a_post())

    removed = backend.delete(posted.remote_id)
    again = backend.delete(posted.remote_id)

    assert (removed.status, removed.remote_id) == (REMOVED, posted.remote_id)
    assert mastodon_api.statuses == []
    assert [(r.method, r.path) for r in mastodon_api.requests[1:]] == [
        ("DELETE", f"/api/v1/statuses/{posted.remote_id}")
    ] * 2
    assert (again.status, again.reason) == (REMOVED, "already gone: HTTP 404 Record not found")


def test_a_rate_limited_delete_asks_to_wait_until_the_announced_reset(mastodon_api):
    posted = publish(mastodon_api, a_post())
    mastodon_api.fail_next("rate_limited")

    result = get_backend(mastodon_api.account()).delete(posted.remote_id)

    assert result.status == RETRY
    assert 30 * 60 - 10 < result.retry_after <= 30 * 60  # deletions: 30 per 30 minutes
    assert len(mastodon_api.statuses) == 1


def test_a_delete_with_a_wrong_token_is_refused(mastodon_api):
    posted = publish(mastodon_api, a_post())

    result = get_backend(mastodon_api.account("not-the-token")).delete(posted.remote_id)

    assert (result.status, result.reason) == (REJECTED, "HTTP 401 The access token is invalid")
    assert len(mastodon_api.statuses) == 1


def test_a_delete_whose_answer_is_lost_is_unknown(mastodon_api, settings):
    settings.SOCIAL_TIMEOUT = 0.5
    posted = publish(mastodon_api, a_post())
    mastodon_api.fail_next("hang")

    result = get_backend(mastodon_api.account()).delete(posted.remote_id)

    assert result.status == UNKNOWN
    assert mastodon_api.statuses == []  # carried out: asking again answers REMOVED
