"""The HTTP behaviour the gateways share, on answers the fakes do not script: a proxy's
504, a Retry-After date, and a caller that stops reading results."""

import logging
import threading
import time
from email.utils import formatdate

import pytest

from connectors.sms import UNKNOWN, Result
from connectors.sms.http import CallFailed, Policy, call, concurrently, new_session
from tests.connectors.sms.fake_gateways import Answer, FakeGateway
from tests.connectors.sms.messages import messages

POLICY = Policy(timeout=2, max_retries=3, max_retry_wait=2)


class ScriptedGateway(FakeGateway):
    """Answers the given answers in turn, then 200."""

    send_path_end = "/send"

    def __init__(self, *answers):
        super().__init__()
        self.answers = list(answers)

    def respond(self, request):
        return self.answers.pop(0) if self.answers else Answer(200, {"ok": True})


def test_a_proxys_gateway_timeout_is_unknown_and_not_repeated():
    gateway = ScriptedGateway(Answer(504, "<html>Gateway Timeout</html>"))
    with gateway, pytest.raises(CallFailed) as failure:
        call(new_session(1), "POST", f"{gateway.url}/send", policy=POLICY)
    assert failure.value.result.status == UNKNOWN
    assert len(gateway.requests) == 1


def test_a_retry_after_date_is_honoured():
    retry_at = formatdate(time.time() + 1, usegmt=True)
    unavailable = Answer(503, {"message": "maintenance"}, {"Retry-After": retry_at})
    with ScriptedGateway(unavailable) as gateway:
        response = call(new_session(1), "POST", f"{gateway.url}/send", policy=POLICY)
    assert response.status_code == 200
    assert len(gateway.requests) == 2


def test_a_refusal_is_returned_for_the_backend_to_read():
    with ScriptedGateway(Answer(422, {"code": "x", "message": "bad"})) as gateway:
        response = call(new_session(1), "POST", f"{gateway.url}/send", policy=POLICY)
    assert response.status_code == 422
    assert len(gateway.requests) == 1


def test_a_batch_that_raises_is_unknown_and_logged_without_numbers(caplog):
    def send_batch(batch):
        raise ValueError(f"cannot read the answer for {batch[0].to}")

    with caplog.at_level(logging.WARNING):
        outcomes = list(concurrently(send_batch, [messages(2)], 4, "test"))
    assert [result.status for _, result in outcomes] == [UNKNOWN, UNKNOWN]
    assert "ValueError" in caplog.text
    assert messages(1)[0].to[1:] not in caplog.text


def test_batches_not_started_are_dropped_when_the_caller_stops_reading():
    started = []
    lock = threading.Lock()

    def send_batch(batch):
        with lock:
            started.append(batch[0].reference)
        time.sleep(0.05)
        return [(sms, Result("accepted", provider_id="x")) for sms in batch]

    results = concurrently(send_batch, [[sms] for sms in messages(20)], 2, "test")
    next(results)
    results.close()
    assert len(started) < 20
