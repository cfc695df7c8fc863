"""A local stand-in for the X API v2, written from its documented contract
(/work/shared/reference/api-contracts.md §1): what a post with an image and alt text goes
through, and the read calls `find()` uses.

It checks what X checks and answers as X does:
- OAuth 1.0a: the HMAC-SHA1 signature is recomputed (RFC 5849: method, the URL as this server
  is reached, query and oauth_* parameters; JSON and multipart bodies are not signed), with
  the consumer key and access token it knows, a timestamp within 5 minutes and a fresh nonce;
  anything else is 401.
- POST /2/media/upload: multipart `media` (a real JPEG, PNG, WebP or GIF, ≤ 5 MB) and
  `media_category` → 200 {data: {id, media_key, size, expires_after_secs, image}}.
- POST /2/media/metadata: a known media id, alt text ≤ 1000 characters.
- POST /2/tweets: JSON with only the fields X's schema lists (additionalProperties false),
  known media ids, text ≤ 280 weighted characters (a rough count: URLs 23, code points
  up to U+10FF and a few punctuation ranges 1, others 2; X's error for a long text is
  UNCONFIRMED, answered here as an invalid request); the same text twice → 403 duplicate.
- DELETE /2/tweets/{id}: the user's post leaves `posts` → 200 {data: {deleted: true}}; an id
  X does not have (deleted already) → 404 resource-not-found (the 404 is UNCONFIRMED: XSPEC
  gives deletePosts only a default error).
- GET /2/users/me, GET /2/users/{id}/tweets (max_results 5..100, tweet.fields=entities gives
  entities.urls[].expanded_url, as X does for links and for the attached photo).
- x-rate-limit-limit/remaining/reset (epoch seconds) on each answer, per endpoint as X's
  table gives per user and 15 minutes; 429 once used up.

Scripted failures, for the next call whatever it is (`fail_next`): "rate_limited" (429),
"server_error" (503), "expired_token" (401), "invalid" (400 invalid request), and "hang": the
call is carried out but its answer never comes (past any client timeout).
Posts are kept in `posts`, uploads in `media`.
"""

from __future__ import annotations

import hmac
import io
import itertools
import re
import time
import unicodedata
from dataclasses import dataclass, field

import pytest
from oauthlib.oauth1 import Client
from oauthlib.oauth1.rfc5849 import signature, utils
from PIL import Image as PillowImage

from connectors.social import Account
from tests.fakes.http_server import Answer, FakeService, RateWindow, Request

FAILURE_KINDS = frozenset({"rate_limited", "server_error", "hang", "expired_token", "invalid"})
PROBLEMS = "https://api.twitter.com/2/problems"
CLOCK_TOLERANCE = 300  # seconds between the signed timestamp and X's clock
MAX_WEIGHTED_LENGTH = 280
URL = re.compile(r"https?://\S+")
LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
IMAGE_BYTES = 5 * 1024 * 1024
MEDIA_CATEGORIES = {"tweet_image", "tweet_video", "tweet_gif", "dm_image", "dm_video", "dm_gif"}
# XSPEC CreatePostsRequest's properties, and its media object's.
POST_FIELDS = {
    "text",
    "media",
    "reply",
    "quote_tweet_id",
    "poll",
    "reply_settings",
    "geo",
    "community_id",
    "for_super_followers_only",
    "nullcast",
    "card_uri",
    "direct_message_deep_link",
    "edit_options",
    "made_with_ai",
    "paid_partnership",
    "share_with_followers",
}
MEDIA_FIELDS = {
    "media_ids",
    "tagged_user_ids",
    "description",
    "title",
    "preview_media_id",
    "embeddable",
    "call_to_actions",
}
# Calls per user and 15 minutes (X's rate-limit table; the read endpoints' figures are the
# fake's own).
LIMITS = {"tweets": 100, "delete": 50, "upload": 500, "metadata": 500, "me": 75, "timeline": 900}
WINDOW = 15 * 60


@dataclass
class Media:
    """One upload: its id, type and alt text."""

    id: str
    content_type: str
    alt: str = ""


@dataclass
class XPost:
    """One post X took."""

    id: str
    text: str
    media_ids: list[str] = field(default_factory=list)
    alt_texts: list[str] = field(default_factory=list)


