"""Posting as django-tasks tasks: one task per post row and attempt. The row holds the
state, so a task run twice, or by two workers at once, posts once (see social.posting)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from . import posting, removal
from .models import SocialPost


@task()
def post_to_network(post_id: int) -> str:
    """Make the row's next attempt (with its due siblings on the other networks); plan the
    next one of each row the network asked to wait for."""
    statuses = posting.attempt(post_id)
    for pk, status in statuses.items():
        if status == SocialPost.Status.PENDING:
            enqueue_post(pk)
    return statuses.get(post_id) or "nothing to do"


def enqueue_post(post_id: int) -> None:
    """Enqueue the row's attempt for when it is due."""
    enqueue_when_due(post_to_network, post_id)


def enqueue_when_due(row_task, post_id: int) -> None:
    """Enqueue `row_task` for the row when its next attempt is due (a backend that cannot
    defer leaves a later attempt to the scheduler's watch)."""
    due = SocialPost.objects.filter(pk=post_id).values_list("next_attempt_at", flat=True).first()
    if not due or due <= timezone.now():
        row_task.enqueue(post_id)
    elif row_task.get_backend().supports_defer:
        row_task.using(run_after=due).enqueue(post_id)


@task()
def remove_from_network(post_id: int) -> str:
    """Delete the row's post from its network; plan another try when it did not work."""
    status = removal.remove(post_id)
    if status == SocialPost.Status.POSTED:
        enqueue_removal(post_id)
    return status or "nothing to do"


def enqueue_removal(post_id: int) -> None:
    """Enqueue the removal for when it is due."""
    enqueue_when_due(remove_from_network, post_id)


def watch_posts() -> None:
    """Every scheduler tick: settle the rows whose outcome is unknown or whose worker died,
    and enqueue again the due rows whose task was lost."""
    for row in posting.stalled_rows():
        if posting.settle(row) == SocialPost.Status.PENDING:
            enqueue_post(row.pk)
    for pk in posting.due_pending().values_list("pk", flat=True):
        enqueue_post(pk)
    for row in removal.stalled_removals():
        if removal.give_back(row):
            enqueue_removal(row.pk)
    for pk in removal.due_removals().values_list("pk", flat=True):
        enqueue_removal(pk)
