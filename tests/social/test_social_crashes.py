"""Nothing lost, nothing twice, for social posts: ten news items to post on the five networks
(fifty rows, one per page x network) by real `db_worker` processes killed (SIGKILL) at random
moments and restarted, and by two workers at once.

The networks are the local fakes of tests/social/fake_networks.py, served from this process,
each call answered after DELAY so that kills land mid-call: every other kill is aimed at the
blind spot (the network is making the post, its answer will never be read), the others fall at
a random moment. The workers and the scheduler (`run_scheduler`, whose watch_posts settles the
rows a dead worker left SENDING once SOCIAL_LEASE_SECONDS have passed) share a fresh database
that tests/social/crash_scenario.py fills.

A kill mid-call leaves the row SENDING, and the network with the post or without it (its
answer was never read). The scheduler asks the network (`find()`): it records the post it
finds, or puts the row back to PENDING when the network surely has not got it. A row ends
UNKNOWN only when the network cannot tell (its lookup fails or is not possible): every fake
here answers the lookups, so every row should end POSTED; a row left UNKNOWN all the same is
accepted only if its post is on the network at most once (the editor then decides, nothing is
posted again behind their back).

Some fakes refuse a repeat as their network does (X a duplicate text, with 403; Mastodon a
reused Idempotency-Key; Bluesky a record key already taken), so a repeat would not show as a
second post there: it would show as a FAILED row (X) or as a post-creating call made again,
which the test counts and prints.
"""

from __future__ import annotations

import json
import random
import signal
import threading
import time
from collections import Counter

import pytest

from tests.newsletters.test_dispatch_crashes import Town, fresh_database  # noqa: F401
from tests.social.fake_networks import NETWORKS, FakeNetworks

PAGES = 10  # each network's find() reads its 20 latest posts: all of them stay in sight
ROWS = PAGES * len(NETWORKS)
KILLS = 6  # every other one aimed at a post-creating call, the others at random
DELAY = 0.2  # seconds each fake takes to answer a call
# An attempt makes at most three calls of DELAY here. The lease must outlast an attempt: a live
# worker's row taken for dead would be posted again.
LEASE_SECONDS = 4
SOCIAL_SCENARIO = "from tests.social import crash_scenario"
# The calls that make the post itself, by network: once one is answered, the network has it.
POST_CALLS = {
    "x": ("/2/tweets",),
    "facebook": ("/feed", "/photos"),
    "linkedin": ("/rest/posts",),
    "mastodon": ("/api/v1/statuses",),
    "bluesky": ("/xrpc/com.atproto.repo.createRecord",),
}


def creates_post(network: str, request) -> bool:
    """Whether this request to a fake is the call that makes the post."""
    return request.method == "POST" and request.path.endswith(POST_CALLS[network])


class CallWatch:
    """The calls the fakes are answering at this moment (their delay included), to tell
    where a kill landed, and how many workers' calls (the only ones not GET) and
    post-creating calls have started so far."""

    def __init__(self, networks: FakeNetworks) -> None:
        self.lock = threading.Lock()
        self.answering: list[tuple[str, object]] = []
        self.started: Counter = Counter()
        for network, fake in networks.fakes().items():
            fake.respond = self.watched(network, fake.respond)

    def watched(self, network: str, respond):
        def answer(request):
            call = (network, request)
            with self.lock:
                self.answering.append(call)
                self.started["write"] += request.method != "GET"
                self.started["post"] += creates_post(network, request)
            try:
                return respond(request)
            finally:
                with self.lock:
                    self.answering.remove(call)

        return answer

    def wait_for_next(self, kind: str, timeout: float = 60) -> None:
        """Wait until a new call of this kind ("write" or "post") starts."""
        before, deadline = self.started[kind], time.monotonic() + timeout
        while self.started[kind] == before and time.monotonic() < deadline:
            time.sleep(0.01)

    def moment(self) -> str:
        """Where a worker killed now would stop: while the network makes the post, during
        another of its calls, or between calls (the scheduler's lookups are all GET)."""
        with self.lock:
            calls = [(network, request) for network, request in self.answering]
        if any(creates_post(network, request) for network, request in calls):
            return "while the network makes the post"
        if any(request.method != "GET" for _, request in calls):
            return "during another call"
        return "between calls"


class SocialTown(Town):
    """The newsletters' crash machinery (migration, scheduler, workers) running the social
    scenario."""

    scenario = SOCIAL_SCENARIO


@pytest.fixture
def town(fresh_database):  # noqa: F811
    database_url, folder = fresh_database
    with FakeNetworks(delay=DELAY) as networks:
        town = SocialTown(database_url, folder, smtp_port=0)
        town.env.update(
            networks.environment(), SOCIAL_LEASE_SECONDS=str(LEASE_SECONDS), SOCIAL_STAND_IN=""
        )
        town.networks = networks
        town.calls = CallWatch(networks)
        town.processes = []
        yield town
        town.close()


