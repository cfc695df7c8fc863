"""Building a campaign's mails and handing them to Django's e-mail backends.

A mail is built from its language's frozen edition by filling in the recipient's own values
(newsletters/personalise.py), with the headers mailbox providers expect from a list: List-Id,
List-Unsubscribe (https and mailto) and List-Unsubscribe-Post (RFC 8058). Its Message-ID is
derived from the delivery row, so a resend after a crash carries the same one.

For plain SMTP, `SMTPBackend` reports the point of no return: the moment the whole message
is written and only its terminating dot remains. The dispatcher commits "handed over" there,
so a worker killed before it has not delivered anything (the server drops a message whose
DATA never ended) and a worker killed after it is not resent.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import smtplib
from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend as DjangoSMTPBackend

from . import personalise

DJANGO_SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
LINE_STARTING_WITH_DOT = re.compile(rb"(?m)^\.")


class HandoverMixin:
    """An smtplib connection that calls `before_final_dot` (when set) once the message is
    written and before the dot that ends it. If the callback raises, the dot is not sent and
    the server discards the message."""

    before_final_dot: Callable[[], None] | None = None

    def data(self, msg: bytes):
        self.putcmd("data")
        code, reply = self.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        body = LINE_STARTING_WITH_DOT.sub(b"..", msg)
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        self.send(body)
        if self.before_final_dot is not None:
            self.before_final_dot()
        self.send(b".\r\n")
        return self.getreply()


class HandoverSMTP(HandoverMixin, smtplib.SMTP):
    pass


class HandoverSMTPSSL(HandoverMixin, smtplib.SMTP_SSL):
    pass


class SMTPBackend(DjangoSMTPBackend):
    """Django's SMTP backend (same settings: EMAIL_HOST, EMAIL_PORT, TLS…) whose connection
    tells the dispatcher when a message is past the point of no return."""

    reports_handover = True

    @property
    def connection_class(self):
        return HandoverSMTPSSL if self.use_ssl else HandoverSMTP


def newsletter_connection() -> BaseEmailBackend:
    """The backend campaigns are sent with: NEWSLETTER_EMAIL_BACKEND when set; otherwise the
    site's EMAIL_BACKEND, with Django's SMTP backend swapped for ours."""
    path = settings.NEWSLETTER_EMAIL_BACKEND or settings.EMAIL_BACKEND
    if path == DJANGO_SMTP_BACKEND:
        path = f"{__name__}.SMTPBackend"
    return get_connection(path)


def sender_domain() -> str:
    return settings.NEWSLETTER_FROM_EMAIL.rpartition("@")[2].strip(">") or "localhost"


def message_id(campaign_id: int, delivery_id: int) -> str:
    """The delivery's Message-ID: the same at every attempt, not guessable from outside."""
    key = settings.SECRET_KEY.encode()
    digest = hmac.new(key, f"{campaign_id}.{delivery_id}".encode(), hashlib.sha256)
    return f"<{campaign_id}.{delivery_id}.{digest.hexdigest()[:12]}@{sender_domain()}>"


def list_id(theme_slug: str, theme_name: str) -> str:
    return f'"{theme_name}" <{theme_slug}.lettres.{sender_domain()}>'


def list_unsubscribe(https_url: str) -> str:
    """List-Unsubscribe: the one-click https address first, then mailto (its subject carries
    the same signed token) when a mailbox for it is configured."""
    targets = [f"<{https_url}>"]
    if settings.NEWSLETTER_UNSUBSCRIBE_MAILTO:
        token = https_url.rstrip("/").rpartition("/")[2]
        mailto = settings.NEWSLETTER_UNSUBSCRIBE_MAILTO
        targets.append(f"<mailto:{mailto}?subject=unsubscribe%20{token}>")
    return ", ".join(targets)


def build_mail(
    *,
    subject: str,
    html: str,
    text: str,
    to: str,
    values: dict[str, str],
    message_id: str,
    list_id: str,
    connection: BaseEmailBackend | None = None,
) -> EmailMultiAlternatives:
    """One recipient's mail: the edition with their values filled in, both MIME parts, and
    the list headers."""
    unsubscribe_url = values[personalise.UNSUBSCRIBE_URL]
    headers = {
        "Message-ID": message_id,
        "List-Id": list_id,
        "List-Unsubscribe": list_unsubscribe(unsubscribe_url),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    mail = EmailMultiAlternatives(
        subject=subject,
        body=personalise.fill(text, values),
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[to],
        reply_to=[settings.NEWSLETTER_REPLY_TO] if settings.NEWSLETTER_REPLY_TO else None,
        headers=headers,
        connection=connection,
    )
    mail.attach_alternative(personalise.fill(html, personalise.escaped(values)), "text/html")
    return mail
