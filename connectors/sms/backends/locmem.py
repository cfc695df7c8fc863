"""A backend for tests, like Django's locmem e-mail backend: accepted messages land in the
module's `outbox`, and tests script what the gateway answers.

    from connectors.sms.backends import locmem
    locmem.fail_next(RETRY, "HTTP 503", count=2, retry_after=60)  # the next two messages
    locmem.answers["+33612345678"] = Result(REJECTED, reason="HTTP 400 invalid number")
    ...
    assert [sms.to for sms in locmem.outbox] == [...]
    locmem.reset()  # between tests

An answer for a number (`answers`) wins over the queued ones (`fail_next`). Only ACCEPTED
messages reach `outbox`; accepted ids are "locmem-1", "locmem-2"… in order since the last
reset. Webhooks use the plain format of `backends.plain`.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Iterator, Sequence

from django.http import HttpRequest

from ..base import ACCEPTED, Receipt, Reply, Result, Sms, SmsBackend
from .plain import parse_plain_webhook

outbox: list[Sms] = []
answers: dict[str, Result] = {}  # E.164 number -> what the gateway answers for it, each time
_queued: deque[Result] = deque()
_ids = itertools.count(1)
_lock = threading.Lock()


def fail_next(
    status: str, reason: str = "", count: int = 1, retry_after: float | None = None
) -> None:
    """Answer `status` (REJECTED, RETRY, UNKNOWN…) to the next `count` messages sent."""
    with _lock:
        _queued.extend([Result(status, reason=reason, retry_after=retry_after)] * count)


def reset() -> None:
    """Empty the outbox, forget the scripted answers and number ids from 1 again."""
    global _ids
    with _lock:
        outbox.clear()
        answers.clear()
        _queued.clear()
        _ids = itertools.count(1)


def answer_for(sms: Sms) -> Result:
    """The scripted answer for this message, or ACCEPTED (and the message in the outbox)."""
    with _lock:
        scripted = answers.get(sms.to) or (_queued.popleft() if _queued else None)
        if scripted and scripted.status != ACCEPTED:
            return scripted
        outbox.append(sms)
        return Result(ACCEPTED, provider_id=f"locmem-{next(_ids)}")


class LocmemBackend(SmsBackend):
    """Keeps messages in memory (`outbox`) and answers what the test scripted."""

    name = "locmem"

    def send(self, messages: Sequence[Sms]) -> Iterator[tuple[Sms, Result]]:
        """Answer each message in turn."""
        for sms in messages:
            yield sms, answer_for(sms)

    def parse_webhook(self, request: HttpRequest) -> list[Receipt | Reply]:
        """A receipt or reply in the plain format."""
        return parse_plain_webhook(request)
