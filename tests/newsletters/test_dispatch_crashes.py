"""Nothing lost, nothing twice: a campaign sent by real `db_worker` processes that are
killed (SIGKILL) at random moments and restarted, and by two workers at once. The test
prints how many kills landed in SMTP's blind spot (the end of DATA sent, the server's
answer not yet recorded) and how many mails that made arrive twice.

The workers run against a fresh database of their own (migrated for this module) and send
to a real SMTP server (aiosmtpd) in this process, which records every Message-ID it
accepts. The scheduler runs too: it relaunches a campaign whose workers died.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from aiosmtpd.controller import Controller
from django.conf import settings

from core.net import free_port
from newsletters.sending import RESENT_AFTER_CRASH

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 2000
KILLS = 5
SCENARIO = "from tests.newsletters import crash_scenario"


class Recorder:
    """Accepts every mail and records its Message-ID, recipients and connection."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.message_ids: list[str] = []
        self.recipients: list[str] = []
        self.connections: set[tuple] = set()

    async def handle_DATA(self, server, session, envelope):
        header_end = envelope.original_content.find(b"\r\n\r\n")
        headers = envelope.original_content[:header_end].decode()
        message_id = next(
            line.split(":", 1)[1].strip()
            for line in headers.split("\r\n")
            if line.lower().startswith("message-id:")
        )
        with self.lock:
            self.message_ids.append(message_id)
            self.recipients.extend(envelope.rcpt_tos)
            self.connections.add(session.peer)
        return "250 OK"


@pytest.fixture(scope="module")
def fresh_database(tmp_path_factory):
    """A new, migrated database URL: a SQLite file, or a PostgreSQL database next to the
    test database when the suite runs on PostgreSQL (dropped afterwards)."""
    folder = tmp_path_factory.mktemp("crash")
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{folder / 'crash.sqlite3'}", folder
        return
    name = f"commune_crash_{os.getpid()}"
    server = f"host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432} user={db['USER']}"
    with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    yield f"postgres://{db['USER']}{password}@{host}/{name}", folder
    with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Town:
    """The worker-side processes, sharing the fresh database and the SMTP server."""

    scenario = SCENARIO  # imports the module whose functions `open()` and `summary()` call

    def __init__(self, database_url: str, folder: Path, smtp_port: int) -> None:
        self.folder = folder
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "commune.settings.dev",
            "DATABASE_URL": database_url,
            "COMMUNE_VAR_DIR": str(folder),
            "NEWSLETTER_EMAIL_BACKEND": "newsletters.mail.SMTPBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "NEWSLETTER_CLAIM_LEASE": "3",
            "NEWSLETTER_BATCH_SIZE": "50",
            "NEWSLETTER_MAILS_PER_SECOND": "100000",
            "PYTHONUNBUFFERED": "1",
        }
        self.env.pop("DJANGO_SECRET_KEY", None)

    def manage(self, *args: str, timeout: float = 300) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def shell(self, code: str) -> str:
        return self.manage("shell", "-c", code)

    def start(self, *args: str) -> subprocess.Popen:
        log = open(self.folder / f"{args[0]}-{time.monotonic_ns()}.log", "w")  # noqa: SIM115
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def worker(self) -> subprocess.Popen:
        return self.start("db_worker", "--no-reload", "--interval", "0.2", "--no-startup-delay")

    def open(self, scenario: str) -> None:
        """Migrate the fresh database (once per module), run `scenario` (a call of
        crash_scenario) in it, and start the scheduler."""
        if not (self.folder / "migrated").exists():
            self.manage("migrate", "-v0")
            (self.folder / "migrated").touch()
        self.shell(f"{self.scenario}; crash_scenario.{scenario}")
        self.processes = [self.start("run_scheduler", "--interval", "1")]

    def close(self) -> None:
        for process in self.processes:
            process.kill()
            process.wait()

    def summary(self) -> dict:
        output = self.shell(f"{self.scenario}; crash_scenario.summary()")
        return json.loads(output.strip().splitlines()[-1])


@pytest.fixture
def town(fresh_database):
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    database_url, folder = fresh_database
    town = Town(database_url, folder, controller.port)
    town.open(f"create({RECIPIENTS})")
    town.recorder = recorder
    yield town
    town.close()
    controller.stop()


def wait_for_every_recipient(town: Town, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while len(set(town.recorder.recipients)) < RECIPIENTS and time.monotonic() < deadline:
        time.sleep(0.5)


def test_workers_killed_at_random_moments_lose_nothing_and_send_nothing_twice(town):
    rng = random.Random()
    kills = 0
    worker = town.worker()
    town.processes.append(worker)
    while kills < KILLS and len(set(town.recorder.recipients)) < RECIPIENTS:
        # Wait for mails to flow, then kill at a random moment.
        started = len(town.recorder.message_ids)
        deadline = time.monotonic() + 60
        while len(town.recorder.message_ids) == started and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.8))
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        kills += 1
        worker = town.worker()
        town.processes.append(worker)
    wait_for_every_recipient(town, timeout=180)

    summary = town.summary()
    received = Counter(town.recorder.message_ids)
    sent_twice = sorted(mid for mid, n in received.items() if n > 1)
    resent = summary["errors"].get(RESENT_AFTER_CRASH, 0)
    print(
        f"\n{kills} kills; {resent} hand-overs interrupted and sent again; "
        f"{len(sent_twice)} Message-IDs received twice; rows: {summary['states']}"
    )
    # Nothing lost: every recipient got the mail, and every row says so.
    assert sorted(set(town.recorder.recipients)) == sorted(
        f"habitant{n}@example.org" for n in range(RECIPIENTS)
    )
    assert summary["states"] == {"sent": RECIPIENTS}
    # Nothing twice, as far as SMTP allows: a mail arrives twice only when the worker was
    # killed between the end of its DATA and its record of the server's answer, and then
    # with the same Message-ID (mailbox providers keep one).
    assert len(sent_twice) <= resent
    assert len(town.recorder.message_ids) == RECIPIENTS + len(sent_twice)
    assert all(n == 2 for n in received.values() if n > 1)


def test_two_workers_at_once_share_the_campaign_without_sending_twice(town):
    town.processes += [town.worker(), town.worker()]
    wait_for_every_recipient(town, timeout=180)
    deadline = time.monotonic() + 30
    while town.summary()["status"] != "sent" and time.monotonic() < deadline:
        time.sleep(1)

    assert len(town.recorder.message_ids) == RECIPIENTS
    assert len(set(town.recorder.message_ids)) == RECIPIENTS
    assert len(town.recorder.connections) >= 2  # both workers sent
    assert town.summary() == {"status": "sent", "states": {"sent": RECIPIENTS}, "errors": {}}