def publish_news(town: SocialTown, enqueue_twice: bool = False) -> None:
    """Publish the news items in the workers' database (their tasks enqueued), start the
    scheduler."""
    accounts = json.dumps(town.networks.accounts())
    town.open(f"publish_news({accounts!r}, {PAGES}, enqueue_twice={enqueue_twice})")


def posts_received(town: SocialTown) -> int:
    return sum(map(len, town.networks.received().values()))


def wait_until_settled(town: SocialTown, timeout: float) -> dict:
    """The summary once no row waits for an attempt or a lookup (or at the timeout). The
    database is asked every few seconds, at once when every post has reached the fakes."""
    deadline = time.monotonic() + timeout
    while True:
        ask_at = time.monotonic() + 5
        while time.monotonic() < ask_at and posts_received(town) < ROWS:
            time.sleep(0.2)
        result = town.summary()
        if result["open"] == 0 or time.monotonic() > deadline:
            return result
        time.sleep(1)


def copies_on_networks(town: SocialTown, rows: list) -> list[tuple[str, int]]:
    """For each row, its status and how many times its network received its text."""
    received = town.networks.received()
    return [(status, received[network].count(text)) for network, _, status, text in rows]


def post_calls_made_again(town: SocialTown) -> dict[str, int]:
    """Per network, the post-creating calls beyond one per post the network holds."""
    received = town.networks.received()
    return {
        network: sum(creates_post(network, request) for request in fake.requests)
        - len(received[network])
        for network, fake in town.networks.fakes().items()
    }


def start_worker(town: SocialTown):
    worker = town.worker()
    town.processes.append(worker)
    return worker


def test_workers_killed_at_random_moments_post_nothing_twice_and_lose_nothing(town):
    publish_news(town)
    rng = random.Random()
    kills: Counter = Counter()
    worker = start_worker(town)
    while kills.total() < KILLS and posts_received(town) < ROWS:
        if kills.total() % 2:  # at a random moment once the worker calls the networks
            town.calls.wait_for_next("write")
            time.sleep(rng.uniform(0.0, 3.0))
        else:  # aimed at the blind spot: the network is making the post
            town.calls.wait_for_next("post")
            time.sleep(rng.uniform(0.0, DELAY / 2))
        moment = town.calls.moment()
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        kills[moment] += 1
        worker = start_worker(town)
    result = wait_until_settled(town, timeout=150)

    statuses = Counter(status for _, _, status, _ in result["rows"])
    copies = copies_on_networks(town, result["rows"])
    print(
        f"\n{kills.total()} kills: {dict(kills)}; rows: {dict(statuses)}; post calls made "
        f"again (the network recognised them): {post_calls_made_again(town)}"
    )
    assert result["open"] == 0
    assert len(result["rows"]) == ROWS
    # Nothing twice: no network holds a text twice, and none holds a text no row has.
    for network, texts in town.networks.received().items():
        assert max(Counter(texts).values()) == 1, network
    assert sum(n for _, n in copies) == posts_received(town)
    # Nothing lost: every row is POSTED and on its network once; a row the network could not
    # settle is UNKNOWN for the editor, its post there once or not at all. No row FAILED:
    # X's refusal of a duplicate text would be one.
    assert set(statuses) <= {"posted", "unknown"}
    assert all(n == 1 for status, n in copies if status == "posted")
    assert all(n <= 1 for status, n in copies if status == "unknown")


def test_two_workers_at_once_post_each_page_once_on_each_network(town):
    # Each post's task is enqueued twice: both workers may run the same post at once.
    publish_news(town, enqueue_twice=True)
    town.processes += [town.worker(), town.worker()]
    result = wait_until_settled(town, timeout=120)

    print(f"\ntasks: {result['tasks']}; workers: {result['workers']}")
    assert result["open"] == 0
    assert [status for status, _ in copies_on_networks(town, result["rows"])] == ["posted"] * ROWS
    assert [n for _, n in copies_on_networks(town, result["rows"])] == [1] * ROWS
    assert posts_received(town) == ROWS
    assert post_calls_made_again(town) == dict.fromkeys(NETWORKS, 0)
    # One attempt per post: a task posts its row with its due siblings on the other
    # networks; the other tasks (and any the scheduler enqueued again) found theirs done.
    assert set(result["tasks"]) == {"posted", "nothing to do"}
    assert result["workers"] == 2


def test_a_slow_network_never_makes_a_live_attempt_look_dead(town):
    """Calls slower than the lease: the workers' heartbeats keep the scheduler from taking
    their rows for a dead worker's and posting them again."""
    for fake in town.networks.fakes().values():
        fake.delay = 1.5
    town.env["SOCIAL_LEASE_SECONDS"] = "1"
    publish_news(town, enqueue_twice=True)
    town.processes += [town.worker(), town.worker()]
    result = wait_until_settled(town, timeout=180)

    assert result["open"] == 0
    assert [n for _, n in copies_on_networks(town, result["rows"])] == [1] * ROWS
    assert {status for status, _ in copies_on_networks(town, result["rows"])} == {"posted"}
    assert post_calls_made_again(town) == dict.fromkeys(NETWORKS, 0)
