"""Bluesky: what the backend sends to a PDS, how it keeps its session, and how a post whose
outcome was unknown is settled without posting it twice; deleting a post."""

from datetime import UTC, datetime

import pytest

from connectors.social import (
    POSTED,
    REJECTED,
    REMOVED,
    RETRY,
    UNKNOWN,
    Account,
    Image,
    Post,
    get_backend,
)
from connectors.social.backends.bluesky import TID_ALPHABET, record_key
from tests.connectors.social.fakes import bluesky as fake_pds
from tests.fakes.http_server import Answer

bluesky_api = fake_pds.bluesky_api  # the fake PDS fixture, for this module's tests

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
LINK = "https://www.ville-exemple.fr/actualites/marche-de-noel/"
DECIDED = datetime(2026, 3, 14, 10, 22, 31, 123456, tzinfo=UTC)


def account(pds, saved=None, **secrets):
    """The town's account on the fake PDS; `saved` collects what the backend saves."""
    saved = [] if saved is None else saved
    return Account(
        "bluesky",
        {"pds_url": pds.url, "handle": pds.handle},
        {"app_password": pds.app_password, **secrets},
        save_secrets=lambda kept: saved.append(dict(kept)),
    )


def post(key="page-12/bluesky/1", text=f"Marché de Noël samedi sur la place. {LINK}", **fields):
    defaults = {
        "title": "Marché de Noël",
        "description": "Les exposants, les horaires, le plan.",
        "created_at": DECIDED,
    }
    return Post(text=text, link=LINK, key=key, **{**defaults, **fields})


def publish(pds, *posts, saved=None):
    """Publish the posts one after the other through one account, as the site would."""
    town = account(pds, saved)
    return [get_backend(town).publish(each) for each in posts]


def test_an_image_is_uploaded_then_embedded_with_its_alt_text(bluesky_api):
    image = Image(PNG, "image/png", "Les chalets du marché, place de la mairie", 1200, 800)
    [result] = publish(bluesky_api, post(image=image))

    assert result.status == POSTED
    [upload] = bluesky_api.calls("com.atproto.repo.uploadBlob")
    assert (upload.headers["Content-Type"], upload.body) == ("image/png", PNG)
    [record] = bluesky_api.posts
    [embedded] = record["embed"]["images"]
    assert record["embed"]["$type"] == "app.bsky.embed.images"
    assert embedded["alt"] == "Les chalets du marché, place de la mairie"
    assert embedded["aspectRatio"] == {"width": 1200, "height": 800}
    assert embedded["image"]["mimeType"] == "image/png"
    assert (record["langs"], record["createdAt"][-1]) == (["fr"], "Z")


def test_an_empty_alt_text_is_still_sent(bluesky_api):
    [result] = publish(bluesky_api, post(image=Image(PNG, "image/png", "", 640, 480)))
    assert result.status == POSTED
    assert bluesky_api.posts[0]["embed"]["images"][0]["alt"] == ""


def test_a_post_without_image_gets_a_link_card(bluesky_api):
    [result] = publish(bluesky_api, post())

    assert result.status == POSTED
    assert not bluesky_api.calls("com.atproto.repo.uploadBlob")
    assert bluesky_api.posts[0]["embed"] == {
        "$type": "app.bsky.embed.external",
        "external": {
            "uri": LINK,
            "title": "Marché de Noël",
            "description": "Les exposants, les horaires, le plan.",
        },
    }


def test_the_result_names_the_record_and_its_public_page(bluesky_api):
    [result] = publish(bluesky_api, post())
    rkey = record_key(post())
    assert result.remote_id == f"at://{bluesky_api.did}/app.bsky.feed.post/{rkey}"
    assert result.url == f"https://bsky.app/profile/{bluesky_api.handle}/post/{rkey}"


def test_link_facets_count_utf8_bytes_after_accents_and_emoji(bluesky_api):
    text = f"Fête 🎄 à l'église : {LINK} et https://ville-exemple.fr/plan."
    [result] = publish(bluesky_api, post(text=text))

    assert result.status == POSTED  # the fake checks each facet covers its link's bytes
    facets = bluesky_api.posts[0]["facets"]
    # "Fête " is 6 bytes, the tree 4, " à l'église : " 16: the link starts at byte 26,
    # though it is the 21st character.
    assert facets[0]["index"] == {"byteStart": 26, "byteEnd": 26 + len(LINK)}
    assert [facet["features"][0]["uri"] for facet in facets] == [
        LINK,
        "https://ville-exemple.fr/plan",  # the final full stop is not part of the link
    ]


