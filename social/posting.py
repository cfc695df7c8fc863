"""Posting one row: claim it, make one attempt through the network's backend, record the
answer. What makes a post appear exactly once:

- Claiming is one conditional UPDATE (PENDING and due -> SENDING): of two workers, one wins.
  The worker that claims a row also claims its due siblings (the same publication on the
  other networks) and calls the networks at once, one thread each: a news item reaches its
  five networks in the time of the slowest, not of the five in a row. Threads only make the
  calls; the database is read and written by the worker's own thread.
- A row is SENDING only while an attempt runs. `started_at` is the claim's token: every
  later write of the attempt names it, so an attempt that lost its row writes nothing.
  While the calls run, the worker beats `heartbeat_at` every quarter of a lease; a worker
  killed mid-call stops beating, and once SOCIAL_LEASE_SECONDS have passed `settle()`
  treats the row as an unknown outcome. A slow network never makes a live attempt look dead.
- An unknown outcome (a timeout after the request left, a dead worker) is never retried
  blindly: `settle()` asks the network whether it has the post (`find()`); posted -> record
  it, surely absent -> post again, cannot tell -> left UNKNOWN for the editor to decide.
- RETRY answers (429, 5xx, never sent) come back after the wait the network asked for, or an
  exponential backoff, up to SOCIAL_MAX_ATTEMPTS.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.utils import timezone

from connectors.social import (
    POSTED,
    REJECTED,
    RETRY,
    UNKNOWN,
    Post,
    Result,
    SocialBackend,
    get_backend,
)

from .accounts import account_for, keep_secrets, post_image
from .models import SocialPost

logger = logging.getLogger(__name__)
BACKOFF_BASE = 30  # seconds before the second attempt; doubles each time
BACKOFF_CAP = 3600
Status = SocialPost.Status


def claim(post_id: int) -> SocialPost | None:
    """The row, now SENDING for this worker, or None if it is not PENDING and due."""
    now = timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    claimed = SocialPost.objects.filter(due, pk=post_id, status=Status.PENDING).update(
        status=Status.SENDING, started_at=now, heartbeat_at=now, updated_at=now
    )
    if not claimed:
        return None
    return SocialPost.objects.select_related("site", "image").get(pk=post_id)


def post_of(row: SocialPost) -> Post:
    """What the backend receives for this row."""
    return Post(
        text=row.text,
        link=row.link,
        key=row.key,
        language=row.language,
        title=row.title,
        description="",
        image=post_image(row),
        created_at=row.created_at,
    )


def backend_for(row: SocialPost, save_secrets=None):
    """The row's network (or stand-in); MissingCredentials when its account lacks one."""
    stand_in = row.stand_in or settings.SOCIAL_STAND_IN
    try:
        account = account_for(row.site, row.network, save_secrets)
        return get_backend(account, stand_in=stand_in)
    except (KeyError, ImproperlyConfigured) as error:
        raise MissingCredentials(str(error)) from error


class MissingCredentials(Exception):
    """The site's account on this network lacks a setting or a secret (named, not shown)."""


@dataclass
class Attempt:
    """One claimed row on its way to its network."""

    row: SocialPost
    backend: SocialBackend | None = None
    post: Post | None = None
    result: Result | None = None  # set before any call when the row cannot be posted
    new_secrets: dict[str, str] = field(default_factory=dict)  # tokens refreshed meanwhile


def claim_siblings(row: SocialPost) -> list[SocialPost]:
    """The due rows of the same publication on the other networks, claimed too."""
    now = timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    siblings = SocialPost.objects.filter(
        due, site=row.site_id, subject=row.subject, round=row.round, status=Status.PENDING
    ).exclude(pk=row.pk)
    return [claimed for pk in siblings.values_list("pk", flat=True) if (claimed := claim(pk))]


def prepare(row: SocialPost) -> Attempt:
    """The row's backend and post, read from the database in the worker's thread."""
    attempt = Attempt(row)
    try:
        attempt.backend = backend_for(row, save_secrets=attempt.new_secrets.update)
        attempt.post = post_of(row)
    except MissingCredentials as error:
        attempt.result = Result(REJECTED, reason=f"account not configured: missing {error}")
    except Exception as error:  # nothing reached the network: try again later
        logger.exception("Social post %s: could not be prepared", row.pk)
        attempt.result = Result(RETRY, reason=f"error: {type(error).__name__}")
    return attempt


def call_network(attempt: Attempt) -> Result:
    """The network's answer to the post (in a thread of its own)."""
    try:
        return attempt.backend.publish(attempt.post)
    except Exception as error:  # a bug or a surprise in a backend: never lose the row
        logger.exception(
            "Social post %s: the %s backend failed", attempt.row.pk, attempt.row.network
        )
        return Result(UNKNOWN, reason=f"error: {type(error).__name__}")


def publish_all(attempts: list[Attempt]) -> None:
    """Call the networks of the prepared attempts at once, then keep refreshed tokens."""
    ready = [attempt for attempt in attempts if attempt.result is None]
    if ready:
        with ThreadPoolExecutor(max_workers=len(ready), thread_name_prefix="social") as pool:
            calls = {pool.submit(call_network, attempt): attempt for attempt in ready}
            running = set(calls)
            while running:
                done, running = wait(running, timeout=heartbeat_interval())
                for call in done:
                    calls[call].result = call.result()
                beat([calls[call].row for call in running])
    for attempt in attempts:
        if attempt.new_secrets:
            keep_secrets(attempt.row.site, attempt.row.network, attempt.new_secrets)


