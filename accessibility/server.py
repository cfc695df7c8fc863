"""Serves the site for the browser on a free local port, as `manage.py runserver` does.

runserver runs with the caller's settings module and environment (database, COMMUNE_VAR_DIR),
so pages and static files go through the same middleware and static-file handling as the
settings in force: Django's static view under DEBUG, WhiteNoise under production settings.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from django.conf import settings

from core.net import free_port

START_TIMEOUT_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 10.0


class ServerError(Exception):
    pass


@contextmanager
def served_site() -> Iterator[str]:
    """The base URL (no trailing slash) of a runserver started for the block, then stopped."""
    port = free_port()
    command = [
        sys.executable,
        str(settings.PROJECT_DIR / "manage.py"),
        "runserver",
        f"127.0.0.1:{port}",
        "--noreload",
        "--settings",
        settings.SETTINGS_MODULE,
    ]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, cwd=settings.PROJECT_DIR, stdout=log, stderr=log)
        try:
            base_url = f"http://127.0.0.1:{port}"
            _wait_until_up(process, base_url, log)
            yield base_url
        finally:
            _stop(process)


def _wait_until_up(process: subprocess.Popen, base_url: str, log: IO[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"runserver exited with {process.returncode}:\n{_tail(log)}")
        if _answers(base_url + "/"):
            return
        time.sleep(0.2)
    raise ServerError(f"runserver did not answer within {START_TIMEOUT_SECONDS:g} s:\n{_tail(log)}")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except urllib.error.HTTPError:
        return True  # an error page is still a server that answers
    except OSError:
        return False


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _tail(log: IO[bytes], size: int = 4000) -> str:
    log.seek(0)
    return log.read().decode(errors="replace")[-size:]
