"""Sending the notification e-mails, as django-tasks tasks.

The task reads the rows first: it claims each pending one, sends it, marks it sent, so a
retry (or a second task for the same notification) never sends twice what was sent. A
temporary failure (mail server unreachable, 4xx answer) leaves the row pending and the task
enqueues itself again with a growing delay (django-tasks has no retries of its own), up to
MAX_ATTEMPTS per row; a permanent one (5xx) marks it failed at once. Failed rows show in the
admin ("Courriels de notification"). Logs carry ids, kinds and statuses only.
"""

from __future__ import annotations

import logging
import smtplib
from collections import Counter
from datetime import timedelta

from django.core.mail import EmailMessage, get_connection
from django.utils import timezone
from django_tasks import task

from .kinds import content_of
from .models import OutgoingMail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8  # about two hours of retries with the delays below
HEADERS = {"Auto-Submitted": "auto-generated"}  # as Wagtail's own notifications


def retry_delay(attempt: int) -> timedelta:
    """1, 2, 4… minutes after the attempt that failed, at most an hour."""
    return timedelta(minutes=min(2 ** (attempt - 1), 60))


def describe_failure(error: BaseException) -> tuple[str, bool]:
    """(what to record, whether it is worth retrying). The exception class and the SMTP
    code only: a server's text may quote the address."""
    name = type(error).__name__
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        code = codes[0] if codes else None
        return f"{name} {code}", code is not None and 400 <= code < 500
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{name} {error.smtp_code}", 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return name, True
    if isinstance(error, smtplib.SMTPException):
        return name, False
    if isinstance(error, OSError):  # connection refused or reset, timeout, unknown host
        return name, True
    return name, False


@task()
def send_notification(kind: str, object_id: int, attempt: int = 1) -> str:
    """Send the pending e-mails of one notification; returns a summary of the outcomes."""
    rows = OutgoingMail.objects.filter(kind=kind, object_id=object_id)
    row_ids = list(rows.filter(OutgoingMail.claimable()).values_list("pk", flat=True))
    if not row_ids:
        return "nothing to send"
    content = content_of(kind, object_id)
    if content is None:
        rows.filter(pk__in=row_ids).update(
            status=OutgoingMail.Status.FAILED, last_error="ObjectDeleted"
        )
        logger.warning(
            "Notification %s %s: object deleted, %d mail(s) failed", kind, object_id, len(row_ids)
        )
        return "object deleted"
    outcomes: Counter[str] = Counter()
    connection = get_connection()
    try:
        for row_id in row_ids:
            row = OutgoingMail.claim(row_id)
            if row is None:
                outcomes["taken"] += 1
                continue
            outcomes[_send(row, content, connection)] += 1
    finally:
        connection.close()
    if outcomes[OutgoingMail.Status.PENDING]:
        _retry_later(kind, object_id, attempt)
    return ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))


def _send(row: OutgoingMail, content, connection) -> str:
    message = EmailMessage(
        content.subject,
        content.body,
        content.from_email,
        [row.recipient],
        headers=HEADERS,
        connection=connection,
    )
    try:
        message.send()
    except Exception as error:  # every failure is recorded on the row, none reaches the worker
        connection.close()  # the next message opens a fresh connection
        description, temporary = describe_failure(error)
        retry = temporary and row.attempts < MAX_ATTEMPTS
        row.mark_failed_attempt(description, retry=retry)
        log = logger.warning if retry else logger.error
        log(
            "Outgoing mail %s (%s %s): attempt %d failed (%s), %s",
            row.pk,
            row.kind,
            row.object_id,
            row.attempts,
            description,
            row.status,
        )
        return row.status
    row.mark_sent()
    logger.info("Outgoing mail %s (%s %s): sent", row.pk, row.kind, row.object_id)
    return row.status


def _retry_later(kind: str, object_id: int, attempt: int) -> None:
    if not send_notification.get_backend().supports_defer:
        logger.warning(
            "Notification %s %s: mail left pending, the task backend cannot defer a retry",
            kind,
            object_id,
        )
        return
    run_after = timezone.now() + retry_delay(attempt)
    send_notification.using(run_after=run_after).enqueue(kind, object_id, attempt=attempt + 1)
    logger.info("Notification %s %s: retry %d at %s", kind, object_id, attempt + 1, run_after)
