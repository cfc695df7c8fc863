"""A real SMTP server (aiosmtpd) on a free local port, Django's SMTP backend pointed at it,
and the database task backend with its `db_worker`, so that the tests see what residents
and agents would: mails that arrive, or not, and tasks that wait for their retry."""

from __future__ import annotations

import signal
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from core.net import free_port


@dataclass
class Delivery:
    """One message as the server accepted it: the envelope recipients and the parsed mail."""

    recipients: list[str]
    message: EmailMessage


@dataclass
class Mailbox:
    """The server's handler. `refuse` (e.g. "451 4.3.0 Réessayez plus tard") is answered to
    every RCPT while it is set, `refusals[address]` to that address only (a list of answers
    is used up one per attempt); accepted messages land in `deliveries`."""

    refuse: str | None = None
    refusals: dict[str, str | list[str]] = field(default_factory=dict)
    deliveries: list[Delivery] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return self.refuse
        answer = self.refusals.get(address)
        if isinstance(answer, list):
            answer = answer.pop(0) if answer else None
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.deliveries.append(
            Delivery(
                list(envelope.rcpt_tos),
                message_from_bytes(envelope.original_content, policy=policy.default),
            )
        )
        return "250 Message accepted for delivery"

    def message_ids(self) -> list[str]:
        return [delivery.message["Message-ID"] for delivery in self.deliveries]

    def recipients(self) -> list[str]:
        return sorted(r for delivery in self.deliveries for r in delivery.recipients)


class SMTPServer:
    """aiosmtpd on 127.0.0.1:`port`, which can be stopped (connections refused) and
    started again on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.mailbox = Mailbox()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(settings):
    """The running server; Django sends through it with its real SMTP backend."""
    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def db_tasks(settings):
    """Tasks are stored (django_tasks_db) as in production instead of run at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def worker(db_tasks, monkeypatch):
    """`worker()` runs `db_worker --batch` (every task that is due, then exit), as the
    production worker would; `worker.wait()` lets the retry delays elapse."""
    # Between tasks the worker drops connections left inside a transaction, as a request
    # does; here that transaction is the test's own, which PostgreSQL would then lose.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    handlers = {
        sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    }

    class Worker:
        def __call__(self) -> None:
            call_command(
                "db_worker",
                batch=True,
                interval=0,
                startup_delay=False,
                reload=False,
                verbosity=0,
            )

        @staticmethod
        def wait() -> None:
            from django_tasks_db.models import DBTaskResult

            DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())

    yield Worker()
    for sig, handler in handlers.items():  # db_worker installs its own
        signal.signal(sig, handler)
