"""A backend for development: writes each message to standard output and accepts it."""

from __future__ import annotations

import sys
import threading
import uuid
from collections.abc import Iterator, Sequence

from django.http import HttpRequest

from ..base import ACCEPTED, Receipt, Reply, Result, Sms, SmsBackend
from .plain import parse_plain_webhook


def masked(number: str) -> str:
    """A number with all but its last two digits hidden: "+33612345678" -> "**********78"."""
    return "*" * (len(number) - 2) + number[-2:]


class ConsoleBackend(SmsBackend):
    """Prints messages (the number masked) instead of sending them; webhooks in the plain
    format of `backends.plain`."""

    name = "console"

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stdout
        self.lock = threading.Lock()  # one message's lines stay together

    def send(self, messages: Sequence[Sms]) -> Iterator[tuple[Sms, Result]]:
        """Print each message and accept it with a "console-<uuid>" id."""
        for sms in messages:
            provider_id = f"console-{uuid.uuid4()}"
            with self.lock:
                self.stream.write(
                    f"SMS {provider_id} to {masked(sms.to)} from {sms.sender}"
                    f" (ref. {sms.reference})\n{sms.text}\n{'-' * 40}\n"
                )
                self.stream.flush()
            yield sms, Result(ACCEPTED, provider_id=provider_id)

    def parse_webhook(self, request: HttpRequest) -> list[Receipt | Reply]:
        """A receipt or reply in the plain format."""
        return parse_plain_webhook(request)
