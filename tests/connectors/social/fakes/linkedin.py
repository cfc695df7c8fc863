"""A local stand-in for LinkedIn's versioned REST APIs (Posts, Images) and its token
endpoint, written from their documented contracts (/work/shared/reference/api-contracts.md,
section 3).

Under /rest, every call must carry Authorization: Bearer (401, serviceErrorCode 65600 for an
unknown token, 65601 for an expired one), X-Restli-Protocol-Version: 2.0.0 (400) and a
LinkedIn-Version among `versions` (400 when missing, 426 NONEXISTENT_VERSION otherwise).

- POST /rest/images?action=initializeUpload {"initializeUploadRequest": {"owner": org}}
  -> {"value": {"uploadUrlExpiresAt", "uploadUrl", "image"}}; the upload URL is this fake's
  /dms-uploads/{id}, which takes a PUT of the raw bytes with the Bearer token (201).
- POST /rest/posts: the body's fields are checked (author, visibility, distribution,
  lifecycleState…). A commentary over 3000 characters, as sent, is refused (400, as observed
  in n8n-io/n8n#22899), and so is one holding an unescaped reserved character of the "little"
  format: the real API silently cuts the post there, which a test would not notice. An image
  must have been uploaded. -> 201, no body, the post's URN in x-restli-id.
- GET /rest/posts?q=author&author={org}&count=N -> {"elements": [...], "paging"}, latest first.
- DELETE /rest/posts/{URN, percent-encoded} with X-RestLi-Method: DELETE (as the docs' sample
  sends it; whether the real API requires it is UNCONFIRMED) -> 204, the post gone from
  `posts`. Deletions are idempotent, as the docs say: a post deleted before answers 204 again;
  an URN the page never had answers 404 (UNCONFIRMED), an unencoded one 400.
- POST /oauth/v2/accessToken (grant_type=refresh_token) -> a new access token.

    linkedin_api.fail_next("rate_limited")  # 429 with LinkedIn's throttle message
    linkedin_api.expire_token()             # the current access token is refused until refreshed

Failure kinds (for the API and upload calls, not the token endpoint): "rate_limited" (429),
"server_error" (500), "hang" (no answer until the fake stops), "expired_token" (401, 65601),
"invalid" (422, a duplicate post). Every post taken is kept in `posts`, latest last.
"""

from __future__ import annotations

import itertools
import re
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote

import pytest

from connectors.social import Account
from connectors.social.base import no_save
from tests.fakes.http_server import Answer, FakeService, Request

FAILURE_KINDS = frozenset({"rate_limited", "server_error", "hang", "expired_token", "invalid"})
COMMENTARY_LIMIT = 3000
# An escaped character, or one of the little format's reserved characters left unescaped
# (learn.microsoft.com, "Little Text Format").
LITTLE_TOKEN = re.compile(r"\\.|([|{}@\[\]()<>#\\*_~])", re.DOTALL)
VISIBILITIES = {"PUBLIC", "CONNECTIONS", "LOGGED_IN", "CONTAINER"}
FEED_DISTRIBUTIONS = {"MAIN_FEED", "NONE"}
LIFECYCLE_STATES = {"PUBLISHED", "DRAFT"}
TOKEN_LIFETIME = 60 * 24 * 3600  # seconds: LinkedIn's access tokens last 60 days
UNESCAPE = re.compile(r"\\(.)", re.DOTALL)


@dataclass
class LinkedInPost:
    """One post on the organisation's page, as the fake took it."""

    urn: str
    commentary: str  # as sent, in the little format
    content: dict

    @property
    def text(self) -> str:
        """The text as LinkedIn shows it (escapes removed)."""
        return UNESCAPE.sub(r"\1", self.commentary)

    @property
    def media(self) -> dict:
        """The image of the post ({id, altText}), if any."""
        return self.content.get("media", {})

    @property
    def article(self) -> dict:
        """The link card of the post ({source, title, description}), if any."""
        return self.content.get("article", {})


