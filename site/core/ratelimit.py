"""Per-client rate limits on the public forms, counted in the database.

Each scope (a form) and client has a counter row: a fixed window that opens at the client's
first attempt and lasts `period`. An attempt is counted by one conditional UPDATE, atomic on
SQLite and PostgreSQL and across processes, which the cache is not: `incr` on the file and
database caches reads then writes, and resets the key's timeout to the cache's default.

The client is a keyed hash of its address (core.net.client_address): no address is stored
or logged."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from .models import RateLimitCounter
from .net import client_address


def client_fingerprint(request: HttpRequest) -> str:
    """A keyed hash of the client's address: tells clients apart without naming them."""
    address = client_address(request)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def rate_limited(request: HttpRequest, scope: str, limit: int, period: int = 3600) -> bool:
    """Count one attempt of this client in `scope`; True (and not counted) once `limit`
    attempts were counted in the client's current window of `period` seconds."""
    now = timezone.now()
    key = f"{scope}:{client_fingerprint(request)}"
    counter = RateLimitCounter.objects.filter(key=key)

    def counted_in_window() -> bool:
        current = counter.filter(expires_at__gt=now, count__lt=limit)
        return current.update(count=F("count") + 1) == 1

    if counted_in_window():
        return False
    window_end = now + timedelta(seconds=period)
    if counter.filter(expires_at__lte=now).update(count=1, expires_at=window_end):
        return False
    try:
        with transaction.atomic():
            RateLimitCounter.objects.create(key=key, count=1, expires_at=window_end)
    except IntegrityError:  # another request of the client opened the window meanwhile
        return not counted_in_window()
    return False


def purge_expired_counters() -> int:
    """Delete the counters whose window has ended; how many. Run by the scheduler."""
    deleted, _ = RateLimitCounter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
