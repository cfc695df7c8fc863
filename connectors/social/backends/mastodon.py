"""Mastodon: one status on the town's instance, with its image and the image's description.

Calls (/work/shared/reference/api-contracts.md §4; MDOCS = mastodon/documentation):
- POST {instance}/api/v2/media, multipart `file` (with its MIME type) and `description` (the
  alt text) → 200 MediaAttachment when processed, 202 while processing; then
  GET /api/v1/media/{id} → 206 while processing, 200 once done. The poll is short and bounded
  (MEDIA_POLL_WAITS, about 10 s): an image still processing after it gives RETRY (the next
  attempt uploads again; an unused upload is harmless).
- POST /api/v1/statuses, form fields status, media_ids[], language, visibility=public, with
  the header Idempotency-Key: post.key → 200 Status {id, url}.
- DELETE /api/v1/statuses/{id} → 200 the deleted Status; 404 "Record not found" for a status
  the account does not have (deleted already, or another's). 30 deletions per account and
  30 minutes (MDOCS api/rate-limits.md).
- Errors: {"error": …, "error_description"?}; 401 invalid token; 422 validation; 429 with
  X-RateLimit-Reset as an ISO 8601 time.

Why a lost answer is RETRY here, not UNKNOWN: Mastodon keeps each Idempotency-Key with the
status it created for one hour and answers a repeat with that same status (MDOCS statuses.md;
post_status_service.rb). A status call that timed out or lost its connection can therefore be
made again safely, provided the caller tries again within the hour (its retry waits must
stay under it; past the hour a repeat would post twice).
"""

from __future__ import annotations

import html
import re
import time
from urllib.parse import quote

import requests

from ..base import POSTED, REMOVED, RETRY, UNKNOWN, Image, Post, Result, SocialBackend, short_reason
from ..http import CallFailed, failure, json_body, repeatable, send, session

# Seconds between the polls of an image still processing: about 10 s in all.
MEDIA_POLL_WAITS = (0.5, 1.0, 1.5, 2.0, 2.5, 2.5)
# Mastodon's default description limit; an instance announces its own in
# configuration.media_attachments.description_limit (4.4+), not read here.
DESCRIPTION_LENGTH = 1500
RECENT_STATUSES = 20  # find() looks at this many of the account's latest statuses (max 40)
HREF = re.compile(r'href="([^"]*)"')
REPEAT_IS_SAFE = "safe to repeat: the status call carries an Idempotency-Key"