class FakeLinkedIn(FakeService):
    """One organisation page behind fake Posts, Images and OAuth endpoints."""

    failure_kinds = FAILURE_KINDS

    def __init__(self, versions: Iterable[str], delay: float = 0.0):
        super().__init__(delay)
        self.versions = set(versions)
        self.organisation = "urn:li:organization:5515715"
        self.access_token: str | None = "AQVfake" + secrets.token_hex(8)
        self.expired_tokens: set[str] = set()
        self.refresh_token = "AQWfake" + secrets.token_hex(8)
        self.client_id = "86fakeclient"
        self.client_secret = "fake-client-secret"
        self.posts: list[LinkedInPost] = []
        self.deleted: set[str] = set()  # URNs of the posts deleted
        self.images: dict[str, bytes | None] = {}  # URN -> bytes (None until uploaded)
        self.ids = itertools.count(7100000000000000001)

    @property
    def api_url(self) -> str:
        """The base URL, as SOCIAL_LINKEDIN_API_URL."""
        return f"{self.url}/rest"

    @property
    def oauth_url(self) -> str:
        """The token endpoint, as Account.settings["oauth_url"]."""
        return f"{self.url}/oauth/v2/accessToken"

    def account(
        self, refreshable: bool = True, save_secrets: Callable[[dict], None] = no_save
    ) -> Account:
        """The town's account on this page; with the refresh token and client credentials
        when `refreshable`."""
        tokens = {"access_token": self.access_token, "expires_at": "2027-02-01T10:00:00+00:00"}
        if refreshable:
            tokens |= {
                "refresh_token": self.refresh_token,
                "client_id": self.client_id,
                "client_secret": self.client_secret,
            }
        settings = {"organisation": self.organisation, "oauth_url": self.oauth_url}
        return Account("linkedin", settings, tokens, save_secrets)

    def expire_token(self) -> None:
        """The current access token is refused as expired; refreshing gives a new one."""
        with self.lock:
            self.expired_tokens.add(self.access_token)
            self.access_token = None

    # Serving ------------------------------------------------------------------------------

    def respond(self, request: Request) -> Answer | None:
        """LinkedIn's answer: token, headers, scripted failure, then the call."""
        if request.path == "/oauth/v2/accessToken" and request.method == "POST":
            return self.refresh(request)
        refusal = self.bearer_refusal(request)
        if not refusal and request.path.startswith("/rest/"):
            refusal = self.header_refusal(request)
        if refusal:
            return refusal
        self.pause()
        failure = self.planned_failure()
        if failure == "hang":
            return self.hang()
        if failure:
            return FAILURES[failure]()
        route = (request.method, request.path)
        if route == ("POST", "/rest/images") and request.query.get("action") == [
            "initializeUpload"
        ]:
            return self.initialize_upload(request)
        if request.method == "PUT" and request.path.startswith("/dms-uploads/"):
            return self.upload(request)
        if route == ("POST", "/rest/posts"):
            return self.create_post(request)
        if route == ("GET", "/rest/posts"):
            return self.find_by_author(request)
        if request.method == "DELETE" and request.path.startswith("/rest/posts/"):
            return self.delete_post(request)
        return linkedin_error(404, "No virtual resource found", code="RESOURCE_NOT_FOUND")

    def bearer_refusal(self, request: Request) -> Answer | None:
        """LinkedIn's answer to a missing, unknown or expired access token."""
        scheme, _, token = (request.headers.get("Authorization") or "").partition(" ")
        if scheme == "Bearer" and token and token == self.access_token:
            return None
        if scheme == "Bearer" and token in self.expired_tokens:
            return expired_token()
        return linkedin_error(401, "Invalid access token", 65600, "INVALID_ACCESS_TOKEN")

    def header_refusal(self, request: Request) -> Answer | None:
        """The versioned API's answer to a missing protocol version or an inactive version."""
        if request.headers.get("X-Restli-Protocol-Version") != "2.0.0":
            return linkedin_error(400, "Rest.li protocol version 2.0.0 is required")
        version = request.headers.get("LinkedIn-Version")
        if not version:
            message = "A version must be present. Please specify a version by adding the "
            message += "LinkedIn-Version header."
            return linkedin_error(400, message, code="VERSION_MISSING")
        if version not in self.versions:
            message = f"Requested version {version} is not active"
            return linkedin_error(426, message, code="NONEXISTENT_VERSION")
        return None

    def initialize_upload(self, request: Request) -> Answer:
        """POST /rest/images?action=initializeUpload: where to PUT the image."""
        body = json_of(request)
        owner = (body.get("initializeUploadRequest") or {}).get("owner")
        if owner != self.organisation:
            return linkedin_error(403, f"Not enough permissions to upload for {owner}")
        image_id = f"D4E10AQ{next(self.ids)}"
        urn = f"urn:li:image:{image_id}"
        with self.lock:
            self.images[urn] = None
        value = {
            "uploadUrlExpiresAt": int((time.time() + 3600) * 1000),
            "uploadUrl": f"{self.url}/dms-uploads/{image_id}",
            "image": urn,
        }
        return Answer(200, {"value": value})

    def upload(self, request: Request) -> Answer:
        """PUT /dms-uploads/{id}: the image's raw bytes."""
        urn = "urn:li:image:" + request.path.removeprefix("/dms-uploads/")
        if urn not in self.images:
            return linkedin_error(404, "Unknown upload")
        if not request.body or "multipart" in request.headers.get("Content-Type", ""):
            return linkedin_error(400, "The upload takes the image's raw bytes")
        with self.lock:
            self.images[urn] = request.body
        return Answer(201)

    def create_post(self, request: Request) -> Answer:
        """POST /rest/posts: 201 and the post's URN in x-restli-id."""
        if not request.headers.get("Content-Type", "").startswith("application/json"):
            return linkedin_error(415, "Unsupported media type, JSON expected")
        body = json_of(request)
        if body.get("author") != self.organisation:
            return linkedin_error(403, "Not enough permissions to post as this author", 100)
        problem = self.post_problem(body)
        if problem:
            return linkedin_error(*problem)
        post = LinkedInPost(f"urn:li:share:{next(self.ids)}", body["commentary"], body["content"])
        with self.lock:
            self.posts.append(post)
        return Answer(201, headers={"x-restli-id": post.urn})

    def post_problem(self, body: dict) -> tuple[int, str] | None:
        """(status, message) of LinkedIn's refusal of this post, or None."""
        for name, allowed in (
            ("visibility", VISIBILITIES),
            ("lifecycleState", LIFECYCLE_STATES),
        ):
            if body.get(name) not in allowed:
                return 422, f"ERROR :: /{name} :: invalid value {body.get(name)!r}"
        distribution = body.get("distribution") or {}
        if distribution.get("feedDistribution") not in FEED_DISTRIBUTIONS or not all(
            isinstance(distribution.get(name), list)
            for name in ("targetEntities", "thirdPartyDistributionChannels")
        ):
            return 422, "ERROR :: /distribution :: invalid value"
        if not isinstance(body.get("isReshareDisabledByAuthor"), bool):
            return 422, "ERROR :: /isReshareDisabledByAuthor :: field is required"
        return commentary_problem(body.get("commentary")) or self.content_problem(
            body.get("content")
        )

    def content_problem(self, content: object) -> tuple[int, str] | None:
        """Why LinkedIn would refuse the post's content (an image, or a link card)."""
        if not isinstance(content, dict) or len(content) != 1:
            return 422, "ERROR :: /content :: exactly one kind of content expected"
        if "media" in content:
            media = content["media"]
            if self.images.get(media.get("id")) is None:
                return 400, f"Image {media.get('id')} does not exist or was not uploaded"
            if not isinstance(media.get("altText", ""), str):
                return 422, "ERROR :: /content/media/altText :: string expected"
            return None
        source = (content.get("article") or {}).get("source", "")
        if not re.match(r"https?://", source):
            return 422, "ERROR :: /content/article/source :: a URL is required"
        return None

    def find_by_author(self, request: Request) -> Answer:
        """GET /rest/posts?q=author: the organisation's latest posts."""
        query = {name: values[-1] for name, values in request.query.items()}
        if query.get("q") != "author":
            return linkedin_error(400, "Invalid query parameters passed to request")
        if query.get("author") != self.organisation:
            return linkedin_error(403, "Not enough permissions to read this author's posts")
        count = int(query.get("count", 10))
        with self.lock:
            latest = list(reversed(self.posts))[:count]
        elements = [
            {
                "id": post.urn,
                "author": self.organisation,
                "commentary": post.commentary,
                "content": post.content,
                "visibility": "PUBLIC",
                "lifecycleState": "PUBLISHED",
            }
            for post in latest
        ]
        return Answer(
            200, {"paging": {"start": 0, "count": count, "links": []}, "elements": elements}
        )

    def delete_post(self, request: Request) -> Answer:
        """DELETE /rest/posts/{encoded URN}: 204, again for a post deleted before."""
        if request.headers.get("X-RestLi-Method") != "DELETE":
            return linkedin_error(400, "X-RestLi-Method DELETE is expected for this request")
        key = request.path.removeprefix("/rest/posts/")
        urn = unquote(key)
        if ":" in key or not urn.startswith(("urn:li:share:", "urn:li:ugcPost:")):
            return linkedin_error(400, f"Invalid resource key {key!r}: an encoded URN expected")
        with self.lock:
            kept = [post for post in self.posts if post.urn != urn]
            if len(kept) < len(self.posts):
                self.posts = kept
                self.deleted.add(urn)
            known = urn in self.deleted
        if not known:
            return linkedin_error(404, f"Post {urn} does not exist", code="NOT_FOUND")
        return Answer(204)

    def refresh(self, request: Request) -> Answer:
        """The token endpoint: a refresh token and the client's credentials give a new
        access token (the refresh token stays the same)."""
        form = {name: values[-1] for name, values in request.form().items()}
        if (form.get("client_id"), form.get("client_secret")) != (
            self.client_id,
            self.client_secret,
        ):
            return oauth_error(401, "invalid_client", "Client authentication failed")
        if form.get("grant_type") != "refresh_token" or form.get("refresh_token") != (
            self.refresh_token
        ):
            message = "The provided authorization grant or refresh token is invalid, expired"
            return oauth_error(400, "invalid_request", message + " or revoked")
        with self.lock:
            self.access_token = "AQVfake" + secrets.token_hex(8)
        return Answer(
            200,
            {
                "access_token": self.access_token,
                "expires_in": TOKEN_LIFETIME,
                "refresh_token": self.refresh_token,
                "refresh_token_expires_in": 365 * 24 * 3600,
            },
        )


