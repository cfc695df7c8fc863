"""The health endpoint as a load balancer and a monitor see it: 200 while the site can serve
pages, 503 when the database or the cache is down, "degraded" when search or the task
worker lags, and nothing in the answer that names a host, an account or a setting."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from core.net import free_port

ROOT = Path(__file__).resolve().parents[2]


@task()
def waiting_task() -> None:
    """A task for the queue; no worker runs it here."""


def health(client) -> tuple[int, dict]:
    response = client.get("/health/")
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def test_every_part_up_is_ok_and_says_nothing_of_the_servers(
    client, db, meilisearch_server, settings
):
    response = client.get("/health/")

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "search", "tasks"}
    for check in body["checks"].values():
        assert check["status"] == "ok"
        assert check["latency_ms"] >= 0
    assert body["checks"]["tasks"]["oldest_waiting_seconds"] == 0
    text = response.content.decode()
    for secret in [
        meilisearch_server.master_key,
        str(meilisearch_server.port),
        "127.0.0.1",
        str(settings.DATABASES["default"]["NAME"]),
    ]:
        assert secret not in text
    # Never cached by a proxy, and no session or CSRF cookie handed to a probe.
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_search_down_degrades_but_keeps_the_server_in(client, db, settings):
    settings.MEILISEARCH_URL = f"http://127.0.0.1:{free_port()}"

    status, body = health(client)

    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["search"] == {
        "status": "down",
        "latency_ms": body["checks"]["search"]["latency_ms"],
        "critical": False,
    }
    assert body["checks"]["database"]["status"] == "ok"


def test_cache_down_takes_the_server_out(client, db, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }

    status, body = health(client)

    assert status == 503
    assert body["status"] == "down"
    assert body["checks"]["cache"]["status"] == "down"
    assert body["checks"]["cache"]["critical"] is True
    assert body["checks"]["database"]["status"] == "ok"


def test_database_down_takes_the_server_out():
    """In a fresh process whose database is a PostgreSQL port where nothing listens."""
    probe = (
        "from django.test import Client; r = Client().get('/health/'); "
        "print(r.status_code); print(r.content.decode())"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "commune.settings.test",
        "DATABASE_URL": f"postgresql://commune:secret-password@127.0.0.1:{free_port()}/commune",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    status, body = result.stdout.strip().splitlines()[-2:]
    checks = json.loads(body)["checks"]
    assert status == "503"
    assert checks["database"]["status"] == "down"
    assert checks["cache"]["status"] == "ok"
    assert "secret-password" not in body and "commune:" not in body


def test_tasks_waiting_too_long_degrade(client, db, meilisearch_server, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.COMMUNE_HEALTH_TASKS_MAX_WAIT = 300
    waiting_task.enqueue()
    # Scheduled for later: not waiting yet, however old.
    waiting_task.using(run_after=timezone.now() + timedelta(hours=1)).enqueue()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))

    status, body = health(client)

    assert status == 200
    assert body["status"] == "degraded"
    tasks = body["checks"]["tasks"]
    assert tasks["status"] == "late"
    assert 600 <= tasks["oldest_waiting_seconds"] < 700


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_only_reads_are_answered(client, db, method):
    assert getattr(client, method)("/health/").status_code == 405