class FakeX(FakeService):
    """The X API v2 for one user, signed with OAuth 1.0a."""

    failure_kinds = FAILURE_KINDS

    def __init__(self, delay: float = 0.0):
        super().__init__(delay)
        self.consumer_key = "test-consumer-key"
        self.consumer_secret = "test-consumer-secret"
        self.access_token = "1580661436132757506-test-access-token"
        self.access_token_secret = "test-access-token-secret"
        self.user_id = "1580661436132757506"
        self.username = "VilleDeTest"
        self.ids = itertools.count(1880028106020515840)
        self.media: dict[str, Media] = {}
        self.posts: list[XPost] = []
        self.nonces: set[str] = set()
        self.windows = {name: RateWindow(limit, WINDOW) for name, limit in LIMITS.items()}

    def account(self, **secrets: str) -> Account:
        """An X account whose tokens this fake knows (or `secrets` instead)."""
        keys = {
            "consumer_key": self.consumer_key,
            "consumer_secret": self.consumer_secret,
            "access_token": self.access_token,
            "access_token_secret": self.access_token_secret,
        }
        return Account("x", {"username": self.username}, {**keys, **secrets})

    # Serving ----------------------------------------------------------------------------

    def respond(self, request: Request) -> Answer | None:
        endpoint = self.endpoint(request)
        if endpoint is None:
            return problem(404, "Not Found Error", f"Could not find {request.path}")
        refusal = self.authentication_problem(request)
        if refusal:
            return refusal
        self.pause()
        failure = self.planned_failure()
        window = self.windows[endpoint]
        with self.lock:
            if failure == "rate_limited":
                window.exhaust()
            allowed = window.take()
        headers = {
            "x-rate-limit-limit": str(window.limit),
            "x-rate-limit-remaining": str(window.remaining),
            "x-rate-limit-reset": str(int(window.reset_at)),
        }
        if not allowed:
            body = {"errors": [{"code": 88, "message": "Rate limit exceeded"}]}
            return Answer(429, body, headers)
        return self.carry_out(getattr(self, endpoint), request, failure, headers)

    def endpoint(self, request: Request) -> str | None:
        """The name of the endpoint called (its handler and rate limit)."""
        routes = {
            ("POST", "/2/tweets"): "tweets",
            ("POST", "/2/media/upload"): "upload",
            ("POST", "/2/media/metadata"): "metadata",
            ("GET", "/2/users/me"): "me",
        }
        if request.method == "GET" and re.fullmatch(r"/2/users/\d{1,19}/tweets", request.path):
            return "timeline"
        if request.method == "DELETE" and re.fullmatch(r"/2/tweets/\d{1,19}", request.path):
            return "delete"
        return routes.get((request.method, request.path))

    def failure(self, kind: str) -> Answer:
        if kind == "server_error":
            return problem(503, "Service Unavailable", "Service Unavailable")
        if kind == "expired_token":
            return unauthorized()
        return invalid_request("The request was invalid.")

    def authentication_problem(self, request: Request) -> Answer | None:
        """401 unless the request is signed with OAuth 1.0a by the keys this fake knows."""
        header = request.headers.get("Authorization") or ""
        if not header.startswith("OAuth "):
            return unauthorized()
        oauth = dict(oauth_parameters(header))
        timestamp = oauth.get("oauth_timestamp", "")
        nonce = oauth.get("oauth_nonce", "")
        with self.lock:
            replayed = nonce in self.nonces
            self.nonces.add(nonce)
        if (
            oauth.get("oauth_consumer_key") != self.consumer_key
            or oauth.get("oauth_token") != self.access_token
            or oauth.get("oauth_signature_method") != "HMAC-SHA1"
            or oauth.get("oauth_version", "1.0") != "1.0"
            or not timestamp.isdigit()
            or abs(int(timestamp) - time.time()) > CLOCK_TOLERANCE
            or not nonce
            or replayed
            or not hmac.compare_digest(oauth.get("oauth_signature", ""), self.signature(request))
        ):
            return unauthorized()
        return None

    def signature(self, request: Request) -> str:
        """The HMAC-SHA1 signature of this request, computed as X does (RFC 5849 §3.4)."""
        oauth = oauth_parameters(request.headers["Authorization"])
        params = [(name, value) for name, values in request.query.items() for value in values]
        params += [(k, v) for k, v in oauth if k not in ("oauth_signature", "realm")]
        uri = signature.base_string_uri(f"http://{request.headers['Host']}{request.path}")
        base = signature.signature_base_string(
            request.method, uri, signature.normalize_parameters(params)
        )
        keys = Client(
            self.consumer_key,
            client_secret=self.consumer_secret,
            resource_owner_key=self.access_token,
            resource_owner_secret=self.access_token_secret,
        )
        return signature.sign_hmac_sha1_with_client(base, keys)

    # Endpoints --------------------------------------------------------------------------

    def upload(self, request: Request) -> Answer:
        """POST /2/media/upload (one-shot, multipart)."""
        fields = request.multipart()
        if "media" not in fields or "media_category" not in fields:
            return invalid_request("The `media` and `media_category` fields are required.")
        if fields["media_category"].text not in MEDIA_CATEGORIES:
            return invalid_request("The `media_category` field is invalid.")
        content = fields["media"].content
        try:
            picture = PillowImage.open(io.BytesIO(content))
        except OSError:
            return invalid_request("media type unrecognized.")
        if picture.format not in IMAGE_TYPES or len(content) > IMAGE_BYTES:
            return invalid_request("media type unrecognized or file too large.")
        media = Media(str(next(self.ids)), IMAGE_TYPES[picture.format])
        with self.lock:
            self.media[media.id] = media
        image = {"image_type": media.content_type, "w": picture.width, "h": picture.height}
        data = {
            "id": media.id,
            "media_key": f"3_{media.id}",
            "size": len(content),
            "expires_after_secs": 86400,
            "image": image,
        }
        return Answer(200, {"data": data})

    def metadata(self, request: Request) -> Answer:
        """POST /2/media/metadata: the alt text of an upload."""
        body = json_object(request)
        alt_text = ((body.get("metadata") or {}).get("alt_text") or {}).get("text")
        media = self.media.get(str(body.get("id")))
        if media is None:
            return invalid_request("Your media IDs are invalid.")
        if not isinstance(alt_text, str) or len(alt_text) > 1000:
            return invalid_request("$.metadata.alt_text.text: must be at most 1000 characters")
        media.alt = alt_text
        metadata = {"alt_text": {"text": alt_text}}
        return Answer(200, {"data": {"id": media.id, "associated_metadata": metadata}})

    def tweets(self, request: Request) -> Answer:
        """POST /2/tweets."""
        if request.headers.get("Content-Type") != "application/json":
            return invalid_request("Content-Type must be application/json.")
        body = json_object(request)
        refusal = self.post_problem(body)
        if refusal:
            return refusal
        text = body.get("text", "")
        media_ids = (body.get("media") or {}).get("media_ids", [])
        with self.lock:
            if any(post.text == text for post in self.posts):
                detail = "You are not allowed to create a Tweet with duplicate content."
                return problem(403, "Forbidden", detail, "about:blank")
            post = XPost(
                str(next(self.ids)), text, media_ids, [self.media[i].alt for i in media_ids]
            )
            self.posts.append(post)
        return Answer(201, {"data": {"id": post.id, "text": post.text}})

    def delete(self, request: Request) -> Answer:
        """DELETE /2/tweets/{id}."""
        post_id = request.path.rsplit("/", 1)[1]
        with self.lock:
            kept = [post for post in self.posts if post.id != post_id]
            if len(kept) == len(self.posts):
                detail = f"Could not find tweet with id: [{post_id}]."
                return problem(404, "Not Found Error", detail, f"{PROBLEMS}/resource-not-found")
            self.posts = kept
        return Answer(200, {"data": {"deleted": True}})

    def post_problem(self, body: dict) -> Answer | None:
        """X's refusal of a post's body, if any."""
        unknown = sorted(set(body) - POST_FIELDS)
        if unknown:
            return not_in_schema(unknown[0])
        media = body.get("media")
        text = body.get("text", "")
        if not isinstance(text, str) or (not text and not media):
            return invalid_request("$.text: text or media is required")
        if media is not None:
            if not isinstance(media, dict):
                return invalid_request("$.media: must be an object")
            unknown = sorted(set(media) - MEDIA_FIELDS)
            if unknown:
                return not_in_schema(f"media.{unknown[0]}")
            media_ids = media.get("media_ids")
            if (
                not isinstance(media_ids, list)
                or not 1 <= len(media_ids) <= 4
                or not all(isinstance(i, str) and i in self.media for i in media_ids)
            ):
                return invalid_request("Your media IDs are invalid.")
        if weighted_length(text) > MAX_WEIGHTED_LENGTH:
            return invalid_request("Your Post text is too long.")
        return None

    def me(self, request: Request) -> Answer:
        """GET /2/users/me."""
        data = {"id": self.user_id, "name": "Ville de Test", "username": self.username}
        return Answer(200, {"data": data})

    def timeline(self, request: Request) -> Answer:
        """GET /2/users/{id}/tweets: the latest posts first."""
        max_results = (request.query.get("max_results") or ["10"])[0]
        if not max_results.isdigit() or not 5 <= int(max_results) <= 100:
            return invalid_request(
                "The `max_results` query parameter value is not between 5 and 100"
            )
        if request.path.split("/")[3] != self.user_id:
            return Answer(200, {"meta": {"result_count": 0}})
        fields = ",".join(request.query.get("tweet.fields", [])).split(",")
        with self.lock:
            latest = self.posts[::-1][: int(max_results)]
        tweets = [self.tweet(post, "entities" in fields) for post in latest]
        if not tweets:  # X leaves `data` out of an empty page
            return Answer(200, {"meta": {"result_count": 0}})
        meta = {
            "result_count": len(tweets),
            "newest_id": tweets[0]["id"],
            "oldest_id": tweets[-1]["id"],
        }
        return Answer(200, {"data": tweets, "meta": meta})

    def tweet(self, post: XPost, with_entities: bool) -> dict:
        """A post as the timeline gives it: its links (and photo link) as URL entities."""
        tweet = {"id": post.id, "text": post.text, "edit_history_tweet_ids": [post.id]}
        if not with_entities:
            return tweet
        urls = [
            {
                "start": found.start(),
                "end": found.end(),
                "url": f"https://t.co/{post.id[-10:]}",
                "expanded_url": found.group(),
                "display_url": found.group().split("://", 1)[1][:25],
            }
            for found in URL.finditer(post.text)
        ]
        for media_id in post.media_ids:
            photo = f"https://x.com/{self.username}/status/{post.id}/photo/1"
            urls.append(
                {"url": "https://t.co/photo", "expanded_url": photo, "media_key": f"3_{media_id}"}
            )
        return {**tweet, "entities": {"urls": urls}} if urls else tweet