def commentary_problem(commentary: object) -> tuple[int, str] | None:
    """Why this commentary would be refused, or cut by the real API (treated as a refusal)."""
    if not isinstance(commentary, str):
        return 422, "ERROR :: /commentary :: field is required but not found"
    if len(commentary) > COMMENTARY_LIMIT:
        return 400, (
            f"ShareCommentary text length ({len(commentary)} characters) exceeded the maximum "
            f"allowed ({COMMENTARY_LIMIT} characters)"
        )
    for token in LITTLE_TOKEN.finditer(commentary):
        if token.group(1):
            return 400, (
                f"Unescaped reserved character {token.group(1)!r} at {token.start()}: "
                "LinkedIn would cut the post there"
            )
    return None


def json_of(request: Request) -> dict:
    """The request's JSON object, or {}."""
    try:
        body = request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def linkedin_error(
    status: int, message: str, service_error_code: int | None = None, code: str = ""
) -> Answer:
    """LinkedIn's error body: {"status", "message"}, with serviceErrorCode and code when the
    real API gives them."""
    body: dict[str, object] = {"status": status, "message": message}
    if service_error_code is not None:
        body["serviceErrorCode"] = service_error_code
    if code:
        body["code"] = code
    return Answer(status, body)


def expired_token() -> Answer:
    """LinkedIn's answer to an expired access token."""
    return linkedin_error(
        401, "The token used in the request has expired", 65601, "EXPIRED_ACCESS_TOKEN"
    )


def oauth_error(status: int, error: str, description: str) -> Answer:
    """The token endpoint's error body."""
    return Answer(status, {"error": error, "error_description": description})


FAILURES = {
    "rate_limited": lambda: linkedin_error(
        429,
        "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.",
        101,
        "TOO_MANY_REQUESTS",
    ),
    "server_error": lambda: linkedin_error(500, "Internal Server Error"),
    "expired_token": expired_token,
    "invalid": lambda: linkedin_error(422, "Content is a duplicate of urn:li:share:7100000000000"),
}


@pytest.fixture(name="linkedin_api")
def linkedin_api_fixture(settings):
    """A fake LinkedIn that accepts the configured SOCIAL_LINKEDIN_VERSION, and the settings
    that post to it."""
    with FakeLinkedIn(versions={settings.SOCIAL_LINKEDIN_VERSION}) as api:
        settings.SOCIAL_LINKEDIN_API_URL = api.api_url
        yield api