class MastodonBackend(SocialBackend):
    """Posts on a Mastodon instance with the account's access token.

    Account.settings: instance_url ("https://mastodon.social"). Account.secrets: access_token
    (Bearer; scopes write:statuses, write:media, and read:accounts, read:statuses for
    find())."""

    network = "mastodon"

    def __init__(self, account):
        super().__init__(account)
        self.http = session()
        self.http.headers["Authorization"] = f"Bearer {account.secrets.get('access_token', '')}"

    def publish(self, post: Post) -> Result:
        """Upload the image with its description, then post the status."""
        try:
            media_ids = [self.upload(post.image)] if post.image else []
            return self.create_status(post, media_ids)
        except CallFailed as failed:
            return repeatable(failed.result, REPEAT_IS_SAFE)

    def find(self, post: Post) -> Result | None:
        """POSTED if one of the account's latest statuses links to the page, None if none does.

        Looking is preferred to trusting the Idempotency-Key, which only protects a repeat
        within the hour: find() is asked after an attempt whose fate was lost, possibly
        longer ago. Relies on GET /api/v1/accounts/verify_credentials → {id} and
        GET /api/v1/accounts/{id}/statuses (limit ≤ 40, exclude_reblogs) → [Status] (MDOCS
        methods/accounts.md), whose HTML `content` links the page with <a href="…">: the href
        holding the link as posted is what Mastodon's formatter writes, UNCONFIRMED in the
        docs."""
        try:
            latest = self.latest_statuses()
        except CallFailed as failed:
            reason = short_reason("Mastodon lookup failed:", failed.result.reason)
            return Result(UNKNOWN, reason=reason)
        for status in latest:
            if post.link.rstrip("/") in linked_addresses(status.get("content") or ""):
                return posted(status)
        return None

    def delete(self, remote_id: str) -> Result:
        """Delete the status: REMOVED when the instance deleted it or no longer has it (404).
        A lost answer stays UNKNOWN: asking again is safe, and answers 404 once it is gone."""
        url = self.url(f"/api/v1/statuses/{quote(remote_id, safe='')}")
        try:
            response = send(self.http, "DELETE", url)
        except CallFailed as failed:
            return failed.result
        if response.status_code == 404:
            reason = short_reason("already gone: HTTP 404", *error_reasons(response))
            return Result(REMOVED, remote_id, reason=reason)
        if not response.ok:
            return failure(response, *error_reasons(response))
        return Result(REMOVED, remote_id)

    # Calls ------------------------------------------------------------------------------

    def url(self, path: str) -> str:
        """The address of one API path on the account's instance."""
        return self.account.settings["instance_url"].rstrip("/") + path

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        """One call to the instance; CallFailed with the result of any non-2xx answer."""
        response = send(self.http, method, self.url(path), **kwargs)
        if not response.ok:
            raise CallFailed(failure(response, *error_reasons(response)))
        return response

    def upload(self, image: Image) -> str:
        """Upload the image with its description and wait until it is processed; its id."""
        file = (image.filename, image.content, image.mime_type)
        fields = {"description": image.alt[:DESCRIPTION_LENGTH]} if image.alt else None
        response = self.call("POST", "/api/v2/media", files={"file": file}, data=fields)
        media_id = str(json_body(response).get("id") or "")
        if not media_id:
            raise CallFailed(failure(response, "the media upload gave no media id"))
        if response.status_code == 202:
            self.wait_until_processed(media_id)
        return media_id

    def wait_until_processed(self, media_id: str) -> None:
        """Poll the upload a few times; CallFailed(RETRY) if it is still processing."""
        for wait in MEDIA_POLL_WAITS:
            time.sleep(wait)
            if not self.still_processing(media_id):
                return
        raise CallFailed(Result(RETRY, reason="the image is still being processed"))

    def still_processing(self, media_id: str) -> bool:
        """Whether the instance is still processing this upload (206)."""
        return self.call("GET", f"/api/v1/media/{media_id}").status_code == 206

    def create_status(self, post: Post, media_ids: list[str]) -> Result:
        """Post the status under the post's idempotency key."""
        fields = [
            ("status", post.text),
            *(("media_ids[]", media_id) for media_id in media_ids),
            ("language", post.language),
            ("visibility", "public"),
        ]
        headers = {"Idempotency-Key": post.key}
        response = send(
            self.http, "POST", self.url("/api/v1/statuses"), data=fields, headers=headers
        )
        # 422 also answers an attachment still processing. Its message is an I18n string,
        # likely translated to the account's language (UNCONFIRMED for the API), so the upload
        # itself is asked rather than the message read.
        if response.status_code == 422 and media_ids and self.still_processing(media_ids[0]):
            return Result(RETRY, reason=short_reason("HTTP 422", *error_reasons(response)))
        if not response.ok:
            return failure(response, *error_reasons(response))
        status = json_body(response)
        if not status.get("id"):  # taken, as far as we know, but we cannot name it
            return Result(UNKNOWN, reason="Mastodon answered without the status's id")
        return posted(status)

    def latest_statuses(self) -> list[dict]:
        """The account's latest statuses, boosts left out."""
        me = json_body(self.call("GET", "/api/v1/accounts/verify_credentials"))
        if not me.get("id"):
            raise CallFailed(Result(UNKNOWN, reason="Mastodon did not say who the account is"))
        params = {"limit": RECENT_STATUSES, "exclude_reblogs": "true"}
        response = self.call("GET", f"/api/v1/accounts/{me['id']}/statuses", params=params)
        try:
            statuses = response.json()
        except ValueError:
            raise CallFailed(Result(UNKNOWN, reason="Mastodon's statuses were not JSON")) from None
        return [status for status in statuses if isinstance(status, dict)]


def posted(status: dict) -> Result:
    """POSTED for this Status; its page is `url` (nullable), else its federation `uri`."""
    return Result(POSTED, str(status["id"]), status.get("url") or status.get("uri") or "")


def error_reasons(response: requests.Response) -> list[str]:
    """What Mastodon says went wrong: its error and error_description."""
    body = json_body(response)
    return [str(body[key]) for key in ("error", "error_description") if body.get(key)]


def linked_addresses(content: str) -> set[str]:
    """The addresses a status's HTML content links to, without a trailing slash."""
    return {html.unescape(href).rstrip("/") for href in HREF.findall(content)}
