"""Nothing lost, nothing twice, for SMS: an urgent campaign handed to a fake Brevo by real
`db_worker` processes that are killed (SIGKILL) at random moments and restarted, and by two
workers at once.

An SMS has no Message-ID by which a duplicate is recognised, so a row whose hand-over a
kill interrupted is never resent: it is marked "unknown" for the operator. The test checks
that no number receives the message twice, that every row the town counts as sent reached
the gateway, and that every number the gateway did not receive is flagged unknown.
"""

from __future__ import annotations

import json
import random
import signal
import time
from collections import Counter

import pytest

from tests.connectors.sms.fake_gateways import BrevoGateway

from .crash_scenario import phone
from .test_dispatch_crashes import SCENARIO, Town, fresh_database  # noqa: F401

RECIPIENTS = 1500
KILLS = 5


@pytest.fixture
def town(fresh_database):  # noqa: F811
    database_url, folder = fresh_database
    with BrevoGateway(delay=0.01) as gateway:
        town = Town(database_url, folder, smtp_port=0)
        town.env.update(
            SMS_BACKEND="brevo",
            SMS_BREVO_API_URL=gateway.url,
            SMS_BREVO_API_KEY=gateway.api_key,
            SMS_BATCH_SIZE="20",
            SMS_CONCURRENCY="8",
        )
        town.open(f"create_sms({RECIPIENTS})")
        town.gateway = gateway
        yield town
        town.close()


def received(town: Town) -> Counter:
    return Counter(message.to for message in town.gateway.accepted)


def summary(town: Town) -> dict:
    output = town.shell(f"{SCENARIO}; crash_scenario.sms_summary()")
    return json.loads(output.strip().splitlines()[-1])


def wait_until_sent(town: Town, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while (result := summary(town))["status"] != "sent" and time.monotonic() < deadline:
        time.sleep(1)
    return result


def test_workers_killed_at_random_moments_send_no_sms_twice_and_lose_none_silently(town):
    rng = random.Random()
    kills = 0
    worker = town.worker()
    town.processes.append(worker)
    while kills < KILLS and len(received(town)) < RECIPIENTS:
        started = len(town.gateway.accepted)
        deadline = time.monotonic() + 60
        while len(town.gateway.accepted) == started and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.5))
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        kills += 1
        worker = town.worker()
        town.processes.append(worker)
    result = wait_until_sent(town, timeout=180)

    numbers = result["numbers"]
    got = received(town)
    sent, unknown = set(numbers.get("sent", [])), set(numbers.get("unknown", []))
    everyone = {phone(n) for n in range(RECIPIENTS)}
    print(
        f"\n{kills} kills; {len(unknown)} rows left unknown for the operator, of which "
        f"{len(unknown & set(got))} had reached the gateway; "
        f"{sum(n > 1 for n in got.values())} numbers received twice"
    )
    assert result["status"] == "sent"
    assert set(numbers) <= {"sent", "unknown"}
    # Nothing twice: no number received the message twice.
    assert max(got.values()) == 1
    # Nothing lost silently: every row counted as sent reached the gateway, and every
    # number the gateway did not receive is flagged for the operator.
    assert sent <= set(got)
    assert everyone - set(got) <= unknown
    assert sent | unknown == everyone


def test_two_workers_at_once_share_the_campaign_without_sending_twice(town):
    town.processes += [town.worker(), town.worker()]
    result = wait_until_sent(town, timeout=180)

    got = received(town)
    assert result["status"] == "sent"
    assert sorted(result["numbers"]) == ["sent"]
    assert len(result["numbers"]["sent"]) == RECIPIENTS
    assert sorted(got) == sorted(phone(n) for n in range(RECIPIENTS))
    assert max(got.values()) == 1
