"""LinkedIn organisation pages through the versioned REST APIs (Posts and Images).

Account: settings["organisation"] ("urn:li:organization:123") and, for tests, settings
["oauth_url"] (the token endpoint, LinkedIn's own by default); secrets["access_token"] and,
to refresh it, refresh_token, client_id and client_secret, with expires_at (ISO 8601) the end
of the access token (LinkedIn's last 60 days). Base URL: SOCIAL_LINKEDIN_API_URL.

Every API call carries Authorization: Bearer, LinkedIn-Version (SOCIAL_LINKEDIN_VERSION,
YYYYMM: each version lives about a year, then the API answers 426 NONEXISTENT_VERSION) and
X-Restli-Protocol-Version: 2.0.0.

Publishing:
1. With an image: POST /images?action=initializeUpload {"initializeUploadRequest": {"owner":
   organisation}} -> value.uploadUrl and value.image (its URN); PUT the raw bytes to uploadUrl
   with the Bearer token.
2. POST /posts. The commentary is in LinkedIn's "little" text format, its reserved characters
   escaped (unescaped, they cut the post at the first one). The content is the image
   (content.media {id, altText}) or else a link card, content.article {source, title,
   description}: this article shape is UNCONFIRMED in official text (seen in third-party code).
3. 201, the post's URN in the x-restli-id header; its page is
   https://www.linkedin.com/feed/update/{urn}/.

A 401 when the account holds a refresh token and its client's id and secret: the access token
is refreshed (grant_type=refresh_token), saved through Account.save_secrets, and the call made
once more.

find() relies on the Posts API's author finder, GET /posts?q=author&author={URN, encoded}
&count=20 (X-RestLi-Method: FINDER), answering {"elements": [{"id", "commentary",
"content"...}]}, latest first: the shape of the docs' samples and of third-party code.

delete() sends DELETE /posts/{URN, encoded} (X-RestLi-Method: DELETE, as in the docs' sample):
204 when deleted. The docs say deletions are idempotent (a post deleted before may answer
204 again); a 404 for a post LinkedIn does not know is UNCONFIRMED, and is read as REMOVED.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import requests
from django.conf import settings

from ..base import (
    POSTED,
    REJECTED,
    REMOVED,
    RETRY,
    UNKNOWN,
    Account,
    Image,
    Post,
    Result,
    SocialBackend,
    escape_little,
    short_reason,
)
from ..http import CallFailed, failure, json_body, send, session

OAUTH_URL = "https://www.linkedin.com/oauth/v2/accessToken"
POST_PAGE = "https://www.linkedin.com/feed/update/{urn}/"
REFRESH_SECRETS = ("refresh_token", "client_id", "client_secret")
RECENT_POSTS = 20  # how many of the organisation's latest posts find() reads


class NotRefreshed(Exception):
    """The access token could not be refreshed; `result` is what becomes of the call."""

    def __init__(self, result: Result):
        super().__init__(result.reason)
        self.result = result


class LinkedInBackend(SocialBackend):
    """A LinkedIn organisation page, posted to by one of its administrators' tokens."""

    network = "linkedin"

    def __init__(self, account: Account):
        super().__init__(account)
        self.http = session()
        self.api_url = settings.SOCIAL_LINKEDIN_API_URL.rstrip("/")
        self.version = settings.SOCIAL_LINKEDIN_VERSION
        self.organisation = account.settings["organisation"]
        self.oauth_url = account.settings.get("oauth_url") or OAUTH_URL

    def publish(self, post: Post) -> Result:
        """Upload the image if any, then create the post (again once after a refresh)."""
        try:
            response = self.with_fresh_token(lambda: self.attempt(post))
        except (CallFailed, NotRefreshed) as stopped:
            return stopped.result
        if not response.ok:
            return self.refusal(response)
        urn = response.headers.get("x-restli-id", "")
        return Result(POSTED, remote_id=urn, url=POST_PAGE.format(urn=urn) if urn else "")

    def find(self, post: Post) -> Result | None:
        """POSTED if one of the organisation's latest posts carries this post's link, None if
        none does, UNKNOWN if they cannot be read."""
        params = {"q": "author", "author": self.organisation, "count": RECENT_POSTS}
        headers = {"X-RestLi-Method": "FINDER"}
        try:
            response = self.with_fresh_token(
                lambda: self.call("GET", "/posts", params=params, headers=headers)
            )
        except (CallFailed, NotRefreshed) as stopped:
            return Result(UNKNOWN, reason=stopped.result.reason)
        if not response.ok:
            return Result(UNKNOWN, reason=self.refusal(response).reason)
        for element in json_body(response).get("elements", []):
            if carries_link(element, post.link):
                urn = str(element.get("id", ""))
                return Result(POSTED, remote_id=urn, url=POST_PAGE.format(urn=urn))
        return None

    def delete(self, remote_id: str) -> Result:
        """DELETE the post (again once after a refresh): REMOVED on 204, or 404 when LinkedIn
        no longer knows it."""
        path = f"/posts/{quote(remote_id, safe='')}"
        headers = {"X-RestLi-Method": "DELETE"}
        try:
            response = self.with_fresh_token(lambda: self.call("DELETE", path, headers=headers))
        except (CallFailed, NotRefreshed) as stopped:
            return stopped.result
        if response.ok:
            return Result(REMOVED, remote_id=remote_id)
        if response.status_code == 404:
            reason = short_reason("HTTP 404 already gone:", json_body(response).get("message"))
            return Result(REMOVED, remote_id=remote_id, reason=reason)
        return self.refusal(response)

    def token_expires_at(self) -> datetime | None:
        """The access token's end, as saved with it (secrets["expires_at"])."""
        try:
            return datetime.fromisoformat(self.account.secrets["expires_at"])
        except (KeyError, ValueError):
            return None

    # Calls --------------------------------------------------------------------------------

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        """One call to the versioned API, with the current access token."""
        headers = {
            **self.bearer(),
            "LinkedIn-Version": self.version,
            "X-Restli-Protocol-Version": "2.0.0",
            **kwargs.pop("headers", {}),
        }
        return send(self.http, method, f"{self.api_url}{path}", headers=headers, **kwargs)

    def bearer(self) -> dict[str, str]:
        """The Authorization header of the current access token (it changes on refresh)."""
        return {"Authorization": f"Bearer {self.account.secrets['access_token']}"}

    def attempt(self, post: Post) -> requests.Response:
        """Upload the image, if any, then create the post: the first answer that is not a
        success, else the post's."""
        if not post.image:
            return self.create(post, {"article": article(post)})
        started = self.call(
            "POST",
            "/images",
            params={"action": "initializeUpload"},
            json={"initializeUploadRequest": {"owner": self.organisation}},
        )
        if not started.ok:
            return started
        upload = json_body(started).get("value", {})
        uploaded = self.upload(upload["uploadUrl"], post.image)
        if not uploaded.ok:
            return uploaded
        media = {"id": upload["image"]}
        if post.image.alt:
            media["altText"] = post.image.alt
        return self.create(post, {"media": media})

    def upload(self, url: str, image: Image) -> requests.Response:
        """PUT the image's bytes where initializeUpload said, with the Bearer token."""
        headers = {**self.bearer(), "Content-Type": image.mime_type}
        return send(self.http, "PUT", url, data=image.content, headers=headers)

    def create(self, post: Post, content: dict) -> requests.Response:
        """POST /posts: the organisation's public post on its page's feed."""
        body = {
            "author": self.organisation,
            "commentary": escape_little(post.text),
            "visibility": "PUBLIC",
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": [],
            },
            "content": content,
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }
        return self.call("POST", "/posts", json=body)

    # Tokens -------------------------------------------------------------------------------

    def with_fresh_token(self, call: Callable[[], requests.Response]) -> requests.Response:
        """The answer to `call()`, made once more with a new access token if LinkedIn
        answered 401 and the account can refresh its token."""
        response = call()
        if response.status_code == 401 and self.can_refresh():
            self.refresh()
            response = call()
        return response

    def can_refresh(self) -> bool:
        """Whether the account holds what refreshing its access token takes."""
        return all(self.account.secrets.get(name) for name in REFRESH_SECRETS)

    def refresh(self) -> None:
        """Obtain a new access token with the refresh token and save it (NotRefreshed if
        LinkedIn does not give one)."""
        secrets = self.account.secrets
        form = {"grant_type": "refresh_token", **{name: secrets[name] for name in REFRESH_SECRETS}}
        try:
            response = send(self.http, "POST", self.oauth_url, data=form)
        except CallFailed as failed:
            # The call that needed the token was refused: the post is surely not there.
            reason = short_reason("token refresh:", failed.result.reason)
            raise NotRefreshed(Result(RETRY, reason=reason)) from failed
        answer = json_body(response)
        if not (response.ok and answer.get("access_token")):
            raise NotRefreshed(refresh_failure(response, answer))
        secrets["access_token"] = answer["access_token"]
        secrets["refresh_token"] = answer.get("refresh_token") or secrets["refresh_token"]
        if answer.get("expires_in"):
            expires_at = datetime.now(UTC) + timedelta(seconds=int(answer["expires_in"]))
            secrets["expires_at"] = expires_at.isoformat()
        self.account.save_secrets(secrets)

    # Answers ------------------------------------------------------------------------------

    def refusal(self, response: requests.Response) -> Result:
        """The result of a call LinkedIn did not accept."""
        error = json_body(response)
        message = error.get("message")
        if response.status_code == 426:
            advice = f"LinkedIn-Version {self.version} is retired: update SOCIAL_LINKEDIN_VERSION"
            return Result(REJECTED, reason=short_reason("HTTP 426", advice, "-", message))
        if response.status_code == 401:
            return Result(REJECTED, reason=short_reason("HTTP 401 token expired:", message))
        return failure(response, error.get("serviceErrorCode"), message)


def article(post: Post) -> dict[str, str]:
    """The link card of a post without image (UNCONFIRMED shape, see the module)."""
    card = {"source": post.link, "title": post.title, "description": post.description}
    return {name: value for name, value in card.items() if value}


def carries_link(element: dict, link: str) -> bool:
    """Whether a post read from LinkedIn holds this link, in its text or as its card."""
    commentary = str(element.get("commentary") or "")
    source = (element.get("content") or {}).get("article", {}).get("source")
    return link in commentary or escape_little(link) in commentary or source == link


def refresh_failure(response: requests.Response, answer: dict) -> Result:
    """The result of a refused refresh; never UNKNOWN, as the post itself was refused."""
    result = failure(
        response,
        "token expired, refresh refused:",
        answer.get("error"),
        answer.get("error_description"),
    )
    return replace(result, status=RETRY) if result.status == UNKNOWN else result
