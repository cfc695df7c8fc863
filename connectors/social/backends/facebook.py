"""Facebook Pages through the Graph API: one post on the town's Page per call.

Account: settings["page_id"], secrets["page_access_token"] (a Page token). The token travels
as the `access_token` form or query parameter, as in every sample of the Graph API docs (an
Authorization header is not documented for it). Base URL: SOCIAL_FACEBOOK_GRAPH_URL, with
the version (https://graph.facebook.com/v23.0).

- Without image: POST /{page_id}/feed, form `message` and `link` -> {"id": "{page}_{post}"}.
- With image: POST /{page_id}/photos, multipart: the file in `source` (this field name is
  UNCONFIRMED in the docs read), the text in `message` (the caption) and the alt text in
  `alt_text_custom` (listed by Meta's business SDK for photo creation, UNCONFIRMED in the
  /photos docs) -> {"id": photo id, "post_id": "{page}_{post}"}.
- The public address costs one more call, GET /{post_id}?fields=permalink_url; a post whose
  permalink cannot be read is POSTED all the same, with url "".
- Deleting: DELETE /{post_id}?access_token=… -> {"success": true}. A post already deleted (or
  never there) answers code 100, subcode 33 "Unsupported delete request. Object with ID … does
  not exist, cannot be loaded due to missing permissions, or does not support this operation":
  taken as REMOVED. That this is the answer to a deleted post is UNCONFIRMED in the docs read
  (it is the Graph API's answer to any unknown node, as third-party reports show); the same
  words also cover missing permissions, which a Page token that could publish the post has.

Errors come as {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}} and are
read by error.code whatever the HTTP status (throttling arrives as 400 or 403 rather than
429): 4, 17, 32, 613 and 80001 are rate limits (RETRY after the Business Use Case header's
estimated_time_to_regain_access), 1 and 2 are transient (RETRY), 190 is an expired or invalid
token (REJECTED). No idempotency is documented: after an UNKNOWN, `find()` looks for the
post's link among the Page's latest posts.
"""

from __future__ import annotations

import json

import requests
from django.conf import settings

from ..base import (
    POSTED,
    REJECTED,
    REMOVED,
    RETRY,
    UNKNOWN,
    Account,
    Post,
    Result,
    SocialBackend,
    short_reason,
)
from ..http import CallFailed, announced_wait, failure, json_body, send, session

THROTTLING_CODES = frozenset({4, 17, 32, 613, 80001})
TRANSIENT_CODES = frozenset({1, 2})
INVALID_TOKEN_CODE = 190
# error.code and error_subcode of a call on a node that does not exist (any more).
UNKNOWN_OBJECT = (100, 33)
FEED_FIELDS = "id,message,permalink_url"
RECENT_POSTS = 25  # how many of the Page's latest posts find() reads