def oauth_parameters(header: str) -> list[tuple[str, str]]:
    """The parameters of an `Authorization: OAuth …` header, percent-decoded."""
    return [
        (name, utils.unescape(value)) for name, value in utils.parse_authorization_header(header)
    ]


def weighted_length(text: str) -> int:
    """A text's length as X counts it, roughly: URLs 23, light characters 1, others 2."""
    text = unicodedata.normalize("NFC", text)
    light = sum(any(low <= ord(c) <= high for low, high in LIGHT_RANGES) for c in URL.sub("", text))
    heavy = len(URL.sub("", text)) - light
    return 23 * len(URL.findall(text)) + light + 2 * heavy


def json_object(request: Request) -> dict:
    """The request's JSON object, or {}."""
    try:
        body = request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def problem(status: int, title: str, detail: str, kind: str = "about:blank") -> Answer:
    """A Problem Details answer (X serves it as application/problem+json)."""
    body = {"title": title, "detail": detail, "type": kind, "status": status}
    return Answer(status, body, {"Content-Type": "application/problem+json"})


def unauthorized() -> Answer:
    return problem(401, "Unauthorized", "Unauthorized")


def invalid_request(message: str) -> Answer:
    """X's 400 for a request its schema refuses."""
    body = {
        "errors": [{"message": message}],
        "title": "Invalid Request",
        "detail": "One or more parameters to your request was invalid.",
        "type": f"{PROBLEMS}/invalid-request",
    }
    return Answer(400, body)


def not_in_schema(name: str) -> Answer:
    extra = "is not defined in the schema and the schema does not allow additional properties"
    return invalid_request(f"$.{name}: {extra}")


@pytest.fixture
def x_api(settings):
    """A fake X API, and the settings that reach it."""
    with FakeX() as api:
        settings.SOCIAL_X_API_URL = api.url
        yield api
