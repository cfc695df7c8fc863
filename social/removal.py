"""Taking a page's posts down when its editor asks (unpublishing alone never does).

Deleting is idempotent on every network (a post already gone answers "removed"), so a
removal is simply tried again until the network says the post is gone: a crash, a timeout
or a rate limit only delays it. A row being removed is REMOVING under the worker's claim
(`started_at`, as in social.posting); the scheduler gives a dead worker's removal back.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from connectors.social import REJECTED, REMOVED, RETRY, Result

from .models import SocialPost
from .posting import MissingCredentials, backend_for, mine_while, retry_delay

logger = logging.getLogger(__name__)
Status = SocialPost.Status


def request_removal(rows) -> list[int]:
    """Mark these posted rows for removal and enqueue their tasks after commit."""
    from .tasks import enqueue_removal

    ids = list(rows.filter(status=Status.POSTED).values_list("pk", flat=True))
    SocialPost.objects.filter(pk__in=ids).update(
        removal_requested=True, next_attempt_at=None, updated_at=timezone.now()
    )
    for pk in ids:
        transaction.on_commit(lambda pk=pk: enqueue_removal(pk))
    return ids


def claim_removal(post_id: int) -> SocialPost | None:
    now = timezone.now()
    due = SocialPost.objects.filter(pk=post_id, status=Status.POSTED, removal_requested=True)
    due = due.exclude(next_attempt_at__gt=now)
    if not due.update(status=Status.REMOVING, started_at=now, heartbeat_at=now, updated_at=now):
        return None
    return SocialPost.objects.select_related("site").get(pk=post_id)


def remove(post_id: int) -> str:
    """One attempt at deleting the row's post; returns the row's new status ("" when
    there is nothing to do)."""
    row = claim_removal(post_id)
    if row is None:
        return ""
    if not row.remote_id:  # marked posted by hand: the network's id is not known here
        return record_removal(row, Result(REJECTED, reason="no id of the post on the network"))
    try:
        result = backend_for(row).delete(row.remote_id)
    except MissingCredentials as error:
        result = Result(REJECTED, reason=f"account not configured: missing {error}")
    except Exception as error:  # tried again: deleting twice is harmless
        logger.exception("Social post %s: removal from %s failed", row.pk, row.network)
        result = Result(RETRY, reason=f"error: {type(error).__name__}")
    return record_removal(row, result)


def record_removal(row: SocialPost, result: Result) -> str:
    now = timezone.now()
    fields: dict = {"started_at": None, "reason": result.reason[:300], "updated_at": now}
    if result.status == REMOVED:
        fields.update(status=Status.REMOVED, removal_requested=False, url="")
    elif result.status == REJECTED:  # the network refuses: the post stays, the editor sees why
        fields.update(status=Status.POSTED, removal_requested=False)
        fields["reason"] = f"retrait refusé : {result.reason}"[:300]
    else:
        attempts = row.attempts + 1
        fields.update(
            status=Status.POSTED,
            attempts=attempts,
            next_attempt_at=now + retry_delay(result, attempts),
        )
    mine_while(row, Status.REMOVING).update(**fields)
    return fields["status"]


def stalled_removals():
    """REMOVING rows whose worker died."""
    lease_over = timezone.now() - timedelta(seconds=settings.SOCIAL_LEASE_SECONDS)
    return SocialPost.objects.filter(status=Status.REMOVING, heartbeat_at__lt=lease_over)


def give_back(row: SocialPost) -> bool:
    """A dead worker's removal, to try again."""
    return bool(
        mine_while(row, Status.REMOVING).update(
            status=Status.POSTED, started_at=None, next_attempt_at=None, updated_at=timezone.now()
        )
    )


def due_removals():
    """Posted rows waiting for their removal whose task may have been lost."""
    now = timezone.now()
    return SocialPost.objects.filter(
        status=Status.POSTED, removal_requested=True, updated_at__lt=now - timedelta(seconds=60)
    ).exclude(next_attempt_at__gt=now)
