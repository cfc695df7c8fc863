"""A stand-in for tests, like Django's locmem e-mail backend: published posts land in the
module's `outbox` (with the account's network), and tests script what the network answers.

    from connectors.social.backends import locmem
    locmem.fail_next(RETRY, "HTTP 503", count=2, retry_after=60)
    ...
    assert [(network, post.text) for network, post in locmem.outbox] == [...]
    locmem.reset()

`find()` answers POSTED for a post whose key is in the outbox, else None.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque

from ..base import POSTED, REMOVED, Post, Result, SocialBackend

outbox: list[tuple[str, Post]] = []
deleted: list[tuple[str, str]] = []  # (network, remote id) of each post deleted
_queued: deque[Result] = deque()
_ids = itertools.count(1)
_lock = threading.Lock()


def fail_next(status: str, reason: str = "", count: int = 1, retry_after: float | None = None):
    """Answer `status` (REJECTED, RETRY, UNKNOWN) to the next `count` posts."""
    with _lock:
        _queued.extend([Result(status, reason=reason, retry_after=retry_after)] * count)


def reset() -> None:
    """Empty the outbox and forget the scripted answers."""
    global _ids
    with _lock:
        outbox.clear()
        deleted.clear()
        _queued.clear()
        _ids = itertools.count(1)


class LocmemBackend(SocialBackend):
    """Publishes into `outbox`, or answers what the test scripted."""

    def publish(self, post: Post) -> Result:
        with _lock:
            if _queued:
                return _queued.popleft()
            outbox.append((self.account.network, post))
            remote_id = f"locmem-{next(_ids)}"
        return Result(POSTED, remote_id=remote_id, url=f"https://social.invalid/{remote_id}")

    def find(self, post: Post) -> Result | None:
        with _lock:
            for network, sent in outbox:
                if network == self.account.network and sent.key == post.key:
                    return Result(POSTED, remote_id="locmem-found")
        return None

    def delete(self, remote_id: str) -> Result:
        with _lock:
            if _queued:
                return _queued.popleft()
            deleted.append((self.account.network, remote_id))
        return Result(REMOVED, remote_id=remote_id)
