"""LinkedIn: what the Posts and Images APIs are sent, the refreshed token, and what each
answer becomes."""

from datetime import UTC, datetime, timedelta

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
from connectors.social.backends import linkedin
from tests.connectors.social.fakes.linkedin import linkedin_api_fixture  # noqa: F401

LINK = "https://ville.example/actualites/fete_de_la_musique/"
TEXT = f"Fête de la musique (Mairie) #info {LINK}"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def post(text: str = TEXT, link: str = LINK, image: Image | None = None) -> Post:
    return Post(
        text,
        link,
        "page-1-linkedin",
        title="Fête de la musique",
        description="Concerts place de la Mairie",
        image=image,
    )


def photo(alt: str = "Affiche : concert place de la Mairie") -> Image:
    return Image(PNG, "image/png", alt, 1200, 627, "affiche.png")


def test_a_post_without_image_is_its_escaped_text_and_a_link_card(linkedin_api):
    result = get_backend(linkedin_api.account()).publish(post())
    [taken] = linkedin_api.posts
    # "(Mairie) #info" and the link's "_" reach LinkedIn escaped, and show as written.
    assert taken.commentary.startswith(r"Fête de la musique \(Mairie\) \#info")
    assert taken.text == TEXT
    assert taken.article == {
        "source": LINK,
        "title": "Fête de la musique",
        "description": "Concerts place de la Mairie",
    }
    assert (result.status, result.remote_id) == (POSTED, taken.urn)
    assert result.url == f"https://www.linkedin.com/feed/update/{taken.urn}/"


def test_an_image_is_uploaded_then_posted_with_its_alt_text(linkedin_api):
    result = get_backend(linkedin_api.account()).publish(post(image=photo()))
    [taken] = linkedin_api.posts
    assert taken.media["altText"] == "Affiche : concert place de la Mairie"
    assert linkedin_api.images[taken.media["id"]] == PNG
    assert "article" not in taken.content
    upload = next(r for r in linkedin_api.requests if r.method == "PUT")
    assert upload.headers["Authorization"] == f"Bearer {linkedin_api.access_token}"
    assert upload.headers["Content-Type"] == "image/png"
    assert result.status == POSTED


def test_an_image_without_alt_text_is_posted_without_one(linkedin_api):
    get_backend(linkedin_api.account()).publish(post(image=photo(alt="")))
    assert "altText" not in linkedin_api.posts[0].media


def test_every_api_call_carries_the_token_version_and_protocol(linkedin_api, settings):
    get_backend(linkedin_api.account()).publish(post(image=photo()))
    api_calls = [r for r in linkedin_api.requests if r.path.startswith("/rest/")]
    assert [r.path for r in api_calls] == ["/rest/images", "/rest/posts"]
    for call in api_calls:
        assert call.headers["Authorization"] == f"Bearer {linkedin_api.access_token}"
        assert call.headers["LinkedIn-Version"] == settings.SOCIAL_LINKEDIN_VERSION
        assert call.headers["X-Restli-Protocol-Version"] == "2.0.0"


def test_unescaped_reserved_characters_are_refused_by_the_fake(linkedin_api, monkeypatch):
    """The real API would cut the post at "(": the fake refuses it, so escaping is tested."""
    monkeypatch.setattr(linkedin, "escape_little", lambda text: text)
    result = get_backend(linkedin_api.account()).publish(post())
    assert result.status == REJECTED
    assert "HTTP 400" in result.reason and "Unescaped reserved character '('" in result.reason


def test_a_commentary_over_3000_characters_is_rejected_with_the_api_message(linkedin_api):
    result = get_backend(linkedin_api.account()).publish(post(text="a" * 3001 + " " + LINK))
    assert result.status == REJECTED
    assert "exceeded the maximum allowed (3000 characters)" in result.reason


def test_a_retired_version_tells_the_deployer_which_setting_to_update(linkedin_api, settings):
    settings.SOCIAL_LINKEDIN_VERSION = "202401"
    result = get_backend(linkedin_api.account()).publish(post())
    assert result.status == REJECTED
    assert "HTTP 426" in result.reason and "SOCIAL_LINKEDIN_VERSION" in result.reason
    assert "Requested version 202401 is not active" in result.reason