def heartbeat_interval() -> float:
    return max(0.5, settings.SOCIAL_LEASE_SECONDS / 4)


def mine(row: SocialPost):
    """The row as long as this attempt holds it (the claim's token, `started_at`)."""
    return mine_while(row, Status.SENDING)


def mine_while(row: SocialPost, status: str):
    """The row as long as this worker's claim holds it in `status`."""
    return SocialPost.objects.filter(pk=row.pk, status=status, started_at=row.started_at)


def beat(rows: list[SocialPost]) -> None:
    """Tell the scheduler these attempts are alive, their calls still running."""
    now = timezone.now()
    for row in rows:
        mine(row).update(heartbeat_at=now)


def attempt(post_id: int) -> dict[int, str]:
    """Claim the row (and its due siblings) and make one attempt on each network; returns
    each claimed row's new status ({} when another worker has the row or it is not due)."""
    row = claim(post_id)
    if row is None:
        return {}
    attempts = [prepare(claimed) for claimed in [row, *claim_siblings(row)]]
    publish_all(attempts)
    return {attempt.row.pk: record(attempt.row, attempt.result) for attempt in attempts}


def record(row: SocialPost, result: Result) -> str:
    """Write the network's answer on the row (still SENDING for this worker)."""
    now = timezone.now()
    attempts = row.attempts + 1
    fields: dict = {"attempts": attempts, "started_at": None, "reason": result.reason[:300]}
    if result.status == POSTED:
        fields.update(
            status=Status.POSTED,
            posted_at=now,
            remote_id=result.remote_id[:255],
            url=result.url[:500],
            next_attempt_at=None,
        )
    elif result.status == RETRY and attempts < settings.SOCIAL_MAX_ATTEMPTS:
        fields.update(status=Status.PENDING, next_attempt_at=now + retry_delay(result, attempts))
    elif result.status == RETRY:
        fields.update(status=Status.FAILED, next_attempt_at=None)
        fields["reason"] = f"{attempts} tentatives : {result.reason}"[:300]
    elif result.status == REJECTED:
        fields.update(status=Status.FAILED, next_attempt_at=None)
    else:
        fields.update(status=Status.UNKNOWN, next_attempt_at=now + unknown_check_delay())
    if not mine(row).update(**fields, updated_at=now):
        logger.warning("Social post %s: settled elsewhere meanwhile, answer dropped", row.pk)
    logger.info("Social post %s on %s: %s", row.pk, row.network, fields["status"])
    return fields["status"]


def retry_delay(result: Result, attempts: int) -> timedelta:
    """The wait the network asked for, else an exponential backoff."""
    if result.retry_after is not None:
        return timedelta(seconds=min(max(result.retry_after, 1), BACKOFF_CAP * 24))
    return timedelta(seconds=min(BACKOFF_BASE * 2 ** (attempts - 1), BACKOFF_CAP))


def unknown_check_delay() -> timedelta:
    """How long to let the network settle before asking whether it has the post."""
    return timedelta(seconds=min(60, settings.SOCIAL_LEASE_SECONDS))


def stalled_rows(now: datetime | None = None):
    """SENDING rows whose worker died, and UNKNOWN rows due for a check."""
    now = now or timezone.now()
    lease_over = now - timedelta(seconds=settings.SOCIAL_LEASE_SECONDS)
    return SocialPost.objects.filter(
        Q(status=Status.SENDING, heartbeat_at__lt=lease_over)
        | Q(status=Status.UNKNOWN, next_attempt_at__isnull=False, next_attempt_at__lte=now)
    )


def settle(row: SocialPost) -> str:
    """Settle a row whose last attempt's outcome is unknown by asking the network."""
    now = timezone.now()
    taken = SocialPost.objects.filter(pk=row.pk, status=row.status, updated_at=row.updated_at)
    if not taken.update(status=Status.SENDING, started_at=now, heartbeat_at=now, updated_at=now):
        return ""  # someone else settled it meanwhile
    row.refresh_from_db()
    try:
        found = backend_for(row).find(post_of(row))
    except Exception as error:
        logger.exception("Social post %s: asking %s failed", row.pk, row.network)
        found = Result(UNKNOWN, reason=f"error: {type(error).__name__}")
    if found is None:  # surely not posted: safe to post
        mine(row).update(
            status=Status.PENDING, started_at=None, next_attempt_at=None, updated_at=now
        )
        return Status.PENDING
    if found.status == POSTED:
        return record(row, found)
    # The network cannot tell: the editor decides (check the account, then "publier" or
    # "marquer comme publiée"); no automatic attempt any more.
    reason = row.reason or found.reason
    mine(row).update(
        status=Status.UNKNOWN, started_at=None, next_attempt_at=None, reason=reason, updated_at=now
    )
    return Status.UNKNOWN


def due_pending(now: datetime | None = None):
    """PENDING rows due for an attempt whose task may have been lost."""
    now = now or timezone.now()
    quiet = now - timedelta(seconds=60)
    return SocialPost.objects.filter(status=Status.PENDING, updated_at__lt=quiet).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
