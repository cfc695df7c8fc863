"""A local stand-in for the Graph API of Facebook Pages, written from its documented contract
(/work/shared/reference/api-contracts.md, section 2).

It serves one Page under a versioned path (/v23.0/…), takes the Page token as the
`access_token` query, form or multipart parameter, and answers as the Graph API does:

- POST /{page}/feed (form: message, link) -> {"id": "{page}_{post}"};
- POST /{page}/photos (multipart: the image file in `source`, the caption in `message`, the
  alt text in `alt_text_custom`) -> {"id": photo id, "post_id": "{page}_{post}"};
- GET /{post}?fields=permalink_url, GET /{page}/feed?fields=…&limit=… (latest first);
- DELETE /{post} -> {"success": true}, the post gone from `posts`; a post deleted before, or
  never there, answers code 100, subcode 33 "Unsupported delete request…", as any unknown
  node does (that the real API answers a deleted post so is UNCONFIRMED in the docs read);
- every error in the envelope {"error": {message, type, code, error_subcode, fbtrace_id}}: a
  missing token is code 104, a wrong one 190, an unknown node or edge 100.

A test can make it answer otherwise:

    facebook_api.fail_next("rate_limited")   # 400, code 32, X-Business-Use-Case-Usage
    facebook_api.fail_reads("server_error")  # every GET fails: posts land, permalinks don't

Failure kinds: "rate_limited" (HTTP 400, code 32, the Page's limit, with the Business Use
Case header announcing `regain_minutes`), "app_rate_limited" (HTTP 403, code 4, X-App-Usage),
"server_error" (500, code 2, transient), "hang" (no answer until the fake stops),
"expired_token" (400, code 190, subcode 463), "invalid" (400, code 100).
Every post taken is kept in `posts`, latest last.
"""

from __future__ import annotations

import itertools
import json
import secrets
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser

import pytest

from connectors.social import Account
from tests.fakes.http_server import Answer, FakeService, Request

FAILURE_KINDS = frozenset(
    {"rate_limited", "app_rate_limited", "server_error", "hang", "expired_token", "invalid"}
)
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"RIFF")  # PNG, JPEG, WebP
# code, HTTP status, subcode, message of each scripted failure (from the error-handling and
# rate-limiting guides).
FAILURES = {
    "rate_limited": (32, 400, None, "(#32) Page request limit reached"),
    "app_rate_limited": (4, 403, None, "(#4) Application request limit reached"),
    "server_error": (2, 500, None, "An unexpected error has occurred. Please retry later."),
    "expired_token": (190, 400, 463, "Error validating access token: Session has expired."),
    "invalid": (100, 400, None, "(#100) The parameter message is invalid."),
}


@dataclass
class PagePost:
    """One post on the Page, as the fake took it."""

    id: str  # "{page}_{post}"
    message: str
    link: str = ""
    photo: bytes = b""
    alt_text: str = ""

    @property
    def permalink_url(self) -> str:
        page, _, post = self.id.partition("_")
        return f"https://www.facebook.com/{page}/posts/{post}"