@pytest.mark.parametrize("kind", ["rate_limited", "server_error"])
def test_throttling_and_server_errors_are_retried(linkedin_api, kind):
    linkedin_api.fail_next(kind)
    result = get_backend(linkedin_api.account()).publish(post(image=photo()))
    assert result.status == RETRY
    assert not linkedin_api.posts


def test_no_answer_within_the_timeout_is_unknown(linkedin_api, settings):
    settings.SOCIAL_TIMEOUT = 0.5
    linkedin_api.fail_next("hang")
    assert get_backend(linkedin_api.account()).publish(post()).status == UNKNOWN


def test_a_refused_post_is_rejected_with_the_api_message(linkedin_api):
    linkedin_api.fail_next("invalid")
    result = get_backend(linkedin_api.account()).publish(post())
    assert result.status == REJECTED
    assert "HTTP 422" in result.reason and "Content is a duplicate" in result.reason


# Tokens -----------------------------------------------------------------------------------


@pytest.mark.parametrize("image", [None, photo()])
def test_an_expired_token_is_refreshed_saved_and_the_post_made_once(linkedin_api, image):
    saved = []
    account = linkedin_api.account(save_secrets=lambda secrets: saved.append(dict(secrets)))
    linkedin_api.expire_token()
    result = get_backend(account).publish(post(image=image))
    assert result.status == POSTED
    assert len(linkedin_api.posts) == 1
    [secrets] = saved
    assert secrets["access_token"] == linkedin_api.access_token
    assert secrets["refresh_token"] == linkedin_api.refresh_token
    expires_at = datetime.fromisoformat(secrets["expires_at"])
    assert abs(expires_at - (datetime.now(UTC) + timedelta(days=60))) < timedelta(minutes=1)
    assert get_backend(account).token_expires_at() == expires_at


def test_the_token_is_refreshed_once_only(linkedin_api):
    linkedin_api.fail_next("expired_token", count=2)
    result = get_backend(linkedin_api.account()).publish(post())
    assert result.status == REJECTED
    assert "token expired" in result.reason
    refreshes = [r for r in linkedin_api.requests if r.path == "/oauth/v2/accessToken"]
    assert len(refreshes) == 1
    assert not linkedin_api.posts


def test_an_expired_token_without_refresh_token_is_rejected(linkedin_api):
    account = linkedin_api.account(refreshable=False)
    linkedin_api.expire_token()
    result = get_backend(account).publish(post())
    assert result.status == REJECTED
    assert result.reason == "HTTP 401 token expired: The token used in the request has expired"
    assert all(r.path != "/oauth/v2/accessToken" for r in linkedin_api.requests)


def test_a_refused_refresh_is_rejected_without_the_secrets(linkedin_api):
    saved = []
    account = linkedin_api.account(save_secrets=saved.append)
    account.secrets["refresh_token"] = "AQWrevoked"
    linkedin_api.expire_token()
    result = get_backend(account).publish(post())
    assert result.status == REJECTED
    assert "refresh refused" in result.reason and "invalid_request" in result.reason
    assert "AQWrevoked" not in result.reason and linkedin_api.client_secret not in result.reason
    assert not saved


def test_the_token_end_is_read_from_the_secrets(linkedin_api):
    account = linkedin_api.account()
    assert get_backend(account).token_expires_at() == datetime(2027, 2, 1, 10, tzinfo=UTC)
    del account.secrets["expires_at"]
    assert get_backend(account).token_expires_at() is None


# find() -----------------------------------------------------------------------------------


def test_find_tells_a_post_on_the_page_from_one_that_is_not(linkedin_api):
    backend = get_backend(linkedin_api.account())
    # With an image there is no link card: the link is found in the escaped commentary.
    backend.publish(post(image=photo()))
    conseil = "https://ville.example/conseil/"
    backend.publish(post(text=f"Conseil municipal {conseil}", link=conseil))
    [fete, _] = linkedin_api.posts
    found = backend.find(post())
    assert (found.status, found.remote_id) == (POSTED, fete.urn)
    assert found.url == f"https://www.linkedin.com/feed/update/{fete.urn}/"
    assert backend.find(post(link="https://ville.example/actualites/jamais/")) is None
    finder = next(r for r in linkedin_api.requests if r.method == "GET")
    assert finder.headers["X-RestLi-Method"] == "FINDER"
    assert finder.query == {
        "q": ["author"],
        "author": [linkedin_api.organisation],
        "count": ["20"],
    }


