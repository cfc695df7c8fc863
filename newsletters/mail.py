"""Building a campaign's mails and handing them to Django's e-mail backends.

A mail is built from its language's frozen edition by filling in the recipient's own values
(newsletters/personalise.py), with the headers mailbox providers expect from a list: List-Id,
List-Unsubscribe (https and mailto) and List-Unsubscribe-Post (RFC 8058). Its Message-ID is
derived from the delivery row, so a resend after a crash carries the same one.

For plain SMTP, `SMTPBackend` reports the point of no return: the moment the whole message
is written and only its terminating dot remains. The dispatcher commits "handed over" there,
so a worker killed before it has certainly delivered nothing (the server drops a message
whose DATA never ended); only a worker killed between that moment and its record of the
server's answer leaves a mail whose fate is unknown, which is sent again with the same
Message-ID.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import smtplib
import socket
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

    def connect(self, *args, **kwargs):
        reply = super().connect(*args, **kwargs)
        # The final dot is a tiny write after a large one: without this, Nagle's algorithm
        # holds it until the server's delayed ACK (up to 40 ms per mail).
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return reply

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
) -> CampaignMail:
    """One recipient's mail: the edition with their values filled in, both MIME parts, and
    the list headers."""
    headers = {
        "Message-ID": message_id,
        "List-Id": list_id,
        "List-Unsubscribe": list_unsubscribe(values[personalise.UNSUBSCRIBE_URL]),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    mail = CampaignMail(
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


class CampaignMail(EmailMultiAlternatives):
    """A campaign mail. When its edition could be prepared (MailTemplate), `prepared` holds
    its MIME bytes and message() serves them, which is all Django's SMTP backend reads; the
    HTTP providers' backends read the usual attributes."""

    prepared: bytes | None = None

    def message(self, *args, **kwargs):
        if self.prepared is None:
            return super().message(*args, **kwargs)
        return PreparedMessage(self.prepared)


class PreparedMessage:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def as_bytes(self, linesep: str = "\r\n", **kwargs) -> bytes:
        return self.raw if linesep == "\r\n" else self.raw.replace(b"\r\n", linesep.encode())


TO = "%%TO%%"
MESSAGE_ID = "%%MESSAGE_ID%%"
LIST_UNSUBSCRIBE = "%%LIST_UNSUBSCRIBE%%"
TEXT_BODY = "%%TEXT_BODY%%"
HTML_BODY = "%%HTML_BODY%%"


class MailTemplate:
    """An edition's MIME message built once by Django around markers; a recipient's bytes
    are then the headers with their address and links filled in and the two parts, filled
    and base64-encoded (in C), instead of a MIME build (in Python, quoted-printable for the
    long lines of MJML's output) per recipient."""

    def __init__(self, *, subject: str, html: str, text: str, list_id: str) -> None:
        self.subject, self.html, self.text, self.list_id = subject, html, text, list_id
        skeleton = build_mail(
            subject=subject,
            html=HTML_BODY,
            text=TEXT_BODY,
            to=TO,
            values={marker: marker for marker in personalise.MARKERS},
            message_id=MESSAGE_ID,
            list_id=list_id,
        )
        skeleton.extra_headers["List-Unsubscribe"] = LIST_UNSUBSCRIBE
        raw = skeleton.message().as_bytes(linesep="\r\n").decode()
        parts = re.split(
            rf"Content-Transfer-Encoding: [^\r\n]+\r\n\r\n({TEXT_BODY}|{HTML_BODY})", raw
        )
        # [headers…, text marker, between the parts, html marker, closing boundary]
        self.segments = parts if parts[1::2] == [TEXT_BODY, HTML_BODY] else None

    def mail(
        self, *, to: str, values: dict[str, str], message_id: str, connection=None
    ) -> CampaignMail:
        message = build_mail(
            subject=self.subject,
            html=self.html,
            text=self.text,
            to=to,
            values=values,
            message_id=message_id,
            list_id=self.list_id,
            connection=connection,
        )
        if self.segments is not None and to.isascii():
            head, _text, between, _html, tail = self.segments
            head = personalise.fill(
                head,
                {
                    TO: to,
                    MESSAGE_ID: message_id,
                    LIST_UNSUBSCRIBE: message.extra_headers["List-Unsubscribe"],
                },
            )
            message.prepared = b"".join(
                [
                    head.encode(),
                    BASE64_PART_HEADER,
                    base64_lines(message.body),
                    between.encode(),
                    BASE64_PART_HEADER,
                    base64_lines(message.alternatives[0][0]),
                    tail.encode(),
                ]
            )
        return message


BASE64_PART_HEADER = b"Content-Transfer-Encoding: base64\r\n\r\n"


def base64_lines(content: str) -> bytes:
    return base64.encodebytes(content.encode()).replace(b"\n", b"\r\n")
