"""Listen to what the site apps say happened and queue the e-mails: the rows are written in
the same transaction as the submission or proposal, the sending task is enqueued once it
commits (a rolled-back proposal notifies nobody)."""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction

from core.signals import contact_form_submitted
from events.signals import event_proposed

from . import tasks
from .kinds import proposal_recipients
from .models import OutgoingMail

logger = logging.getLogger(__name__)


def queue_notification(kind: str, object_id: int, recipients: list[str]) -> int:
    """One pending row per recipient (a row that exists already is kept as it is), then the
    task on commit. Returns the number of recipients."""
    recipients = list(dict.fromkeys(recipients))
    if not recipients:
        logger.info("Notification %s %s: no recipient", kind, object_id)
        return 0
    OutgoingMail.objects.bulk_create(
        [OutgoingMail(kind=kind, object_id=object_id, recipient=r) for r in recipients],
        ignore_conflicts=True,
    )
    transaction.on_commit(partial(tasks.send_notification.enqueue, kind, object_id))
    logger.info("Notification %s %s queued for %d recipient(s)", kind, object_id, len(recipients))
    return len(recipients)


def on_contact_form_submitted(sender, page, submission, **kwargs) -> None:
    queue_notification(
        OutgoingMail.Kind.CONTACT_FORM, submission.pk, page.submission_email_recipients()
    )


def on_event_proposed(sender, proposal, **kwargs) -> None:
    queue_notification(OutgoingMail.Kind.EVENT_PROPOSAL, proposal.pk, proposal_recipients())


def connect() -> None:
    contact_form_submitted.connect(on_contact_form_submitted, dispatch_uid="notifications.contact")
    event_proposed.connect(on_event_proposed, dispatch_uid="notifications.event_proposed")