def test_find_cannot_tell_when_the_posts_cannot_be_read(linkedin_api):
    linkedin_api.fail_next("server_error")
    result = get_backend(linkedin_api.account()).find(post())
    assert result.status == UNKNOWN
    assert "HTTP 500" in result.reason


# delete() ---------------------------------------------------------------------------------


def test_delete_takes_the_published_post_off_the_page(linkedin_api, settings):
    backend = get_backend(linkedin_api.account())
    published = backend.publish(post(image=photo()))
    result = backend.delete(published.remote_id)
    assert (result.status, result.remote_id) == (REMOVED, published.remote_id)
    assert not linkedin_api.posts
    deletion = linkedin_api.requests[-1]
    encoded = published.remote_id.replace(":", "%3A")
    assert (deletion.method, deletion.path) == ("DELETE", f"/rest/posts/{encoded}")
    assert deletion.headers["X-RestLi-Method"] == "DELETE"
    assert deletion.headers["Authorization"] == f"Bearer {linkedin_api.access_token}"
    assert deletion.headers["LinkedIn-Version"] == settings.SOCIAL_LINKEDIN_VERSION
    assert deletion.headers["X-Restli-Protocol-Version"] == "2.0.0"


def test_a_post_already_deleted_or_unknown_is_removed(linkedin_api):
    backend = get_backend(linkedin_api.account())
    urn = backend.publish(post()).remote_id
    backend.delete(urn)
    assert backend.delete(urn).status == REMOVED  # 204 again: deletions are idempotent
    unknown = backend.delete("urn:li:share:7000000000000000000")  # 404
    assert unknown.status == REMOVED and "already gone" in unknown.reason


@pytest.mark.parametrize(("kind", "status"), [("rate_limited", 429), ("server_error", 500)])
def test_a_throttled_or_failed_delete_is_retried(linkedin_api, kind, status):
    backend = get_backend(linkedin_api.account())
    urn = backend.publish(post()).remote_id
    linkedin_api.fail_next(kind)
    result = backend.delete(urn)
    assert result.status == RETRY and f"HTTP {status}" in result.reason
    assert len(linkedin_api.posts) == 1


def test_a_delete_with_an_unknown_token_is_rejected(linkedin_api):
    urn = get_backend(linkedin_api.account()).publish(post()).remote_id
    account = linkedin_api.account(refreshable=False)
    account.secrets["access_token"] = "AQVwrong"
    result = get_backend(account).delete(urn)
    assert result.status == REJECTED
    assert "HTTP 401" in result.reason and "AQVwrong" not in result.reason
    assert len(linkedin_api.posts) == 1


def test_a_delete_with_a_retired_version_is_rejected(linkedin_api, settings):
    urn = get_backend(linkedin_api.account()).publish(post()).remote_id
    settings.SOCIAL_LINKEDIN_VERSION = "202401"
    result = get_backend(linkedin_api.account()).delete(urn)
    assert result.status == REJECTED and "SOCIAL_LINKEDIN_VERSION" in result.reason


def test_a_delete_without_answer_within_the_timeout_is_unknown(linkedin_api, settings):
    urn = get_backend(linkedin_api.account()).publish(post()).remote_id
    settings.SOCIAL_TIMEOUT = 0.5
    linkedin_api.fail_next("hang")
    assert get_backend(linkedin_api.account()).delete(urn).status == UNKNOWN


def test_a_delete_with_an_expired_token_refreshes_it_and_deletes(linkedin_api):
    saved = []
    account = linkedin_api.account(save_secrets=saved.append)
    urn = get_backend(account).publish(post()).remote_id
    linkedin_api.expire_token()
    result = get_backend(account).delete(urn)
    assert result.status == REMOVED
    assert not linkedin_api.posts
    assert saved and account.secrets["access_token"] == linkedin_api.access_token
    refreshes = [r for r in linkedin_api.requests if r.path == "/oauth/v2/accessToken"]
    assert len(refreshes) == 1
