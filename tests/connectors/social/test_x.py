"""The X backend against the local fake X API (tests/connectors/social/fakes/x.py): the image,
its alt text and the post; the OAuth 1.0a signature; what each failure means for the post;
find() after a lost answer; deleting a post."""

from __future__ import annotations

import pytest

from connectors.social import POSTED, REJECTED, REMOVED, RETRY, UNKNOWN, Post, get_backend
from tests.connectors.social.fakes import sample_image
from tests.connectors.social.fakes import x as fake_x
from tests.fakes.http_server import Answer

x_api = fake_x.x_api  # the fixture, for this module's tests
LINK = "https://www.ville-test.fr/actualites/marche-de-noel/"


def a_post(text: str = "", **fields) -> Post:
    """A post of the Christmas market page."""
    text = text or f"Le marché de Noël ouvre samedi sur la place de la mairie. {LINK}"
    return Post(text, LINK, "page-12-x-1", **fields)


def publish(api, post: Post, **secrets: str):
    return get_backend(api.account(**secrets)).publish(post)


def test_an_image_is_uploaded_with_its_alt_text_then_posted_with_it(x_api):
    image = sample_image()

    result = publish(x_api, a_post(image=image))

    assert result.status == POSTED
    [post] = x_api.posts
    [media_id] = post.media_ids
    assert (result.remote_id, result.url) == (
        post.id,
        f"https://x.com/VilleDeTest/status/{post.id}",
    )
    assert post.alt_texts == [image.alt]
    assert x_api.media[media_id].content_type == "image/png"
    paths = [request.path for request in x_api.requests]
    assert paths == ["/2/media/upload", "/2/media/metadata", "/2/tweets"]


def test_a_long_alt_text_is_cut_to_xs_limit_and_an_empty_one_is_not_sent(x_api):
    publish(x_api, a_post(image=sample_image("Une très longue description. " * 50)))
    publish(x_api, a_post("Un autre texte.", image=sample_image("")))

    assert [len(post.alt_texts[0]) for post in x_api.posts] == [1000, 0]
    assert [r.path for r in x_api.requests].count("/2/media/metadata") == 1


def test_a_post_without_image_is_one_call_and_its_address_needs_no_username(x_api):
    account = x_api.account()
    account.settings = {}

    result = get_backend(account).publish(a_post())

    assert result.url == f"https://x.com/i/web/status/{result.remote_id}"
    assert [request.path for request in x_api.requests] == ["/2/tweets"]


@pytest.mark.parametrize("secret", ["consumer_secret", "access_token_secret"])
def test_a_request_signed_with_a_wrong_secret_is_refused(x_api, secret):
    result = publish(x_api, a_post(), **{secret: "not-the-secret"})

    assert (result.status, result.reason) == (REJECTED, "HTTP 401 Unauthorized")
    assert x_api.posts == []


def test_an_expired_token_is_refused(x_api):
    x_api.fail_next("expired_token")

    assert publish(x_api, a_post()).status == REJECTED


def test_a_rate_limit_asks_to_wait_until_xs_reset(x_api):
    x_api.fail_next("rate_limited")

    result = publish(x_api, a_post())

    assert result.status == RETRY
    assert 15 * 60 - 10 < result.retry_after <= 15 * 60
    assert "Rate limit exceeded" in result.reason


def test_a_server_error_is_tried_again(x_api):
    x_api.fail_next("server_error")

    assert publish(x_api, a_post()).status == RETRY


def test_a_lost_answer_leaves_the_post_unknown_and_find_finds_it(x_api, settings):
    settings.SOCIAL_TIMEOUT = 0.5
    x_api.fail_next("hang")
    backend = get_backend(x_api.account())

    result = backend.publish(a_post())
    found = backend.find(a_post())

    assert result.status == UNKNOWN
    [post] = x_api.posts
    assert (found.status, found.remote_id) == (POSTED, post.id)
    assert found.url == f"https://x.com/VilleDeTest/status/{post.id}"


def test_a_lost_answer_during_the_upload_is_tried_again(x_api, settings):
    settings.SOCIAL_TIMEOUT = 0.5
    x_api.fail_next("hang")

    result = publish(x_api, a_post(image=sample_image()))

    assert result.status == RETRY
    assert "the post itself was not sent" in result.reason
    assert x_api.posts == []