class FakeFacebook(FakeService):
    """One Facebook Page behind a fake Graph API."""

    failure_kinds = FAILURE_KINDS

    def __init__(self, delay: float = 0.0, version: str = "v23.0"):
        super().__init__(delay)
        self.version = version
        self.page_id = "104020882571420"
        self.page_token = "EAAfakePageToken" + secrets.token_hex(8)
        self.regain_minutes = 3  # estimated_time_to_regain_access of a throttled call
        self.posts: list[PagePost] = []
        self.ids = itertools.count(1116689038356556)
        self.failing_reads: str | None = None

    @property
    def graph_url(self) -> str:
        """The base URL with its version, as SOCIAL_FACEBOOK_GRAPH_URL."""
        return f"{self.url}/{self.version}"

    def account(self) -> Account:
        """The town's account on this Page."""
        return Account(
            "facebook", {"page_id": self.page_id}, {"page_access_token": self.page_token}
        )

    def fail_reads(self, kind: str | None) -> None:
        """Answer every GET with this failure (None: answer them again)."""
        assert kind is None or kind in FAILURE_KINDS, kind
        self.failing_reads = kind

    def post(self, post_id: str) -> PagePost | None:
        """The post with this id, if the Page has it."""
        with self.lock:
            return next((post for post in self.posts if post.id == post_id), None)

    def remove(self, post_id: str) -> bool:
        """Take the post off the Page; False if the Page does not have it."""
        with self.lock:
            kept = [post for post in self.posts if post.id != post_id]
            removed = len(kept) < len(self.posts)
            self.posts = kept
        return removed

    # Serving ------------------------------------------------------------------------------

    def respond(self, request: Request) -> Answer | None:
        """The Graph API's answer: path and version, token, scripted failure, then the call."""
        prefix = f"/{self.version}/"
        if not request.path.startswith(prefix):
            return graph_error(400, 2500, f"Unknown path components: {request.path}")
        params = parameters(request)
        if params is None:
            return graph_error(400, 100, "(#100) The request body could not be read.")
        refusal = self.token_refusal(params.get("access_token"))
        if refusal:
            return refusal
        self.pause()
        failure = self.planned_failure() or (
            self.failing_reads if request.method == "GET" else None
        )
        if failure == "hang":
            return self.hang()
        if failure:
            return self.failure(failure)
        node, _, edge = request.path.removeprefix(prefix).partition("/")
        if node == self.page_id and (request.method, edge) == ("POST", "feed"):
            return self.create_feed_post(params)
        if node == self.page_id and (request.method, edge) == ("POST", "photos"):
            return self.create_photo(params)
        if node == self.page_id and (request.method, edge) == ("GET", "feed"):
            return self.feed(params)
        if (request.method, edge) == ("GET", "") and (post := self.post(node)):
            return self.node(post, params)
        if (request.method, edge) == ("DELETE", "") and self.remove(node):
            return Answer(200, {"success": True})
        return graph_error(
            400,
            100,
            f"Unsupported {request.method.lower()} request. Object with ID '{node}' does not "
            "exist, cannot be loaded due to missing permissions, or does not support this "
            "operation.",
            subcode=33,
        )

    def token_refusal(self, token: object) -> Answer | None:
        """The Graph API's answer to a missing or wrong access token."""
        if not token:
            return graph_error(400, 104, "An access token is required to request this resource.")
        if token != self.page_token:
            return graph_error(400, 190, "Invalid OAuth access token - Cannot parse access token")
        return None

    def create_feed_post(self, params: dict) -> Answer:
        """POST /{page}/feed: a text or link post."""
        message, link = params.get("message", ""), params.get("link", "")
        if not (message or link):
            return graph_error(400, 100, "(#100) Missing message or attachment")
        return Answer(200, {"id": self.take(PagePost(self.new_id(), message, link)).id})

    def create_photo(self, params: dict) -> Answer:
        """POST /{page}/photos: a photo post, its file an image."""
        source = params.get("source")
        if not isinstance(source, bytes) or not source.startswith(IMAGE_SIGNATURES):
            return graph_error(400, 324, "(#324) Requires upload file")
        photo_id = str(next(self.ids))
        post = PagePost(
            self.new_id(),
            params.get("message", ""),
            photo=source,
            alt_text=params.get("alt_text_custom", ""),
        )
        return Answer(200, {"id": photo_id, "post_id": self.take(post).id})

    def feed(self, params: dict) -> Answer:
        """GET /{page}/feed: the latest posts, with the fields asked for."""
        fields = params.get("fields", "id").split(",")
        limit = int(params.get("limit", 25))
        with self.lock:
            latest = list(reversed(self.posts))[:limit]
        return Answer(200, {"data": [fields_of(post, fields) for post in latest], "paging": {}})

    def node(self, post: PagePost, params: dict) -> Answer:
        """GET /{post}: one post, with the fields asked for."""
        return Answer(200, fields_of(post, params.get("fields", "id").split(",")))

    def failure(self, kind: str) -> Answer:
        """The Graph API's answer for a scripted failure."""
        code, status, subcode, message = FAILURES[kind]
        headers = {}
        if kind == "rate_limited":
            usage = {
                self.page_id: [
                    {
                        "type": "pages",
                        "call_count": 100,
                        "total_cputime": 20,
                        "total_time": 25,
                        "estimated_time_to_regain_access": self.regain_minutes,
                    }
                ]
            }
            headers["X-Business-Use-Case-Usage"] = json.dumps(usage)
        if kind == "app_rate_limited":
            headers["X-App-Usage"] = json.dumps(
                {"call_count": 100, "total_time": 30, "total_cputime": 30}
            )
        return graph_error(status, code, message, subcode=subcode, headers=headers)

    def new_id(self) -> str:
        """A new Page post id, "{page}_{post}"."""
        return f"{self.page_id}_{next(self.ids)}"

    def take(self, post: PagePost) -> PagePost:
        """Keep the post on the Page."""
        with self.lock:
            self.posts.append(post)
        return post


def parameters(request: Request) -> dict[str, str | bytes] | None:
    """The query's, form's or multipart body's parameters (a file's value is its bytes);
    None when the body cannot be read."""
    params: dict[str, str | bytes] = {name: values[-1] for name, values in request.query.items()}
    content_type = request.headers.get("Content-Type", "")
    if request.method != "POST" or not request.body:
        return params
    if content_type.startswith("application/x-www-form-urlencoded"):
        params.update((name, values[-1]) for name, values in request.form().items())
        return params
    if content_type.startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        message = BytesParser(policy=policy.HTTP).parsebytes(head + request.body)
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            content = part.get_payload(decode=True)
            params[name] = content if part.get_filename() else content.decode()
        return params
    return None


def fields_of(post: PagePost, fields: list[str]) -> dict[str, str]:
    """The post as the Graph API gives it: the fields asked for (and always its id)."""
    values = {"id": post.id, "message": post.message, "permalink_url": post.permalink_url}
    return {"id": post.id} | {name: values[name] for name in fields if name in values}


def graph_error(
    status: int, code: int, message: str, subcode: int | None = None, headers=None
) -> Answer:
    """The Graph API's error envelope."""
    error = {
        "message": message,
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": "A" + secrets.token_urlsafe(8),
    }
    if subcode is not None:
        error["error_subcode"] = subcode
    if code in (1, 2):
        error["is_transient"] = True
    return Answer(status, {"error": error}, headers or {})


@pytest.fixture(name="facebook_api")
def facebook_api_fixture(settings):
    """A fake Graph API with one Page, and the settings that post to it."""
    with FakeFacebook() as api:
        settings.SOCIAL_FACEBOOK_GRAPH_URL = api.graph_url
        yield api
