"""Facebook Pages: what the Graph API is sent, and what each of its answers becomes."""

import pytest

from connectors.social import (
    POSTED,
    REJECTED,
    REMOVED,
    RETRY,
    UNKNOWN,
    Image,
    Post,
    get_backend,
)
from tests.connectors.social.fakes.facebook import facebook_api_fixture  # noqa: F401

LINK = "https://ville.example/actualites/fete-de-la-musique/"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def post(link: str = LINK, image: Image | None = None) -> Post:
    return Post(f"Fête de la musique (Mairie) #info {link}", link, "page-1-facebook", image=image)


def photo(alt: str) -> Image:
    return Image(PNG, "image/png", alt, 1200, 630, "affiche.png")


def publish(api, news: Post):
    return get_backend(api.account()).publish(news)


def test_a_post_without_image_is_its_text_and_link_on_the_page_feed(facebook_api):
    result = publish(facebook_api, post())
    [taken] = facebook_api.posts
    assert (taken.message, taken.link, taken.photo) == (post().text, LINK, b"")
    assert (result.status, result.remote_id) == (POSTED, taken.id)
    assert result.url == taken.permalink_url
    [feed_call, permalink_call] = facebook_api.requests
    assert feed_call.form()["access_token"] == [facebook_api.page_token]
    assert permalink_call.query["fields"] == ["permalink_url"]


def test_an_image_is_uploaded_with_its_alt_text_and_the_text_as_caption(facebook_api):
    result = publish(facebook_api, post(image=photo("Affiche : concert place de la Mairie")))
    [taken] = facebook_api.posts
    assert taken.photo == PNG
    assert taken.alt_text == "Affiche : concert place de la Mairie"
    assert taken.message == post().text
    # The Page post that shows the photo, not the photo itself.
    assert (result.status, result.remote_id, result.url) == (POSTED, taken.id, taken.permalink_url)


def test_an_image_without_alt_text_is_sent_without_one(facebook_api):
    assert publish(facebook_api, post(image=photo(""))).status == POSTED
    assert b"alt_text_custom" not in facebook_api.requests[0].body


def test_a_post_whose_permalink_cannot_be_read_is_posted_without_url(facebook_api):
    facebook_api.fail_reads("server_error")
    result = publish(facebook_api, post())
    assert (result.status, result.url) == (POSTED, "")
    assert result.remote_id == facebook_api.posts[0].id


def test_a_wrong_token_is_rejected_and_never_written_in_the_reason(facebook_api):
    account = facebook_api.account()
    account.secrets["page_access_token"] = "EAAwrong"
    result = get_backend(account).publish(post())
    assert result.status == REJECTED
    assert "token expired or invalid" in result.reason and "code 190" in result.reason
    assert "EAAwrong" not in result.reason
    assert not facebook_api.posts


def test_an_expired_token_is_rejected_with_the_graph_api_message(facebook_api):
    facebook_api.fail_next("expired_token")
    result = publish(facebook_api, post())
    assert result.status == REJECTED
    assert "token expired or invalid" in result.reason
    assert "Session has expired" in result.reason


@pytest.mark.parametrize(
    ("kind", "status", "code", "wait"),
    [("rate_limited", 400, 32, 180.0), ("app_rate_limited", 403, 4, None)],
)
def test_throttling_is_retried_after_the_time_to_regain_access(
    facebook_api,
    kind,
    status,
    code,
    wait,
):
    facebook_api.fail_next(kind)
    result = publish(facebook_api, post())
    assert (result.status, result.retry_after) == (RETRY, wait)
    assert f"HTTP {status}" in result.reason and f"code {code}" in result.reason
    assert not facebook_api.posts


def test_a_transient_server_error_is_retried(facebook_api):
    facebook_api.fail_next("server_error")
    result = publish(facebook_api, post())
    assert result.status == RETRY
    assert "HTTP 500" in result.reason and "code 2" in result.reason


