"""A local stand-in for a Bluesky PDS (AT Protocol XRPC), written from the lexicons and the
reference PDS (/work/shared/reference/api-contracts.md, section 5).

It serves what a town's account needs to post, and checks what the real PDS checks:

- createSession {identifier, password} (handle or DID, app password; 401
  AuthenticationRequired otherwise), at most 30 per 5 minutes (then 429), counted in
  `sessions_created`; refreshSession with the refresh token (rotated: each serves once).
  Access tokens can be made to expire (`expire_access()`: the next call with them answers 400
  ExpiredToken); `expire_session()` expires the refresh tokens too.
- uploadBlob: raw bytes whose Content-Type is the image type the bytes really are; answers the
  blob ({"$type": "blob", "ref": {"$link": cid}, "mimeType", "size"}).
- createRecord: an app.bsky.feed.post under a TID rkey, validated as the lexicon does ($type,
  text ≤ 300 graphemes and ≤ 3000 UTF-8 bytes, createdAt, langs, facets, images embed with
  `alt` required and an uploaded blob ≤ 2 MB, or an external embed). Stricter than the PDS on
  one point: a #link facet must cover exactly its uri in the UTF-8 text (the backend links
  addresses as they are written). A repeated rkey answers `collision`, 400
  RecordAlreadyExists by default (the real answer is UNCONFIRMED; tests may set another).
- getRecord (no session needed): 200 {uri, cid, value}, or 400 RecordNotFound.
- deleteRecord {repo, collection, rkey}: the account's own repository only (its DID or handle);
  the record leaves `records` → 200 {commit}; a record already gone → 200 {} (the reference
  PDS's handler is a no-op then).

Every answer carries RateLimit-* headers. Scripted failures for the next calls, whatever they
send (`fail_next`): "rate_limited" (429 RateLimitExceeded with Retry-After), "server_error"
(500), "invalid" (400 InvalidRequest, a record refused), "hang" (no answer until the fake
stops; a createRecord or deleteRecord is carried out first, as a PDS whose answer was lost).
Posts taken are in `posts` (the records' values) and `records` (by rkey).
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import time
from collections.abc import Callable
from datetime import datetime

import pytest
import regex

from tests.fakes.http_server import Answer, FakeService, Request

FAILURE_KINDS = frozenset({"rate_limited", "server_error", "hang", "invalid"})
POST_COLLECTION = "app.bsky.feed.post"
LINK_FEATURE = "app.bsky.richtext.facet#link"
TID = re.compile(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}")
DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
MAX_GRAPHEMES = 300
MAX_TEXT_BYTES = 3000
MAX_LANGS = 3
MAX_IMAGES = 4
MAX_IMAGE_BYTES = 2_000_000  # app.bsky.embed.images' maxSize
LOGIN_LIMIT, LOGIN_WINDOW = 30, 300  # createSession: 30 per 5 minutes per account
WRITE_LIMIT, WRITE_WINDOW, CREATE_POINTS = 5000, 3600, 3  # repo writes: points per hour


class XrpcError(Exception):
    """An XRPC error answer: {"error": name, "message": text}."""

    def __init__(self, status: int, name: str, message: str):
        super().__init__(message)
        self.answer = Answer(status, {"error": name, "message": message})


def invalid_record(problem: str) -> XrpcError:
    """How the PDS refuses a record the lexicon does not accept."""
    return XrpcError(400, "InvalidRequest", f"Invalid {POST_COLLECTION} record: {problem}")


class FakePds(FakeService):
    """One account's PDS: its sessions, blobs and posts."""

    failure_kinds = FAILURE_KINDS

    def __init__(
        self,
        delay: float = 0.0,
        handle: str = "mairie-exemple.bsky.social",
        app_password: str = "abcd-efgh-ijkl-mnop",
    ):
        super().__init__(delay)
        self.handle = handle
        self.app_password = app_password
        self.did = "did:plc:mairieexemplefakepds2345"
        self.rate_limit_reset = 1  # seconds announced by a 429
        self.collision = Answer(
            400, {"error": "RecordAlreadyExists", "message": "Record already exists"}
        )
        self.access_tokens: dict[str, bool] = {}  # token -> expired
        self.refresh_tokens: dict[str, bool] = {}
        self.blobs: dict[str, tuple[str, bytes]] = {}  # cid -> (mime type, content)
        self.records: dict[str, dict] = {}  # rkey -> {uri, cid, value}
        self.logins: list[float] = []
        self.refreshes = 0
        self.serial = itertools.count(1)
        self.routes: dict[tuple[str, str], Callable[[Request], Answer]] = {
            ("POST", "/xrpc/com.atproto.server.createSession"): self.create_session,
            ("POST", "/xrpc/com.atproto.server.refreshSession"): self.refresh_session,
            ("POST", "/xrpc/com.atproto.repo.uploadBlob"): self.upload_blob,
            ("POST", "/xrpc/com.atproto.repo.createRecord"): self.create_record,
            ("GET", "/xrpc/com.atproto.repo.getRecord"): self.get_record,
            ("POST", "/xrpc/com.atproto.repo.deleteRecord"): self.delete_record,
        }
        # Writes a "hang" carries out before losing the answer.
        self.writes = {self.create_record, self.delete_record}

    # What tests look at and switch ------------------------------------------------------

    @property
    def sessions_created(self) -> int:
        """How many times the account logged in (createSession that succeeded or not)."""
        with self.lock:
            return len(self.logins)

    @property
    def posts(self) -> list[dict]:
        """The posts' records, in the order they were created."""
        with self.lock:
            return [record["value"] for record in self.records.values()]

    def calls(self, nsid: str) -> list[Request]:
        """The requests made to one XRPC method."""
        with self.lock:
            return [r for r in self.requests if r.path == f"/xrpc/{nsid}"]

    def expire_access(self) -> None:
        """The access tokens given so far expire: their next call answers 400 ExpiredToken."""
        with self.lock:
            self.access_tokens = dict.fromkeys(self.access_tokens, True)

    def expire_session(self) -> None:
        """The access and the refresh tokens given so far expire: only a login helps."""
        with self.lock:
            self.access_tokens = dict.fromkeys(self.access_tokens, True)
            self.refresh_tokens = dict.fromkeys(self.refresh_tokens, True)

    # Serving ----------------------------------------------------------------------------

    def respond(self, request: Request) -> Answer | None:
        """Route the call; scripted failures first, except a hanging write."""
        route = self.routes.get((request.method, request.path))
        if route is None:
            return Answer(
                501, {"error": "MethodNotImplemented", "message": "Method Not Implemented"}
            )
        self.pause()
        failure = self.planned_failure()
        if failure and not (failure == "hang" and route in self.writes):
            return self.hang() if failure == "hang" else self.failure(failure)
        with self.lock:
            try:
                answer = route(request)
            except XrpcError as error:
                answer = error.answer
        if failure == "hang":
            return self.hang()
        return Answer(answer.status, answer.body, {**self.rate_limit_headers(), **answer.headers})

    def failure(self, kind: str) -> Answer:
        """The answer of a scripted failure."""
        if kind == "rate_limited":
            return self.rate_limited(WRITE_LIMIT, WRITE_WINDOW)
        if kind == "server_error":
            return Answer(500, {"error": "InternalServerError", "message": "Internal Server Error"})
        return invalid_record(
            f"Record/text must not be longer than {MAX_GRAPHEMES} graphemes"
        ).answer

    def rate_limited(self, limit: int, window: int) -> Answer:
        """429 as the PDS's rate limiter answers it."""
        headers = {
            "Retry-After": str(self.rate_limit_reset),
            "RateLimit-Limit": str(limit),
            "RateLimit-Remaining": "0",
            "RateLimit-Reset": str(int(time.time()) + self.rate_limit_reset),
            "RateLimit-Policy": f"{limit};w={window}",
        }
        body = {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}
        return Answer(429, body, headers)

    def rate_limit_headers(self) -> dict[str, str]:
        """The write budget left this hour (each post costs 3 points)."""
        with self.lock:
            remaining = max(0, WRITE_LIMIT - CREATE_POINTS * len(self.records))
        return {
            "RateLimit-Limit": str(WRITE_LIMIT),
            "RateLimit-Remaining": str(remaining),
            "RateLimit-Reset": str(int(time.time()) + WRITE_WINDOW),
            "RateLimit-Policy": f"{WRITE_LIMIT};w={WRITE_WINDOW}",
        }

    # Sessions ---------------------------------------------------------------------------

    def create_session(self, request: Request) -> Answer:
        """Log in with the handle (or DID) and the app password."""
        body = json_input(request)
        now = time.monotonic()
        if sum(1 for at in self.logins if now - at < LOGIN_WINDOW) >= LOGIN_LIMIT:
            return self.rate_limited(LOGIN_LIMIT, LOGIN_WINDOW)
        self.logins.append(now)
        if body.get("identifier") not in (self.handle, self.did) or (
            body.get("password") != self.app_password
        ):
            raise XrpcError(401, "AuthenticationRequired", "Invalid identifier or password")
        return Answer(200, self.new_session())

    def refresh_session(self, request: Request) -> Answer:
        """New tokens for a refresh token, which then serves no more."""
        token = bearer_token(request)
        if token in self.access_tokens:
            raise XrpcError(400, "InvalidToken", "Invalid token type")
        if token not in self.refresh_tokens:
            raise XrpcError(400, "InvalidToken", "Token could not be verified")
        if self.refresh_tokens.pop(token):
            raise XrpcError(400, "ExpiredToken", "Token has expired")
        self.refreshes += 1
        return Answer(200, self.new_session())

    def new_session(self) -> dict:
        """Fresh tokens, as createSession and refreshSession answer them."""
        number = next(self.serial)
        access, refresh = f"access-jwt-{number}", f"refresh-jwt-{number}"
        self.access_tokens[access] = False
        self.refresh_tokens[refresh] = False
        return {
            "accessJwt": access,
            "refreshJwt": refresh,
            "handle": self.handle,
            "did": self.did,
            "active": True,
        }

    def authenticate(self, request: Request) -> None:
        """The access token of a call that needs a session."""
        token = bearer_token(request)
        if token is None:
            raise XrpcError(401, "AuthenticationRequired", "Authentication Required")
        if token not in self.access_tokens:
            raise XrpcError(400, "InvalidToken", "Token could not be verified")
        if self.access_tokens[token]:
            raise XrpcError(400, "ExpiredToken", "Token has expired")

    # Repository -------------------------------------------------------------------------

    def upload_blob(self, request: Request) -> Answer:
        """Keep the raw image bytes as a blob."""
        self.authenticate(request)
        mime_type = request.headers.get("Content-Type", "")
        if not request.body:
            raise XrpcError(400, "InvalidRequest", "Request body is empty")
        if sniffed_image_type(request.body) != mime_type:
            message = f"Content-Type {mime_type!r} is not what the bytes are (raw bytes expected)"
            raise XrpcError(400, "InvalidRequest", message)
        cid = content_id("bafkrei", request.body)
        self.blobs[cid] = (mime_type, request.body)
        return Answer(200, {"blob": blob_ref(cid, mime_type, request.body)})

    def create_record(self, request: Request) -> Answer:
        """Validate and keep a post under its rkey."""
        self.authenticate(request)
        body = json_input(request)
        if body.get("repo") not in (self.did, self.handle):
            raise XrpcError(400, "InvalidRequest", f"Could not find repo: {body.get('repo')}")
        if body.get("collection") != POST_COLLECTION:
            raise XrpcError(400, "InvalidRequest", "This fake PDS takes posts only")
        rkey = body.get("rkey")
        if not isinstance(rkey, str) or not TID.fullmatch(rkey):
            raise invalid_record(f"record key {rkey!r} is not a TID")
        problem = record_problem(body.get("record"), self.blobs)
        if problem:
            raise invalid_record(problem)
        if rkey in self.records:
            return self.collision
        uri = f"at://{self.did}/{POST_COLLECTION}/{rkey}"
        cid = content_id("bafyrei", json.dumps(body["record"], sort_keys=True).encode())
        self.records[rkey] = {"uri": uri, "cid": cid, "value": body["record"]}
        commit = {"cid": content_id("bafyrei", uri.encode()), "rev": rkey}
        return Answer(200, {"uri": uri, "cid": cid, "commit": commit, "validationStatus": "valid"})

    def delete_record(self, request: Request) -> Answer:
        """Remove a post by its rkey; a record already gone is no error."""
        self.authenticate(request)
        body = json_input(request)
        if body.get("repo") not in (self.did, self.handle):
            raise XrpcError(400, "InvalidRequest", f"Could not find repo: {body.get('repo')}")
        collection, rkey = body.get("collection"), body.get("rkey")
        if not (isinstance(collection, str) and isinstance(rkey, str) and rkey):
            raise XrpcError(400, "InvalidRequest", "Input must have collection and rkey")
        record = self.records.pop(rkey, None) if collection == POST_COLLECTION else None
        if record is None:
            return Answer(200, {})
        commit = {"cid": content_id("bafyrei", f"delete {record['uri']}".encode()), "rev": rkey}
        return Answer(200, {"commit": commit})

    def get_record(self, request: Request) -> Answer:
        """A post by its rkey; the repository is public."""
        repo, collection, rkey = (
            request.query.get(name, [""])[0] for name in ("repo", "collection", "rkey")
        )
        if repo not in (self.did, self.handle):
            raise XrpcError(400, "InvalidRequest", f"Could not find repo: {repo}")
        record = self.records.get(rkey) if collection == POST_COLLECTION else None
        if record is None:
            message = f"Could not locate record: at://{self.did}/{collection}/{rkey}"
            raise XrpcError(400, "RecordNotFound", message)
        return Answer(200, record)


