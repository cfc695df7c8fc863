"""Posting as django-tasks tasks: one task per post row and attempt. The row holds the
state, so a task run twice, or by two workers at once, posts once (see social.posting)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from . import posting
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
    due = SocialPost.objects.filter(pk=post_id).values_list("next_attempt_at", flat=True).first()
    if due and due > timezone.now() and post_to_network.get_backend().supports_defer:
        post_to_network.using(run_after=due).enqueue(post_id)
    elif not due or due <= timezone.now():
        post_to_network.enqueue(post_id)


def watch_posts() -> None:
    """Every scheduler tick: settle the rows whose outcome is unknown or whose worker died,
    and enqueue again the due rows whose task was lost."""
    for row in posting.stalled_rows():
        if posting.settle(row) == SocialPost.Status.PENDING:
            enqueue_post(row.pk)
    for pk in posting.due_pending().values_list("pk", flat=True):
        enqueue_post(pk)
