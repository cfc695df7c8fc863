"""X (formerly Twitter): one post through the X API v2, with its image and the image's alt text.

Signing and sending. The account signs with OAuth 1.0a user context, and tweepy computes the
signature: `OAuth1UserHandler(...).apply_auth()` gives requests-oauthlib's OAuth1, which
signs the method, the URL with its query and the oauth_* parameters (JSON and multipart bodies
are not signed, RFC 5849 §3.4.1.3.1). The requests themselves go through requests
(connectors.social.http.send), not through tweepy.Client, because Client.request hardcodes the
host https://api.twitter.com: it could reach neither SOCIAL_X_API_URL (https://api.x.com, or
the local fake in tests) nor X's v2 media endpoints, which Client does not have; and send()
gives the one-attempt classification every backend shares.

Calls (/work/shared/reference/api-contracts.md §1; XSPEC = X's OpenAPI v2.167):
- POST /2/media/upload, multipart `media` + `media_category=tweet_image` → 200 {data: {id}}.
  An image is taken at once; `processing_info` (then polling) concerns videos and GIFs, which
  this backend never sends.
- POST /2/media/metadata {"id", "metadata": {"alt_text": {"text"}}}: alt text ≤ 1000.
- POST /2/tweets {"text", "media": {"media_ids": [id]}} → 201 {data: {id, text}}.
- DELETE /2/tweets/{id} → 200 {data: {deleted: true}} (XSPEC deletePosts, DeletePostsResponse;
  OAuth 1.0a user context allowed; 50 calls per user and 15 minutes, X's rate-limit table).
- Errors: Problem Details (title, detail) and/or {"errors": [{"message"}]}; 429 with
  x-rate-limit-reset (epoch seconds).

X has no idempotency key. A post whose answer was lost is UNKNOWN, and `find()` looks for the
page's link among the account's latest posts. A text X already has is refused with 403
"duplicate content" (observed, not in X's docs): that is REJECTED with X's reason, as X does
not give the earlier post's id.
"""

from __future__ import annotations

from urllib.parse import quote

import requests
import tweepy
from django.conf import settings

from ..base import POSTED, REMOVED, UNKNOWN, Image, Post, Result, SocialBackend, short_reason
from ..http import CallFailed, failure, json_body, repeatable, send, session

ALT_TEXT_LENGTH = 1000  # XSPEC CreateMediaMetadataMetadataAltText.text maxLength
RECENT_POSTS = 20  # find() looks at this many of the account's latest posts (X allows 5..100)


