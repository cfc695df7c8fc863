"""Bluesky: posts on the town's account through its PDS's XRPC API (AT Protocol).

Plain `requests` through connectors.social.http rather than the `atproto` package: the six
calls needed (createSession, refreshSession, uploadBlob, createRecord, getRecord, deleteRecord)
are small, documented lexicons, and the package would bring a large dependency tree for them.

Session. Bluesky allows 30 createSession per account per 5 minutes, so the session is kept in
the account's secrets (access_jwt, refresh_jwt, did) and reused from post to post. An access
token refused as expired is renewed with refreshSession; only when the refresh token is refused
too does the backend log in again with the handle and the app password. New tokens are saved
with `account.save_secrets`.

Idempotency. Bluesky has no idempotency key, so the post is created under a record key (rkey)
derived from the post itself: the same post always gets the same rkey, a second createRecord
collides instead of posting twice, and getRecord tells whether an earlier attempt arrived.
How the PDS answers a collision is UNCONFIRMED (the reference PDS's repository tree throws a
plain error, which probably surfaces as 500 InternalServerError). So after any refused
createRecord except a rate limit the backend asks getRecord for its rkey, and a 400 named
RECORD_EXISTS ("RecordAlreadyExists", the name the local fake uses) is taken as a collision.
A record the lexicon refuses (text over 300 graphemes or 3000 bytes...) is a 400 whose name is
InvalidRequest in the reference PDS (its InvalidRecordError is re-raised under that name): any
such 400 is REJECTED with the PDS's message.

Deleting. deleteRecord {repo, collection, rkey} answers 200 whether the record was there or not
(the reference PDS's handler is a no-op for a record already gone), so any 200 is REMOVED.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import requests

from ..base import (
    POSTED,
    REJECTED,
    REMOVED,
    RETRY,
    UNKNOWN,
    URL_PATTERN,
    Account,
    Image,
    Post,
    Result,
    SocialBackend,
)
from ..http import CallFailed, failure, json_body, send, session

DEFAULT_PDS = "https://bsky.social"
POST_COLLECTION = "app.bsky.feed.post"
LINK_FEATURE = "app.bsky.richtext.facet#link"
PUBLIC_POST_URL = "https://bsky.app/profile/{actor}/post/{rkey}"
# A post's AT URI, as createRecord answers it and publish() returns it as remote id.
POST_URI = re.compile(r"at://(?P<repo>[^/]+)/app\.bsky\.feed\.post/(?P<rkey>[^/]+)")

# The session as kept in the account's secrets, and the fields of the PDS's answer.
SESSION_FIELDS = {"access_jwt": "accessJwt", "refresh_jwt": "refreshJwt", "did": "did"}
# Errors that mean the access token must be renewed (400 in the reference PDS, 401 elsewhere).
TOKEN_ERRORS = frozenset({"ExpiredToken", "InvalidToken"})
RECORD_EXISTS = "RecordAlreadyExists"
RECORD_NOT_FOUND = "RecordNotFound"

# Record keys of app.bsky.feed.post are TIDs: 13 characters of this alphabet, encoding a
# 64-bit integer whose top bit is 0, then 53 bits of microseconds since the UNIX epoch, then a
# 10-bit clock identifier.
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
TID_LENGTH = 13
CLOCK_ID_BITS = 10
MICROSECOND = timedelta(microseconds=1)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# A post without created_at gets a stable instant of 2024 from its key, not a far future one.
UNDATED_ORIGIN = datetime(2024, 1, 1, tzinfo=UTC)
UNDATED_SPAN = timedelta(days=366) // MICROSECOND


class Refused(Exception):
    """A call made before the post's record was answered with a failure; `result` says what
    it means for the post."""

    def __init__(self, result: Result):
        super().__init__(result.reason)
        self.result = result


class BlueskyBackend(SocialBackend):
    """The town's Bluesky account: settings pds_url (default https://bsky.social) and handle;
    secrets app_password and the kept session (access_jwt, refresh_jwt, did)."""

    network = "bluesky"

    def __init__(self, account: Account):
        super().__init__(account)
        self.http = session()
        self.pds = (account.settings.get("pds_url") or DEFAULT_PDS).rstrip("/")

    @property
    def secrets(self) -> dict[str, str]:
        """The account's secrets, where the session is kept."""
        return self.account.secrets

    def publish(self, post: Post) -> Result:
        """Log in if no session is kept, upload the image, then create the post's record."""
        try:
            self.ensure_session()
            blob = self.upload_blob(post.image) if post.image else None
        except (CallFailed, Refused) as failed:
            return write_not_sent(failed.result)
        try:
            return self.create_post(post, blob)
        except (CallFailed, Refused) as failed:
            return failed.result

    def delete(self, remote_id: str) -> Result:
        """Log in if no session is kept, then delete the record the AT URI names, in the
        repository the URI names (the account's DID: another's is refused by the PDS)."""
        address = POST_URI.fullmatch(remote_id)
        if address is None:
            return Result(REJECTED, remote_id, reason=f"not the AT URI of a post: {remote_id}")
        try:
            self.ensure_session()
        except (CallFailed, Refused) as failed:
            return write_not_sent(failed.result)
        body = {"repo": address["repo"], "collection": POST_COLLECTION, "rkey": address["rkey"]}
        try:
            response = self.authorized("POST", "com.atproto.repo.deleteRecord", json=body)
        except (CallFailed, Refused) as failed:
            return failed.result
        return Result(REMOVED, remote_id) if response.ok else refusal(response)

    def find(self, post: Post) -> Result | None:
        """The post's record, looked up by its rkey (getRecord needs no session)."""
        return self.lookup(record_key(post))

    # The post ------------------------------------------------------------------------------

    def upload_blob(self, image: Image) -> dict:
        """Upload the image's raw bytes; the PDS answers the blob the record refers to."""
        response = self.authorized(
            "POST",
            "com.atproto.repo.uploadBlob",
            data=image.content,
            headers={"Content-Type": image.mime_type},
        )
        if not response.ok:
            raise Refused(refusal(response))
        blob = json_body(response).get("blob")
        if not isinstance(blob, dict):
            raise Refused(Result(RETRY, reason="the PDS answered an upload without its blob"))
        return blob

    def create_post(self, post: Post, blob: dict | None) -> Result:
        """createRecord under the post's own rkey; a refusal may mean an earlier attempt
        already created it, which getRecord settles."""
        rkey = record_key(post)
        body = {
            "repo": self.secrets["did"],
            "collection": POST_COLLECTION,
            "rkey": rkey,
            "record": post_record(post, blob, datetime.now(UTC)),
        }
        response = self.authorized("POST", "com.atproto.repo.createRecord", json=body)
        if response.ok:
            return self.posted(rkey, json_body(response))
        if response.status_code == 429:
            return refusal(response)
        found = self.lookup(rkey)
        if found is not None and (found.status == POSTED or error_name(response) == RECORD_EXISTS):
            return found
        return refusal(response)

    def lookup(self, rkey: str) -> Result | None:
        """POSTED if the account's repository has this record, None if it surely has not,
        UNKNOWN if the PDS cannot tell now."""
        repo = self.secrets.get("did") or self.account.settings["handle"]
        params = {"repo": repo, "collection": POST_COLLECTION, "rkey": rkey}
        try:
            response = send(
                self.http, "GET", self.xrpc_url("com.atproto.repo.getRecord"), params=params
            )
        except CallFailed as failed:
            return Result(UNKNOWN, reason=failed.result.reason)
        if response.ok:
            return self.posted(rkey, json_body(response))
        if response.status_code == 400 and error_name(response) == RECORD_NOT_FOUND:
            return None
        return replace(refusal(response), status=UNKNOWN, retry_after=None)

    def posted(self, rkey: str, body: dict) -> Result:
        """The record's AT URI as remote id, and its page on bsky.app."""
        actor = self.account.settings.get("handle") or self.secrets.get("did", "")
        uri = body.get("uri") or f"at://{self.secrets.get('did', '')}/{POST_COLLECTION}/{rkey}"
        return Result(POSTED, remote_id=uri, url=PUBLIC_POST_URL.format(actor=actor, rkey=rkey))

    # The session ---------------------------------------------------------------------------

    def ensure_session(self) -> None:
        """Log in only when no session is kept: logins are scarce (30 per 5 minutes)."""
        if not all(self.secrets.get(key) for key in SESSION_FIELDS):
            self.create_session()

    def create_session(self) -> None:
        """Log in with the handle and the app password, and keep the session."""
        credentials = {
            "identifier": self.account.settings["handle"],
            "password": self.secrets["app_password"],
        }
        url = self.xrpc_url("com.atproto.server.createSession")
        response = send(self.http, "POST", url, json=credentials)
        if not response.ok:
            raise Refused(refusal(response))
        self.keep_session(json_body(response))

    def renew_session(self) -> None:
        """New tokens from the refresh token; a new login only if the PDS refuses it."""
        url = self.xrpc_url("com.atproto.server.refreshSession")
        response = send(self.http, "POST", url, headers=bearer(self.secrets["refresh_jwt"]))
        if response.ok:
            self.keep_session(json_body(response))
        elif response.status_code in (400, 401):
            self.create_session()
        else:
            raise Refused(refusal(response))

    def keep_session(self, body: dict) -> None:
        """Store the session's tokens and DID in the account's secrets, and save them."""
        tokens = {key: body.get(field) for key, field in SESSION_FIELDS.items()}
        if not all(isinstance(value, str) and value for value in tokens.values()):
            raise Refused(Result(RETRY, reason="the PDS answered a session without its tokens"))
        self.secrets.update(tokens)
        self.account.save_secrets(self.secrets)

    # XRPC ----------------------------------------------------------------------------------

    def xrpc_url(self, nsid: str) -> str:
        """The address of one XRPC method on the account's PDS."""
        return f"{self.pds}/xrpc/{nsid}"

    def authorized(self, method: str, nsid: str, **kwargs) -> requests.Response:
        """One call with the access token, made again once after renewing an expired one."""
        response = self.send_with_token(method, nsid, **kwargs)
        if response.status_code in (400, 401) and error_name(response) in TOKEN_ERRORS:
            self.renew_session()
            response = self.send_with_token(method, nsid, **kwargs)
        return response

    def send_with_token(
        self, method: str, nsid: str, headers: dict | None = None, **kwargs
    ) -> requests.Response:
        """One call with the kept access token."""
        headers = {**(headers or {}), **bearer(self.secrets["access_jwt"])}
        return send(self.http, method, self.xrpc_url(nsid), headers=headers, **kwargs)