class FacebookBackend(SocialBackend):
    """A Facebook Page, posted to with its Page access token."""

    network = "facebook"

    def __init__(self, account: Account):
        super().__init__(account)
        self.http = session()
        self.graph_url = settings.SOCIAL_FACEBOOK_GRAPH_URL.rstrip("/")
        self.page_url = f"{self.graph_url}/{account.settings['page_id']}"
        self.token = account.secrets["page_access_token"]

    def publish(self, post: Post) -> Result:
        """Post the text and link on the Page's feed, or the image with the text as caption."""
        try:
            response = self.post_photo(post) if post.image else self.post_link(post)
        except CallFailed as failed:
            return failed.result
        if not response.ok:
            return graph_failure(response)
        answer = json_body(response)
        # A photo's answer names the photo (`id`) and the Page post that shows it (`post_id`).
        post_id = str(answer.get("post_id") or answer.get("id") or "")
        return Result(POSTED, remote_id=post_id, url=self.permalink(post_id))

    def find(self, post: Post) -> Result | None:
        """POSTED if one of the Page's latest posts carries this post's link, None if none
        does, UNKNOWN if the feed cannot be read."""
        try:
            response = self.read(f"{self.page_url}/feed", fields=FEED_FIELDS, limit=RECENT_POSTS)
        except CallFailed as failed:
            return Result(UNKNOWN, reason=failed.result.reason)
        if not response.ok:
            return Result(UNKNOWN, reason=graph_failure(response).reason)
        for item in json_body(response).get("data", []):
            if post.link in (item.get("message") or ""):
                return Result(POSTED, remote_id=item["id"], url=item.get("permalink_url", ""))
        return None

    def delete(self, remote_id: str) -> Result:
        """DELETE the Page post: REMOVED when the Graph API deleted it or no longer knows it."""
        url = f"{self.graph_url}/{remote_id}"
        try:
            response = send(self.http, "DELETE", url, params={"access_token": self.token})
        except CallFailed as failed:
            return failed.result
        if response.ok:
            return Result(REMOVED, remote_id=remote_id)
        if is_unknown_object(response):
            reason = short_reason(
                f"HTTP {response.status_code}", "already gone:", *error_details(response)
            )
            return Result(REMOVED, remote_id=remote_id, reason=reason)
        return graph_failure(response)

    def post_link(self, post: Post) -> requests.Response:
        """POST /{page_id}/feed: the text, and the link Facebook shows as a card."""
        form = {"message": post.text, "link": post.link, "access_token": self.token}
        return send(self.http, "POST", f"{self.page_url}/feed", data=form)

    def post_photo(self, post: Post) -> requests.Response:
        """POST /{page_id}/photos: the image with its alt text, the text as its caption."""
        image = post.image
        form = {"message": post.text, "access_token": self.token}
        if image.alt:
            form["alt_text_custom"] = image.alt
        files = {"source": (image.filename, image.content, image.mime_type)}
        return send(self.http, "POST", f"{self.page_url}/photos", data=form, files=files)

    def permalink(self, post_id: str) -> str:
        """The post's public address, or "" when the Graph API does not give it."""
        try:
            response = self.read(f"{self.graph_url}/{post_id}", fields="permalink_url")
        except CallFailed:
            return ""
        return str(json_body(response).get("permalink_url") or "") if response.ok else ""

    def read(self, url: str, **params: object) -> requests.Response:
        """GET a Graph API node or edge with the Page token."""
        return send(self.http, "GET", url, params={**params, "access_token": self.token})


def graph_failure(response: requests.Response) -> Result:
    """The result of a Graph API error, decided by its error.code before its HTTP status."""
    code = graph_error(response).get("code")
    details = error_details(response)
    status = f"HTTP {response.status_code}"
    if code in THROTTLING_CODES:
        reason = short_reason(status, "rate limited:", *details)
        return Result(RETRY, reason=reason, retry_after=regain_access_wait(response))
    if code in TRANSIENT_CODES:
        reason = short_reason(status, "transient error:", *details)
        return Result(RETRY, reason=reason, retry_after=announced_wait(response))
    if code == INVALID_TOKEN_CODE:
        return Result(REJECTED, reason=short_reason(status, "token expired or invalid:", *details))
    return failure(response, *details)


def graph_error(response: requests.Response) -> dict:
    """The answer's error object ({} when there is none)."""
    error = json_body(response).get("error")
    return error if isinstance(error, dict) else {}


def error_details(response: requests.Response) -> tuple[str, str | None]:
    """The error's code and message, as reasons show them."""
    error = graph_error(response)
    code = error.get("code")
    return (f"code {code}" if code is not None else "", error.get("message"))


def is_unknown_object(response: requests.Response) -> bool:
    """Whether the Graph API answered that the node does not exist (see the module)."""
    error = graph_error(response)
    return (error.get("code"), error.get("error_subcode")) == UNKNOWN_OBJECT


def regain_access_wait(response: requests.Response) -> float | None:
    """Seconds until the Page's calls go through again: the longest
    estimated_time_to_regain_access (minutes) of X-Business-Use-Case-Usage, else the wait
    the answer announces, if any."""
    try:
        usage = json.loads(response.headers.get("X-Business-Use-Case-Usage", ""))
        minutes = max(
            entry.get("estimated_time_to_regain_access") or 0
            for entries in usage.values()
            for entry in entries
        )
    except (ValueError, TypeError, AttributeError):
        return announced_wait(response)
    return float(minutes) * 60 if minutes else announced_wait(response)