class XBackend(SocialBackend):
    """Posts on X with the account's OAuth 1.0a user tokens.

    Account.secrets: consumer_key, consumer_secret, access_token, access_token_secret (they do
    not expire). Account.settings: username, for the post's public address."""

    network = "x"

    def __init__(self, account):
        super().__init__(account)
        secrets = account.secrets
        self.http = session()
        self.http.auth = tweepy.OAuth1UserHandler(
            secrets.get("consumer_key", ""),
            secrets.get("consumer_secret", ""),
            secrets.get("access_token", ""),
            secrets.get("access_token_secret", ""),
        ).apply_auth()
        self.user_id = ""  # the account's X user id, once asked (find)

    def publish(self, post: Post) -> Result:
        """Upload the image and its alt text, then create the post."""
        try:
            media_ids = [self.upload(post.image)] if post.image else []
        except CallFailed as failed:
            return repeatable(failed.result, "the post itself was not sent")
        try:
            return self.create_post(post.text, media_ids)
        except CallFailed as failed:
            return failed.result

    def find(self, post: Post) -> Result | None:
        """POSTED if one of the account's latest posts links to the page, None if none does.

        Relies on GET /2/users/me → {data: {id}} and GET /2/users/{id}/tweets with
        tweet.fields=entities → {data: [{id, entities: {urls: [{expanded_url}]}}]} (XSPEC
        getUsersPosts, UrlEntity). UNCONFIRMED: that a post shows in this timeline as soon as
        it is created, and that expanded_url gives the link back as posted (a trailing slash
        is ignored in the comparison)."""
        try:
            latest = self.latest_posts()
        except CallFailed as failed:
            return Result(UNKNOWN, reason=short_reason("X lookup failed:", failed.result.reason))
        for tweet in latest:
            if post.link.rstrip("/") in linked_addresses(tweet):
                return Result(POSTED, tweet["id"], self.public_url(tweet["id"]))
        return None

    def delete(self, remote_id: str) -> Result:
        """Delete the post: REMOVED when X says it is deleted, or no longer knows it (404).

        UNCONFIRMED: that a post already deleted (or unknown) answers 404, as XSPEC gives
        deletePosts only a 200 and a default error; and what {deleted: false} would mean,
        taken as UNKNOWN (the post may still be there)."""
        url = self.url(f"/2/tweets/{quote(remote_id, safe='')}")
        try:
            response = send(self.http, "DELETE", url)
        except CallFailed as failed:
            return failed.result
        reasons = error_reasons(json_body(response))
        if response.status_code == 404:
            reason = short_reason("already gone: HTTP 404", *reasons)
            return Result(REMOVED, remote_id, reason=reason)
        if not response.ok:
            return failure(response, *reasons)
        if (json_body(response).get("data") or {}).get("deleted") is not True:
            return Result(UNKNOWN, remote_id, reason="X answered without confirming the deletion")
        return Result(REMOVED, remote_id)

    # Calls ------------------------------------------------------------------------------

    def url(self, path: str) -> str:
        """The address of one API path."""
        return settings.SOCIAL_X_API_URL.rstrip("/") + path

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        """One signed call to the API; CallFailed with the result of any non-2xx answer."""
        response = send(self.http, method, self.url(path), **kwargs)
        if not response.ok:
            raise CallFailed(failure(response, *error_reasons(json_body(response))))
        return response

    def upload(self, image: Image) -> str:
        """Upload the image, give it its alt text; its media id."""
        file = (image.filename, image.content, image.mime_type)
        response = self.call(
            "POST",
            "/2/media/upload",
            files={"media": file},
            data={"media_category": "tweet_image"},
        )
        media_id = str((json_body(response).get("data") or {}).get("id") or "")
        if not media_id:
            raise CallFailed(failure(response, "the media upload gave no media id"))
        if image.alt:
            alt_text = {"text": image.alt[:ALT_TEXT_LENGTH]}
            body = {"id": media_id, "metadata": {"alt_text": alt_text}}
            self.call("POST", "/2/media/metadata", json=body)
        return media_id

    def create_post(self, text: str, media_ids: list[str]) -> Result:
        """Create the post; POSTED with its id and address."""
        body: dict = {"text": text}
        if media_ids:
            body["media"] = {"media_ids": media_ids}
        data = json_body(self.call("POST", "/2/tweets", json=body)).get("data") or {}
        post_id = str(data.get("id") or "")
        if not post_id:  # taken, as far as we know, but we cannot name it
            return Result(UNKNOWN, reason="X answered without the post's id")
        return Result(POSTED, post_id, self.public_url(post_id))

    def latest_posts(self) -> list[dict]:
        """The account's latest posts (no reposts, no replies), with their links."""
        if not self.user_id:
            me = json_body(self.call("GET", "/2/users/me")).get("data") or {}
            self.user_id = str(me.get("id") or "")
            if not self.user_id:
                raise CallFailed(Result(UNKNOWN, reason="X did not say who the account is"))
        params = {
            "max_results": RECENT_POSTS,
            "tweet.fields": "entities",
            "exclude": "retweets,replies",
        }
        response = self.call("GET", f"/2/users/{self.user_id}/tweets", params=params)
        return [tweet for tweet in json_body(response).get("data") or [] if tweet.get("id")]

    def public_url(self, post_id: str) -> str:
        """The post's address on x.com (the username-less form X itself uses without one)."""
        username = self.account.settings.get("username", "").lstrip("@")
        if username:
            return f"https://x.com/{username}/status/{post_id}"
        return f"https://x.com/i/web/status/{post_id}"


def error_reasons(body: dict) -> list[str]:
    """What X says went wrong: a Problem's title and detail, then each error's message."""
    errors = body.get("errors")
    messages = [e.get("message") for e in errors if isinstance(e, dict)] if errors else []
    parts = [body.get("title"), body.get("detail"), *messages]
    return list(dict.fromkeys(str(part) for part in parts if part))  # once each, in order


def linked_addresses(tweet: dict) -> set[str]:
    """The addresses a post links to (its URL entities), without a trailing slash."""
    urls = (tweet.get("entities") or {}).get("urls") or []
    found = {url.get(key) for url in urls for key in ("expanded_url", "unwound_url")}
    return {address.rstrip("/") for address in found if address}
