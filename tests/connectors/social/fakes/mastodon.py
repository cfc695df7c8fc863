"""A local stand-in for a Mastodon instance's API, written from its documented contract
(/work/shared/reference/api-contracts.md §4): what a status with an image goes through, and
the read calls `find()` uses.

It checks what Mastodon checks and answers as Mastodon does:
- `Authorization: Bearer <token>` with the token it knows, else 401 {"error"}.
- POST /api/v2/media: multipart `file` carrying an image MIME type, `description` ≤ 1500
  characters → 200 MediaAttachment, or 202 (url null) when `processing_polls` > 0; then
  GET /api/v1/media/{id} answers 206 that many times, then 200.
- POST /api/v1/statuses (form fields or JSON): an Idempotency-Key already used returns the
  status it created (same id) before anything else is checked; text ≤ 500 characters
  (graphemes, every URL 23), media ids known and processed (422 "Cannot attach files that
  have not finished processing" otherwise), ≤ 4 of them, a known visibility → 200 Status
  {id, url, uri, content (HTML, links as <a href>), language, visibility, media_attachments}.
- DELETE /api/v1/statuses/{id}: the account's status leaves `statuses` → 200 the Status, with
  its source `text` (for redrafting); an id it does not have → 404 "Record not found".
- GET /api/v1/accounts/verify_credentials, GET /api/v1/accounts/{id}/statuses (limit ≤ 40,
  latest first).
- X-RateLimit-Limit/Remaining/Reset (an ISO 8601 time) on each answer: 300 calls per 5 minutes,
  media uploads and deletions 30 per 30 minutes each; 429 once used up.

Scripted failures (`fail_next`), for the next call whatever it is: "rate_limited" (429),
"server_error" (503), "expired_token" (401), "invalid" (422 validation failed), "hang" (the
call is carried out but its answer never comes, past any client timeout); "unprocessed" waits
for the next status call: 422 "not finished processing", its image processing again for one
poll (a lagging media store).
Statuses are kept in `statuses`, uploads in `media`.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
import regex

from connectors.social import Account
from tests.fakes.http_server import Answer, FakeService, RateWindow, Request

FAILURE_KINDS = frozenset(
    {"rate_limited", "server_error", "hang", "expired_token", "invalid", "unprocessed"}
)
MAX_CHARACTERS = 500
URL_LENGTH = 23
URL = re.compile(r"https?://\S+")
DESCRIPTION_LIMIT = 1500
MAX_MEDIA = 4
VISIBILITIES = {"public", "unlisted", "private", "direct"}
NOT_PROCESSED = "Cannot attach files that have not finished processing. Try again in a moment!"


@dataclass
class Media:
    """One upload: its id, type, description and the polls it still answers 206 to."""

    id: str
    content_type: str
    description: str
    polls_left: int = 0

    @property
    def processing(self) -> bool:
        return self.polls_left > 0


@dataclass
class Status:
    """One status the instance took."""

    id: str
    text: str
    language: str
    visibility: str
    media: list[Media] = field(default_factory=list)
    idempotency_key: str = ""


class FakeMastodon(FakeService):
    """One Mastodon instance with one account."""

    failure_kinds = FAILURE_KINDS

    def __init__(self, delay: float = 0.0, processing_polls: int = 0):
        super().__init__(delay)
        self.access_token = "test-mastodon-access-token"
        self.account_id = "109302357413524518"
        self.username = "villedetest"
        self.processing_polls = processing_polls
        self.ids = itertools.count(113000000000000001)
        self.media: dict[str, Media] = {}
        self.statuses: list[Status] = []
        self.idempotency: dict[str, Status] = {}
        self.windows = {
            "upload": RateWindow(30, 30 * 60),
            "delete_status": RateWindow(30, 30 * 60),
            "default": RateWindow(300, 5 * 60),
        }

    def account(self, token: str = "") -> Account:
        """A Mastodon account on this instance (with another token if given)."""
        settings = {"instance_url": self.url}
        return Account("mastodon", settings, {"access_token": token or self.access_token})

    # Serving ----------------------------------------------------------------------------

    def respond(self, request: Request) -> Answer | None:
        endpoint = self.endpoint(request)
        if endpoint is None:
            return Answer(404, {"error": "Record not found"})
        if request.headers.get("Authorization") != f"Bearer {self.access_token}":
            return Answer(401, {"error": "The access token is invalid"})
        self.pause()
        failure = self.failure_for(endpoint)
        window = self.windows.get(endpoint, self.windows["default"])
        with self.lock:
            if failure == "rate_limited":
                window.exhaust()
            allowed = window.take()
        reset = datetime.fromtimestamp(window.reset_at, UTC).isoformat(timespec="microseconds")
        headers = {
            "X-RateLimit-Limit": str(window.limit),
            "X-RateLimit-Remaining": str(window.remaining),
            "X-RateLimit-Reset": reset.replace("+00:00", "Z"),
        }
        if not allowed:
            return Answer(429, {"error": "Too many requests"}, headers)
        if failure == "unprocessed":  # a lagging media store: the attachments process again
            self.process_again(status_fields(request)["media_ids"])
        handler = getattr(self, endpoint)
        return self.carry_out(handler, request, failure, headers, ("hang", "unprocessed"))

    def endpoint(self, request: Request) -> str | None:
        """The name of the endpoint called (its handler)."""
        routes = {
            ("POST", "/api/v2/media"): "upload",
            ("POST", "/api/v1/statuses"): "create_status",
            ("GET", "/api/v1/accounts/verify_credentials"): "verify_credentials",
        }
        if request.method == "GET" and re.fullmatch(r"/api/v1/media/\d+", request.path):
            return "media_state"
        if request.method == "GET" and re.fullmatch(r"/api/v1/accounts/\d+/statuses", request.path):
            return "account_statuses"
        if request.method == "DELETE" and re.fullmatch(r"/api/v1/statuses/\d+", request.path):
            return "delete_status"
        return routes.get((request.method, request.path))

    def failure_for(self, endpoint: str) -> str | None:
        """The next scripted failure ("unprocessed" waits for a status call)."""
        with self.lock:
            if not self.planned:
                return None
            if self.planned[0] == "unprocessed" and endpoint != "create_status":
                return None
            return self.planned.popleft()

    def process_again(self, media_ids: list[str]) -> None:
        """These uploads answer 206 (processing) once more."""
        with self.lock:
            for media_id in media_ids:
                if media_id in self.media:
                    self.media[media_id].polls_left = 1

    def failure(self, kind: str) -> Answer:
        if kind == "server_error":
            return Answer(503, {"error": "Service Unavailable"})
        if kind == "expired_token":
            return Answer(401, {"error": "The access token is invalid"})
        return Answer(422, {"error": "Validation failed: Text can't be blank"})

    # Endpoints --------------------------------------------------------------------------

    def upload(self, request: Request) -> Answer:
        """POST /api/v2/media."""
        fields = request.multipart()
        file = fields.get("file")
        if file is None:
            return Answer(422, {"error": "Validation failed: File can't be blank"})
        if not file.content_type.startswith("image/") or not file.content:
            return Answer(422, {"error": "Validation failed: File content type is invalid"})
        description = fields["description"].text if "description" in fields else ""
        if len(description) > DESCRIPTION_LIMIT:
            message = f"Validation failed: Description is too long (maximum is {DESCRIPTION_LIMIT})"
            return Answer(422, {"error": message})
        media = Media(str(next(self.ids)), file.content_type, description, self.processing_polls)
        with self.lock:
            self.media[media.id] = media
        return Answer(202 if media.processing else 200, self.attachment(media))

    def media_state(self, request: Request) -> Answer:
        """GET /api/v1/media/{id}: 206 while processing, 200 once done."""
        with self.lock:
            media = self.media.get(request.path.rsplit("/", 1)[1])
            if media is None:
                return Answer(404, {"error": "Record not found"})
            processing = media.processing
            media.polls_left = max(0, media.polls_left - 1)
        return Answer(206 if processing else 200, self.attachment(media, processing))

    def create_status(self, request: Request) -> Answer:
        """POST /api/v1/statuses."""
        fields = status_fields(request)
        key = request.headers.get("Idempotency-Key") or ""
        with self.lock:
            if key and key in self.idempotency:  # Mastodon checks this first
                return Answer(200, self.entity(self.idempotency[key]))
            refusal = self.status_problem(fields)
            if refusal:
                return refusal
            status = Status(
                str(next(self.ids)),
                fields["status"],
                fields["language"],
                fields["visibility"],
                [self.media[i] for i in fields["media_ids"]],
                key,
            )
            self.statuses.append(status)
            if key:
                self.idempotency[key] = status
        return Answer(200, self.entity(status))

    def delete_status(self, request: Request) -> Answer:
        """DELETE /api/v1/statuses/{id}: the deleted status, with its source text."""
        status_id = request.path.rsplit("/", 1)[1]
        with self.lock:
            found = [status for status in self.statuses if status.id == status_id]
            if not found:
                return Answer(404, {"error": "Record not found"})
            self.statuses.remove(found[0])
        return Answer(200, {**self.entity(found[0]), "text": found[0].text})

    def status_problem(self, fields: dict) -> Answer | None:
        """Mastodon's refusal of a status, if any."""
        media_ids = fields["media_ids"]
        if not fields["status"].strip() and not media_ids:
            return Answer(422, {"error": "Validation failed: Text can't be blank"})
        if status_length(fields["status"]) > MAX_CHARACTERS:
            message = f"Validation failed: Text character limit of {MAX_CHARACTERS} exceeded"
            return Answer(422, {"error": message})
        if fields["visibility"] not in VISIBILITIES:
            return Answer(
                422, {"error": "Validation failed: Visibility is not included in the list"}
            )
        if len(media_ids) > MAX_MEDIA or any(i not in self.media for i in media_ids):
            return Answer(422, {"error": "Validation failed: Media ids are invalid"})
        if any(self.media[i].processing for i in media_ids):
            return Answer(422, {"error": NOT_PROCESSED})
        return None

    def verify_credentials(self, request: Request) -> Answer:
        """GET /api/v1/accounts/verify_credentials."""
        return Answer(200, self.account_entity())

    def account_statuses(self, request: Request) -> Answer:
        """GET /api/v1/accounts/{id}/statuses: the latest first."""
        limit = (request.query.get("limit") or ["20"])[0]
        count = min(int(limit), 40) if limit.isdigit() else 20
        if request.path.split("/")[4] != self.account_id:
            return Answer(200, [])
        with self.lock:
            latest = self.statuses[::-1][:count]
        return Answer(200, [self.entity(status) for status in latest])

    # Entities ---------------------------------------------------------------------------

    def account_entity(self) -> dict:
        return {
            "id": self.account_id,
            "username": self.username,
            "acct": self.username,
            "display_name": "Ville de Test",
            "url": f"{self.url}/@{self.username}",
        }

    def attachment(self, media: Media, processing: bool | None = None) -> dict:
        """A MediaAttachment (url null while processing)."""
        processing = media.processing if processing is None else processing
        address = f"{self.url}/system/media_attachments/files/{media.id}/original.jpg"
        return {
            "id": media.id,
            "type": "image",
            "url": None if processing else address,
            "preview_url": address.replace("original", "small"),
            "remote_url": None,
            "description": media.description or None,
            "blurhash": "UFBWY:8_0Jxv4nM{IUM{~qxuxuWB9FRjofRj",
        }

    def entity(self, status: Status) -> dict:
        """A Status as the API gives it."""
        return {
            "id": status.id,
            "created_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "uri": f"{self.url}/users/{self.username}/statuses/{status.id}",
            "url": f"{self.url}/@{self.username}/{status.id}",
            "content": status_html(status.text),
            "visibility": status.visibility,
            "language": status.language,
            "media_attachments": [self.attachment(media) for media in status.media],
            "account": self.account_entity(),
        }