def test_the_session_is_reused_from_post_to_post(bluesky_api):
    saved = []
    posts = [post(key=f"page-{number}/bluesky/1") for number in range(3)]
    results = publish(bluesky_api, *posts, saved=saved)

    assert [result.status for result in results] == [POSTED] * 3
    assert bluesky_api.sessions_created == 1
    assert len(saved) == 1  # saved once, at login

    # A later run starts from the saved session: no new login.
    later = account(bluesky_api, **saved[-1])
    assert get_backend(later).publish(post(key="page-9/bluesky/1")).status == POSTED
    assert bluesky_api.sessions_created == 1


def test_an_expired_access_token_is_refreshed_and_saved(bluesky_api):
    saved = []
    town = account(bluesky_api, saved)
    get_backend(town).publish(post(key="page-1/bluesky/1"))
    bluesky_api.expire_access()

    result = get_backend(town).publish(post(key="page-2/bluesky/1"))

    assert result.status == POSTED
    assert (bluesky_api.sessions_created, bluesky_api.refreshes) == (1, 1)
    assert saved[-1]["access_jwt"] != saved[0]["access_jwt"]
    assert saved[-1]["refresh_jwt"] != saved[0]["refresh_jwt"]
    assert town.secrets == saved[-1]
    assert len(bluesky_api.posts) == 2


def test_a_refused_refresh_token_means_logging_in_again(bluesky_api):
    saved = []
    town = account(bluesky_api, saved)
    get_backend(town).publish(post(key="page-1/bluesky/1"))
    bluesky_api.expire_session()

    result = get_backend(town).publish(post(key="page-2/bluesky/1"))

    assert result.status == POSTED
    assert (bluesky_api.sessions_created, bluesky_api.refreshes) == (2, 0)
    assert saved[-1]["access_jwt"] == town.secrets["access_jwt"]


def test_a_wrong_app_password_is_rejected(bluesky_api):
    town = account(bluesky_api)
    town.secrets["app_password"] = "wrong-pass-word-1234"
    result = get_backend(town).publish(post())
    assert result.status == REJECTED
    assert "Invalid identifier or password" in result.reason


def test_a_rate_limit_asks_to_retry_after_the_announced_wait(bluesky_api):
    bluesky_api.fail_next("rate_limited")
    [result] = publish(bluesky_api, post())

    assert result.status == RETRY
    assert result.retry_after == pytest.approx(1, abs=0.5)
    assert "RateLimitExceeded" in result.reason
    assert not bluesky_api.posts


def test_a_server_error_before_the_post_asks_to_retry(bluesky_api):
    bluesky_api.fail_next("server_error")
    [result] = publish(bluesky_api, post(image=Image(PNG, "image/png", "", 10, 10)))
    assert result.status == RETRY


def test_a_post_whose_answer_was_lost_is_found_and_not_posted_twice(bluesky_api, settings):
    settings.SOCIAL_TIMEOUT = 0.5
    town = account(bluesky_api)
    get_backend(town).publish(post(key="page-1/bluesky/1"))  # logs in
    bluesky_api.fail_next("hang")  # the PDS takes the record, its answer never comes

    lost = get_backend(town).publish(post())
    assert lost.status == UNKNOWN

    found = get_backend(town).find(post())
    assert found.status == POSTED
    assert found.url.endswith(f"/post/{record_key(post())}")

    again = get_backend(town).publish(post())
    assert (again.status, again.remote_id) == (POSTED, found.remote_id)
    assert len(bluesky_api.posts) == 2


@pytest.mark.parametrize(
    "collision",
    [
        None,  # the fake's 400 RecordAlreadyExists
        Answer(500, {"error": "InternalServerError", "message": "Internal Server Error"}),
    ],
)
def test_a_repeated_post_collides_and_is_reported_posted(bluesky_api, collision):
    if collision:
        bluesky_api.collision = collision
    first, second = publish(bluesky_api, post(), post())
    assert second.status == POSTED
    assert second.remote_id == first.remote_id
    assert len(bluesky_api.posts) == 1


def test_find_answers_none_for_a_post_never_made(bluesky_api):
    assert get_backend(account(bluesky_api)).find(post()) is None
    assert bluesky_api.sessions_created == 0  # getRecord needs no session