def test_no_answer_within_the_timeout_is_unknown(facebook_api, settings):
    settings.SOCIAL_TIMEOUT = 0.5
    facebook_api.fail_next("hang")
    assert publish(facebook_api, post()).status == UNKNOWN


def test_a_refused_parameter_is_rejected_with_the_graph_api_message(facebook_api):
    facebook_api.fail_next("invalid")
    result = publish(facebook_api, post())
    assert result.status == REJECTED
    assert result.reason == "HTTP 400 code 100 (#100) The parameter message is invalid."


def test_find_tells_a_post_on_the_page_from_one_that_is_not(facebook_api):
    backend = get_backend(facebook_api.account())
    backend.publish(post(image=photo("Affiche")))
    backend.publish(post(link="https://ville.example/actualites/autre/"))
    [photo_post, _] = facebook_api.posts
    found = backend.find(post())
    assert (found.status, found.remote_id, found.url) == (
        POSTED,
        photo_post.id,
        photo_post.permalink_url,
    )
    assert backend.find(post(link="https://ville.example/actualites/jamais/")) is None


def test_find_cannot_tell_when_the_feed_cannot_be_read(facebook_api):
    facebook_api.fail_reads("rate_limited")
    result = get_backend(facebook_api.account()).find(post())
    assert result.status == UNKNOWN
    assert "code 32" in result.reason


# delete() ---------------------------------------------------------------------------------


@pytest.mark.parametrize("image", [None, photo("Affiche")])
def test_delete_takes_the_published_post_off_the_page(facebook_api, image):
    backend = get_backend(facebook_api.account())
    published = backend.publish(post(image=image))
    result = backend.delete(published.remote_id)
    assert (result.status, result.remote_id) == (REMOVED, published.remote_id)
    assert not facebook_api.posts
    deletion = facebook_api.requests[-1]
    assert (deletion.method, deletion.path) == ("DELETE", f"/v23.0/{published.remote_id}")
    assert deletion.query["access_token"] == [facebook_api.page_token]


def test_a_post_already_deleted_is_removed(facebook_api):
    backend = get_backend(facebook_api.account())
    remote_id = backend.publish(post()).remote_id
    backend.delete(remote_id)
    result = backend.delete(remote_id)
    assert (result.status, result.remote_id) == (REMOVED, remote_id)
    assert "already gone" in result.reason and "code 100" in result.reason


def test_a_throttled_delete_is_retried_after_the_time_to_regain_access(facebook_api):
    backend = get_backend(facebook_api.account())
    remote_id = backend.publish(post()).remote_id
    facebook_api.fail_next("rate_limited")
    result = backend.delete(remote_id)
    assert (result.status, result.retry_after) == (RETRY, 180.0)
    assert len(facebook_api.posts) == 1


def test_a_delete_with_a_wrong_token_is_rejected(facebook_api):
    remote_id = publish(facebook_api, post()).remote_id
    account = facebook_api.account()
    account.secrets["page_access_token"] = "EAAwrong"
    result = get_backend(account).delete(remote_id)
    assert result.status == REJECTED
    assert "code 190" in result.reason and "EAAwrong" not in result.reason
    assert len(facebook_api.posts) == 1


def test_a_refused_delete_parameter_is_rejected_not_removed(facebook_api):
    """Code 100 without subcode 33 is a refused call, not a post that is gone."""
    remote_id = publish(facebook_api, post()).remote_id
    facebook_api.fail_next("invalid")
    assert get_backend(facebook_api.account()).delete(remote_id).status == REJECTED


def test_a_delete_without_answer_within_the_timeout_is_unknown(facebook_api, settings):
    remote_id = publish(facebook_api, post()).remote_id
    settings.SOCIAL_TIMEOUT = 0.5
    facebook_api.fail_next("hang")
    assert get_backend(facebook_api.account()).delete(remote_id).status == UNKNOWN
