"""The interface every social network backend implements, and the values it speaks in.

A backend publishes one `Post` on one town account and answers a `Result`. It makes one
attempt: waiting and trying again is the caller's business (the post's task, which keeps the
post's state in a row), so a backend never sleeps on a rate limit; it answers RETRY with the
wait the network asked for.

When an earlier attempt's outcome is unknown (a timeout after the request left, a worker
killed mid-call), the caller asks `find()` before trying again: the network's own answer to
"is this post already there?" is what keeps a post from appearing twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

# Result.status: what became of one post.
POSTED = "posted"  # the network has it (remote_id, and url when known)
REJECTED = "rejected"  # refused for good (validation, expired token, forbidden): see reason
RETRY = "retry"  # not taken (never left, 429, 5xx): try again after retry_after
UNKNOWN = "unknown"  # the network may have it: do not post again without find()
REMOVED = "removed"  # delete(): the network no longer has the post (deleted, or already gone)

REASON_LENGTH = 300

# A web address in a text: from the scheme to the last character that is not closing
# punctuation ("Voir https://ville.fr/a." ends at "a"). Networks shorten (X, Mastodon) or link
# (Bluesky facets) exactly these spans.
URL_PATTERN = re.compile(r"https?://[^\s<>\"]*[^\s<>\".,;:!?)\]}'»…]")
# LinkedIn's "little" text format reserves these characters: unescaped, they cut the post.
LITTLE_RESERVED = re.compile(r"([|{}@\[\]()<>#\\*_~])")


@dataclass(frozen=True)
class Image:
    """The page's image, as the network receives it."""

    content: bytes
    mime_type: str  # "image/jpeg", "image/png", "image/webp"
    alt: str  # the image's alternative text (may be "", never None)
    width: int
    height: int
    filename: str = "image.jpg"


@dataclass(frozen=True)
class Post:
    """One summary to publish on one network.

    `text` is final: built and fitted to the network's limit by connectors.social.text (the
    page's link is inside it). Backends add what the network needs around it (Bluesky's link
    facets, LinkedIn's escaping with `escape_little`), never change its words."""

    text: str
    link: str  # the page's public URL (in its language), also present in `text`
    key: str  # stable for this page x network x publication: an idempotency key
    language: str = "fr"  # ISO 639-1
    title: str = ""  # for link cards (Bluesky's external embed, LinkedIn's article)
    description: str = ""
    image: Image | None = None
    created_at: datetime | None = None  # when the publication was decided (Bluesky's rkey)


@dataclass(frozen=True)
class Result:
    """What the network answered."""

    status: str  # POSTED, REJECTED, RETRY or UNKNOWN
    remote_id: str = ""  # the network's id of the post
    url: str = ""  # the post's public address, when it can be known
    reason: str = ""  # short: "HTTP 403 You are not allowed to create a Tweet with duplicate…"
    retry_after: float | None = None  # seconds the network asked to wait, for RETRY


def no_save(secrets: dict[str, str]) -> None:
    """Default for Account.save_secrets: nothing to keep (tests, demo)."""


@dataclass
class Account:
    """One town account on one network, as the site settings and the vault give it.

    `settings` holds what is not secret (an instance URL, a handle, a page id, an
    organisation URN, the API base URL); `secrets` the tokens and passwords, decrypted.
    A backend that obtains new tokens (a refreshed session) updates `secrets` and calls
    `save_secrets(secrets)` so that the next post reuses them instead of logging in again."""

    network: str
    settings: Mapping[str, str]
    secrets: dict[str, str]
    save_secrets: Callable[[dict[str, str]], None] = field(default=no_save)


class SocialBackend:
    """One network. Subclasses set `network` and implement `publish`, and `find` and
    `token_expires_at` where the network allows it."""

    network: str = ""

    def __init__(self, account: Account):
        self.account = account

    def publish(self, post: Post) -> Result:
        """Publish this post (uploading its image first, with its alt text) in one attempt."""
        raise NotImplementedError

    def find(self, post: Post) -> Result | None:
        """After an attempt whose outcome is unknown: POSTED (with id and url) if the network
        has this post, None if it surely has not (posting is then safe), UNKNOWN if the
        network cannot tell."""
        return Result(UNKNOWN, reason="this network cannot be asked whether the post exists")

    def delete(self, remote_id: str) -> Result:
        """Delete the post the network knows as `remote_id` (the id `publish` returned):
        REMOVED when it is gone (a post already deleted counts: 404), else RETRY, REJECTED
        or UNKNOWN as for publish."""
        raise NotImplementedError

    def token_expires_at(self) -> datetime | None:
        """When the account's credentials stop working, if they expire (LinkedIn: 60 days);
        the admin warns the webmaster before."""
        return None


def short_reason(*parts: object) -> str:
    """A network's error on one short line: "HTTP 403 Forbidden You are not allowed…"."""
    text = " ".join(str(part) for part in parts if part not in (None, ""))
    return " ".join(text.split())[:REASON_LENGTH]


def escape_little(text: str) -> str:
    """The text in LinkedIn's "little" format: each reserved character backslash-escaped."""
    return LITTLE_RESERVED.sub(r"\\\1", text)