def status_fields(request: Request) -> dict:
    """A status call's fields, from a form or a JSON body."""
    if (request.headers.get("Content-Type") or "").startswith("application/json"):
        try:
            body = request.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        media_ids = body.get("media_ids") or []
        values = {name: str(body.get(name) or "") for name in ("status", "language", "visibility")}
    else:
        form = request.form()
        media_ids = form.get("media_ids[]", [])
        values = {name: form.get(name, [""])[-1] for name in ("status", "language", "visibility")}
    return {**values, "visibility": values["visibility"] or "public", "media_ids": media_ids}


def status_length(text: str) -> int:
    """A status's length as Mastodon counts it: graphemes, every URL 23."""
    return len(regex.findall(r"\X", URL.sub("x" * URL_LENGTH, text)))


def status_html(text: str) -> str:
    """The status's HTML content: paragraphs, line breaks, links."""
    return "".join(paragraph_html(block) for block in text.split("\n\n"))


def paragraph_html(block: str) -> str:
    pieces = re.split(f"({URL.pattern})", block)  # text, link, text, link…
    return (
        "<p>"
        + "".join(
            link_html(piece) if index % 2 else html.escape(piece).replace("\n", "<br />")
            for index, piece in enumerate(pieces)
        )
        + "</p>"
    )


def link_html(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return (
        f'<a href="{html.escape(url)}" target="_blank" rel="nofollow noopener" translate="no">'
        f'<span class="invisible">{scheme}://</span><span class="">{html.escape(rest)}</span></a>'
    )


@pytest.fixture
def mastodon_api():
    """A fake Mastodon instance (accounts on it name its URL: `mastodon_api.account()`)."""
    with FakeMastodon() as api:
        yield api