def test_find_cannot_tell_when_the_pds_fails(bluesky_api):
    bluesky_api.fail_next("server_error")
    assert get_backend(account(bluesky_api)).find(post()).status == UNKNOWN


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("é" * 290 + f" {LINK}", "300 graphemes"),
        ("👨‍👩‍👧" * 180, "3000 characters"),  # 180 graphemes, 18 bytes each
    ],
)
def test_a_text_over_the_limits_is_rejected_with_the_pds_message(bluesky_api, text, limit):
    [result] = publish(bluesky_api, post(text=text))

    assert result.status == REJECTED
    assert "HTTP 400 InvalidRequest Invalid app.bsky.feed.post record" in result.reason
    assert limit in result.reason
    assert not bluesky_api.posts


def test_a_record_the_pds_refuses_is_rejected(bluesky_api):
    town = account(bluesky_api)
    get_backend(town).publish(post(key="page-1/bluesky/1"))
    bluesky_api.fail_next("invalid")
    result = get_backend(town).publish(post())
    assert result.status == REJECTED
    assert "must not be longer than 300 graphemes" in result.reason


def test_record_keys_are_tids_stable_for_one_post_and_distinct_between_posts():
    key = record_key(post())
    assert len(key) == 13
    assert key[0] in "234567abcdefghij"
    assert set(key) <= set(TID_ALPHABET)
    assert record_key(post()) == key
    assert record_key(post(key="page-13/bluesky/1")) != key
    assert record_key(post(created_at=None)) == record_key(post(created_at=None))
    # The time is the post's: its microseconds are the TID's upper bits.
    value = 0
    for character in key:
        value = value * 32 + TID_ALPHABET.index(character)
    assert value >> 10 == int(DECIDED.timestamp()) * 1_000_000 + DECIDED.microsecond


def test_tids_sort_as_their_times():
    earlier = record_key(post(created_at=datetime(2025, 1, 1, tzinfo=UTC)))
    later = record_key(post(created_at=datetime(2026, 1, 1, tzinfo=UTC)))
    assert earlier < later


def published(pds):
    """The town's account on the fake PDS, and its post's AT URI (the session is kept)."""
    town = account(pds)
    return town, get_backend(town).publish(post()).remote_id


def test_delete_removes_the_record_with_the_kept_session(bluesky_api):
    town, uri = published(bluesky_api)

    result = get_backend(town).delete(uri)

    assert (result.status, result.remote_id) == (REMOVED, uri)
    assert bluesky_api.posts == []
    [call] = bluesky_api.calls("com.atproto.repo.deleteRecord")
    assert call.json() == {
        "repo": bluesky_api.did,
        "collection": "app.bsky.feed.post",
        "rkey": record_key(post()),
    }
    assert bluesky_api.sessions_created == 1


def test_deleting_a_record_already_gone_succeeds(bluesky_api):
    town, uri = published(bluesky_api)
    get_backend(town).delete(uri)

    assert get_backend(town).delete(uri).status == REMOVED


def test_delete_refreshes_an_expired_access_token(bluesky_api):
    town, uri = published(bluesky_api)
    bluesky_api.expire_access()

    result = get_backend(town).delete(uri)

    assert result.status == REMOVED
    assert (bluesky_api.sessions_created, bluesky_api.refreshes) == (1, 1)
    assert bluesky_api.posts == []


def test_a_rate_limited_delete_asks_to_retry_after_the_announced_wait(bluesky_api):
    town, uri = published(bluesky_api)
    bluesky_api.fail_next("rate_limited")

    result = get_backend(town).delete(uri)

    assert result.status == RETRY
    assert result.retry_after == pytest.approx(1, abs=0.5)
    assert len(bluesky_api.posts) == 1


def test_a_delete_with_a_refused_session_and_password_is_rejected(bluesky_api):
    _, uri = published(bluesky_api)
    town = account(bluesky_api, access_jwt="forged", refresh_jwt="forged", did=bluesky_api.did)
    town.secrets["app_password"] = "wrong-pass-word-1234"

    result = get_backend(town).delete(uri)

    assert result.status == REJECTED
    assert "Invalid identifier or password" in result.reason
    assert len(bluesky_api.posts) == 1


def test_a_delete_whose_answer_is_lost_is_unknown(bluesky_api, settings):
    settings.SOCIAL_TIMEOUT = 0.5
    town, uri = published(bluesky_api)
    bluesky_api.fail_next("hang")

    result = get_backend(town).delete(uri)

    assert result.status == UNKNOWN
    assert bluesky_api.posts == []  # carried out: asking again answers REMOVED


def test_deleting_something_that_is_not_a_posts_uri_is_rejected(bluesky_api):
    result = get_backend(account(bluesky_api)).delete("https://bsky.app/profile/x/post/y")

    assert result.status == REJECTED
    assert not bluesky_api.requests