def test_the_same_text_twice_is_refused_as_a_duplicate(x_api):
    publish(x_api, a_post())

    result = publish(x_api, a_post())

    assert result.status == REJECTED
    assert "duplicate content" in result.reason
    assert len(x_api.posts) == 1


def test_a_text_over_280_weighted_characters_is_refused_with_xs_message(x_api):
    result = publish(x_api, a_post("Î" * 250 + f" {LINK}"))  # 250 + 1 + 23 = 274: taken
    too_long = publish(x_api, a_post("中" * 130 + f" {LINK}"))  # 260 + 1 + 23 = 284

    assert result.status == POSTED
    assert too_long.status == REJECTED
    assert "Your Post text is too long." in too_long.reason


def test_an_invalid_request_is_refused_with_xs_message(x_api):
    x_api.fail_next("invalid")

    result = publish(x_api, a_post())

    assert result.status == REJECTED
    assert "Invalid Request" in result.reason
    assert "The request was invalid." in result.reason


def test_find_says_none_when_no_recent_post_links_to_the_page(x_api):
    publish(x_api, a_post("Conseil municipal jeudi. https://www.ville-test.fr/conseil/"))

    assert get_backend(x_api.account()).find(a_post()) is None


def test_find_asks_who_the_account_is_once(x_api):
    backend = get_backend(x_api.account())

    backend.find(a_post())
    backend.find(a_post())

    assert [r.path for r in x_api.requests].count("/2/users/me") == 1


def test_find_cannot_tell_when_x_does_not_answer(x_api):
    x_api.fail_next("server_error")

    result = get_backend(x_api.account()).find(a_post())

    assert result.status == UNKNOWN
    assert "HTTP 503" in result.reason


def test_delete_removes_the_post_and_a_second_delete_finds_it_gone(x_api):
    backend = get_backend(x_api.account())
    posted = backend.publish(a_post())

    removed = backend.delete(posted.remote_id)
    again = backend.delete(posted.remote_id)

    assert (removed.status, removed.remote_id) == (REMOVED, posted.remote_id)
    assert x_api.posts == []
    assert [(r.method, r.path) for r in x_api.requests[1:]] == [
        ("DELETE", f"/2/tweets/{posted.remote_id}")
    ] * 2  # signed as any call: the fake checks the signature
    assert again.status == REMOVED
    assert again.reason == "already gone: HTTP 404 Not Found Error " + (
        f"Could not find tweet with id: [{posted.remote_id}]."
    )


def test_a_rate_limited_delete_asks_to_wait_until_xs_reset(x_api):
    posted = publish(x_api, a_post())
    x_api.fail_next("rate_limited")

    result = get_backend(x_api.account()).delete(posted.remote_id)

    assert result.status == RETRY
    assert 15 * 60 - 10 < result.retry_after <= 15 * 60
    assert len(x_api.posts) == 1


def test_a_delete_signed_with_a_wrong_secret_is_refused(x_api):
    posted = publish(x_api, a_post())

    result = get_backend(x_api.account(access_token_secret="not-the-secret")).delete(
        posted.remote_id
    )

    assert (result.status, result.reason) == (REJECTED, "HTTP 401 Unauthorized")
    assert len(x_api.posts) == 1


def test_a_delete_whose_answer_is_lost_is_unknown(x_api, settings):
    settings.SOCIAL_TIMEOUT = 0.5
    posted = publish(x_api, a_post())
    x_api.fail_next("hang")

    result = get_backend(x_api.account()).delete(posted.remote_id)

    assert result.status == UNKNOWN
    assert x_api.posts == []  # carried out: asking again answers REMOVED


def test_a_delete_x_does_not_confirm_is_unknown(x_api, monkeypatch):
    posted = publish(x_api, a_post())
    monkeypatch.setattr(x_api, "delete", lambda request: Answer(200, {"data": {"deleted": False}}))

    result = get_backend(x_api.account()).delete(posted.remote_id)

    assert (result.status, result.reason) == (UNKNOWN, "X answered without confirming the deletion")