def bearer(token: str) -> dict[str, str]:
    """The Authorization header for a session token."""
    return {"Authorization": f"Bearer {token}"}


def error_name(response: requests.Response) -> str:
    """The XRPC error name of an answer ({"error": name, "message": text})."""
    return str(json_body(response).get("error", ""))


def refusal(response: requests.Response) -> Result:
    """A non-2xx XRPC answer as a result, with its error name and message."""
    body = json_body(response)
    return failure(response, body.get("error"), body.get("message"))


def write_not_sent(result: Result) -> Result:
    """A failure before the write (createRecord, deleteRecord): whatever arrived, the write did
    not, so it may be retried."""
    return replace(result, status=RETRY) if result.status == UNKNOWN else result


# The record ------------------------------------------------------------------------------


def post_record(post: Post, blob: dict | None, now: datetime) -> dict:
    """The app.bsky.feed.post record: text, links as facets, the image or a link card.
    createdAt is the attempt's time, not the decision's (the rkey keeps that): Bluesky orders
    feeds by the earlier of createdAt and its own indexing time."""
    record = {"$type": POST_COLLECTION, "text": post.text, "createdAt": atproto_datetime(now)}
    if post.language:
        record["langs"] = [post.language]
    facets = link_facets(post.text)
    if facets:
        record["facets"] = facets
    record["embed"] = (
        images_embed(post.image, blob) if post.image and blob else external_embed(post)
    )
    return record