# Reading requests ---------------------------------------------------------------------------


def json_input(request: Request) -> dict:
    """The JSON object a procedure takes."""
    if request.headers.get("Content-Type") != "application/json":
        raise XrpcError(400, "InvalidRequest", "Wrong request encoding (Content-Type)")
    try:
        body = request.json()
    except ValueError as error:
        raise XrpcError(400, "InvalidRequest", "Request body is not JSON") from error
    if not isinstance(body, dict):
        raise XrpcError(400, "InvalidRequest", "Input must be an object")
    return body


def bearer_token(request: Request) -> str | None:
    """The token of the Authorization header."""
    scheme, _, token = (request.headers.get("Authorization") or "").partition(" ")
    return token if scheme == "Bearer" and token else None


def sniffed_image_type(content: bytes) -> str:
    """The image type the bytes are, from their signature ("" if none known)."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return ""


def blob_ref(cid: str, mime_type: str, content: bytes) -> dict:
    """A blob as uploadBlob answers it and records refer to it."""
    return {"$type": "blob", "ref": {"$link": cid}, "mimeType": mime_type, "size": len(content)}


def content_id(prefix: str, content: bytes) -> str:
    """A CID-looking identifier of the content (multibase base32, as the PDS writes them)."""
    digest = base64.b32encode(hashlib.sha256(content).digest()).decode().lower().rstrip("=")
    return prefix + digest


# The app.bsky.feed.post lexicon -------------------------------------------------------------


def record_problem(record: object, blobs: dict[str, tuple[str, bytes]]) -> str:
    """Why the lexicon refuses this post record, or ""."""
    if not isinstance(record, dict):
        return "Record must be an object"
    if record.get("$type") != POST_COLLECTION:
        return f'Record/$type must be "{POST_COLLECTION}"'
    return (
        text_problem(record.get("text"))
        or created_at_problem(record.get("createdAt"))
        or langs_problem(record.get("langs", []))
        or facets_problem(record.get("facets", []), record["text"].encode())
        or embed_problem(record.get("embed"), blobs)
    )


def text_problem(text: object) -> str:
    """At most 300 graphemes (\\X) and 3000 UTF-8 bytes."""
    if not isinstance(text, str):
        return 'Record must have the property "text"'
    if len(text.encode()) > MAX_TEXT_BYTES:
        return f"Record/text must not be longer than {MAX_TEXT_BYTES} characters"
    if len(regex.findall(r"\X", text)) > MAX_GRAPHEMES:
        return f"Record/text must not be longer than {MAX_GRAPHEMES} graphemes"
    return ""


def created_at_problem(value: object) -> str:
    """An RFC 3339 datetime with its offset (Z or ±hh:mm)."""
    problem = "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)"
    if not isinstance(value, str) or not DATETIME.fullmatch(value):
        return problem
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return problem
    return ""


def langs_problem(langs: object) -> str:
    """Up to 3 language tags."""
    if not isinstance(langs, list) or len(langs) > MAX_LANGS:
        return f"Record/langs must be an array of at most {MAX_LANGS} languages"
    if not all(
        isinstance(lang, str) and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", lang)
        for lang in langs
    ):
        return "Record/langs must hold language tags"
    return ""


def facets_problem(facets: object, text: bytes) -> str:
    """Each facet of the record, against the UTF-8 text."""
    if not isinstance(facets, list):
        return "Record/facets must be an array"
    for number, facet in enumerate(facets):
        problem = facet_problem(facet, text, f"Record/facets/{number}")
        if problem:
            return problem
    return ""


def facet_problem(facet: object, text: bytes, path: str) -> str:
    """A facet's byte range must lie in the text; a link's must cover its uri exactly."""
    index = facet.get("index") if isinstance(facet, dict) else None
    if not isinstance(index, dict):
        return f'{path} must have the property "index"'
    start, end = index.get("byteStart"), index.get("byteEnd")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return f"{path}/index must be a byte range of the UTF-8 text"
    features = facet.get("features")
    if not isinstance(features, list) or not features:
        return f"{path}/features must be a non-empty array"
    try:
        covered = text[start:end].decode()
    except UnicodeDecodeError:
        return f"{path}/index cuts a character in two (byte offsets expected)"
    for feature in features:
        if not isinstance(feature, dict) or feature.get("$type") != LINK_FEATURE:
            return f"{path}/features: this fake knows #link facets only"
        if feature.get("uri") != covered:
            return f"{path} covers {covered!r}, not its link {feature.get('uri')!r}"
    return ""


def embed_problem(embed: object, blobs: dict[str, tuple[str, bytes]]) -> str:
    """No embed, an images embed or a link card."""
    if embed is None:
        return ""
    kind = embed.get("$type") if isinstance(embed, dict) else None
    if kind == "app.bsky.embed.images":
        return images_problem(embed.get("images"), blobs)
    if kind == "app.bsky.embed.external":
        return external_problem(embed.get("external"))
    return "Record/embed must be an images or external embed (in this fake)"


def images_problem(images: object, blobs: dict[str, tuple[str, bytes]]) -> str:
    """1 to 4 images."""
    if not isinstance(images, list) or not 1 <= len(images) <= MAX_IMAGES:
        return f"Record/embed/images must hold 1 to {MAX_IMAGES} images"
    for number, image in enumerate(images):
        problem = image_problem(image, blobs, f"Record/embed/images/{number}")
        if problem:
            return problem
    return ""


def image_problem(image: object, blobs: dict[str, tuple[str, bytes]], path: str) -> str:
    """`alt` is required (may be ""); the blob must be one uploaded, as uploaded."""
    if not isinstance(image, dict) or not isinstance(image.get("alt"), str):
        return f'{path} must have the property "alt"'
    blob = image.get("image")
    ref = blob.get("ref", {}).get("$link") if isinstance(blob, dict) else None
    if ref not in blobs:
        return f"{path}/image is not an uploaded blob: {ref}"
    mime_type, content = blobs[ref]
    if blob != blob_ref(ref, mime_type, content):
        return f"{path}/image is not the blob as uploadBlob answered it"
    if len(content) > MAX_IMAGE_BYTES:
        return f"{path}/image file too large ({len(content)} bytes, max {MAX_IMAGE_BYTES})"
    ratio = image.get("aspectRatio", {"width": 1, "height": 1})
    sides = [ratio.get(side) for side in ("width", "height")] if isinstance(ratio, dict) else [0]
    if not all(isinstance(side, int) and side >= 1 for side in sides):
        return f"{path}/aspectRatio must have positive integer width and height"
    return ""


def external_problem(external: object) -> str:
    """A link card: uri, title and description required."""
    if not isinstance(external, dict):
        return 'Record/embed must have the property "external"'
    for name in ("uri", "title", "description"):
        if not isinstance(external.get(name), str):
            return f'Record/embed/external must have the property "{name}"'
    if not re.match(r"https?://", external["uri"]):
        return "Record/embed/external/uri must be a uri"
    return ""


@pytest.fixture
def bluesky_api():
    """A fake PDS; tests give accounts its url as their pds_url."""
    with FakePds() as pds:
        yield pds
