"""The health endpoint for load balancers and monitoring: one JSON answer on the parts the
site depends on, each with its status and how long its probe took.

The database and the cache are critical: without them no page can be served, so the answer
is 503 and a load balancer takes the server out. Search is not: residents' searches fall
back to the database while Meilisearch is down. Neither are the tasks: a stopped worker
delays e-mails and index updates, and taking web servers out would not help. Those make the
answer "degraded", still 200. Nothing in the answer names a host, a user or a setting.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, F, Min, When
from django.db.models.functions import Greatest
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult, get_date_max

from search import engine

logger = logging.getLogger(__name__)

CRITICAL = {"database", "cache"}


def check_database() -> dict:
    """A round trip to the database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache() -> dict:
    """A value written to the cache and read back, under a key of this probe's own (probes
    from several load balancers run at once)."""
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    if cache.get(key) != value:
        raise LookupError("the cache did not return the value it was given")
    cache.delete(key)
    return {}


def check_search() -> dict:
    """Meilisearch's own /health, within the residents' search timeout."""
    if engine.client().health().get("status") != "available":
        raise engine.SearchUnavailable("Meilisearch is not available")
    return {}


def check_tasks() -> dict:
    """How long the oldest task that could run has been waiting for a worker: since it was
    enqueued, or since its `run_after` for a task scheduled later."""
    became_due = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")),
        default=Greatest("enqueued_at", "run_after"),
    )
    oldest = DBTaskResult.objects.ready().aggregate(oldest=Min(became_due))["oldest"]
    waiting = max(0, int((timezone.now() - oldest).total_seconds())) if oldest else 0
    late = waiting > settings.COMMUNE_HEALTH_TASKS_MAX_WAIT
    return {"status": "late" if late else "ok", "oldest_waiting_seconds": waiting}


CHECKS: dict[str, Callable[[], dict]] = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "tasks": check_tasks,
}


def probe(name: str, check: Callable[[], dict]) -> dict:
    """Run one check: its status ("ok", "down", or what the check says), the time it took,
    and its figures. A failure is logged by kind only (messages may name hosts)."""
    started = time.perf_counter()
    try:
        result = {"status": "ok", **check()}
    except Exception as error:  # any failure of a part means it is down, whatever the cause
        logger.warning("Health: %s is down (%s)", name, type(error).__name__)
        result = {"status": "down"}
    result["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
    result["critical"] = name in CRITICAL
    return result


@never_cache
@csrf_exempt
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """200 "ok" when every part answers, 200 "degraded" when a non-critical part does not,
    503 "down" when the database or the cache does not."""
    checks = {name: probe(name, check) for name, check in CHECKS.items()}
    if any(checks[name]["status"] != "ok" for name in CRITICAL):
        status = "down"
    elif any(check["status"] != "ok" for check in checks.values()):
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {"status": status, "checks": checks}, status=503 if status == "down" else 200
    )