def atproto_datetime(moment: datetime) -> str:
    """UTC with milliseconds and a trailing Z, as the official clients write createdAt."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def link_facets(text: str) -> list[dict]:
    """A #link facet for each address in the text. Bluesky does not detect links itself, and
    facet offsets count UTF-8 bytes, not characters."""
    return [
        {
            "index": {
                "byteStart": len(text[: match.start()].encode()),
                "byteEnd": len(text[: match.end()].encode()),
            },
            "features": [{"$type": LINK_FEATURE, "uri": match.group()}],
        }
        for match in URL_PATTERN.finditer(text)
    ]


def images_embed(image: Image, blob: dict) -> dict:
    """The uploaded image with its alt text ("" allowed, never missing) and its proportions."""
    embedded = {"image": blob, "alt": image.alt}
    if image.width > 0 and image.height > 0:
        embedded["aspectRatio"] = {"width": image.width, "height": image.height}
    return {"$type": "app.bsky.embed.images", "images": [embedded]}


def external_embed(post: Post) -> dict:
    """A link card for the page."""
    card = {"uri": post.link, "title": post.title, "description": post.description}
    return {"$type": "app.bsky.embed.external", "external": card}


# The record key --------------------------------------------------------------------------


def record_key(post: Post) -> str:
    """The post's rkey, the same at every attempt: a TID whose time is the post's created_at
    (or a stable instant from its key) and whose clock identifier comes from its key."""
    digest = hashlib.sha256(post.key.encode()).digest()
    clock_id = int.from_bytes(digest[:2]) % (1 << CLOCK_ID_BITS)
    if post.created_at is not None:
        microseconds = (post.created_at.astimezone(UTC) - EPOCH) // MICROSECOND
    else:
        undated = int.from_bytes(digest[2:10]) % UNDATED_SPAN
        microseconds = (UNDATED_ORIGIN - EPOCH) // MICROSECOND + undated
    return tid(microseconds, clock_id)


def tid(microseconds: int, clock_id: int) -> str:
    """A TID: the 64-bit value in base32-sortable, 5 bits per character, most significant
    first."""
    value = (microseconds << CLOCK_ID_BITS) | clock_id
    shifts = range(5 * (TID_LENGTH - 1), -1, -5)
    return "".join(TID_ALPHABET[(value >> shift) & 31] for shift in shifts)
