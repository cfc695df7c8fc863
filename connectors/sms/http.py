"""What the HTTP gateways (Brevo, OVHcloud, Twilio) share: one call with its retries, and
many calls in flight at once.

One call, by what happened to it:
- 2xx, or a 4xx other than 429: the answer is returned for the backend to read (a 4xx
  becomes REJECTED with the provider's code and message, see `rejected()`).
- 429 and 5xx (but 504): the gateway did not take the message; the call is made again up to
  SMS_MAX_RETRIES times, after the wait the answer asks for (Retry-After, or Brevo's
  x-sib-ratelimit-reset) or an exponential backoff. A wait longer than SMS_MAX_RETRY_WAIT
  is not slept in a worker: the call ends at once with RETRY and that wait.
- Connection refused, name not found, connect timeout: the request never left, RETRY.
- Read timeout, connection dropped after sending, 504 from a proxy: the gateway may have
  taken the message. UNKNOWN, and never sent again here: a duplicate SMS costs money and
  the town's credibility.

Phone numbers never reach the logs: they only name a message by the caller's reference.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass

import requests
from django.conf import settings

from ..transport import TransportFailure, new_session, request_once, retry_after_seconds
from .base import ACCEPTED, REJECTED, RETRY, UNKNOWN, Result, Sms, SmsBackend, redact

logger = logging.getLogger(__name__)

BACKOFF_BASE = 0.5  # seconds before the first retry without a wait from the gateway
# Answers after which the gateway has not taken the message and asks to come back.
RETRIED_STATUSES = frozenset({429, 500, 502, 503})
# A proxy's "504 Gateway Timeout" is a read timeout one hop further: the outcome is unknown.
UNKNOWN_STATUSES = frozenset({504})

Batch = Sequence[Sms]
Outcomes = list[tuple[Sms, Result]]


@dataclass(frozen=True)
class Policy:
    """How long to wait for a gateway and how often to call it again."""

    timeout: float
    max_retries: int
    max_retry_wait: float

    @classmethod
    def from_settings(cls) -> Policy:
        """The policy of SMS_TIMEOUT, SMS_MAX_RETRIES and SMS_MAX_RETRY_WAIT."""
        return cls(
            timeout=float(settings.SMS_TIMEOUT),
            max_retries=int(settings.SMS_MAX_RETRIES),
            max_retry_wait=float(settings.SMS_MAX_RETRY_WAIT),
        )


class CallFailed(Exception):
    """A call ended without an answer to read; `result` is RETRY or UNKNOWN."""

    def __init__(self, result: Result):
        super().__init__(result.reason)
        self.result = result


def call(
    session: requests.Session,
    method: str,
    url: str,
    *,
    policy: Policy,
    sign: Callable[[], Mapping[str, str]] | None = None,
    **kwargs,
) -> requests.Response:
    """Make one call, retried as the module's docstring says. Returns a 2xx or final 4xx
    answer; raises CallFailed with RETRY or UNKNOWN otherwise. `sign` gives headers
    computed afresh for each attempt (a signature with a timestamp)."""
    headers = dict(kwargs.pop("headers", {}))
    attempt = 0
    while True:
        if sign:
            headers.update(sign())
        response = send_once(session, method, url, policy, headers=headers, **kwargs)
        if response.status_code in UNKNOWN_STATUSES:
            raise CallFailed(Result(UNKNOWN, reason=f"HTTP {response.status_code}"))
        if response.status_code not in RETRIED_STATUSES:
            return response
        wait = requested_wait(response)
        too_long = wait is not None and wait > policy.max_retry_wait
        if attempt >= policy.max_retries or too_long:
            retry_after = wait if wait is not None else backoff(attempt, policy)
            reason = f"HTTP {response.status_code} after {attempt + 1} attempt(s)"
            raise CallFailed(Result(RETRY, reason=reason, retry_after=retry_after))
        time.sleep(wait if wait is not None else backoff(attempt, policy))
        attempt += 1


def send_once(
    session: requests.Session, method: str, url: str, policy: Policy, **kwargs
) -> requests.Response:
    """One request; transport errors become CallFailed(RETRY) when the request never left,
    CallFailed(UNKNOWN) when it may have reached the gateway."""
    try:
        return request_once(session, method, url, timeout=policy.timeout, **kwargs)
    except TransportFailure as failed:
        raise CallFailed(Result(failed.outcome, reason=failed.reason)) from failed


def requested_wait(response: requests.Response) -> float | None:
    """Seconds the gateway asks to wait: Retry-After (seconds or an HTTP date), else Brevo's
    x-sib-ratelimit-reset (seconds); None when it says nothing readable."""
    retry_after = response.headers.get("Retry-After")
    if retry_after:
        return retry_after_seconds(retry_after)
    reset = response.headers.get("x-sib-ratelimit-reset")
    try:
        return max(0.0, float(reset)) if reset else None
    except ValueError:
        return None


def backoff(attempt: int, policy: Policy) -> float:
    """The exponential wait before retry number `attempt + 1`, within the policy's cap."""
    return min(BACKOFF_BASE * 2**attempt, policy.max_retry_wait)


def rejected(response: requests.Response, code: object = "", message: object = "") -> Result:
    """REJECTED with the HTTP status and the provider's error code and message, without
    phone numbers ("HTTP 400 21211 The 'To' number <numéro> is not a valid phone number.")."""
    parts = [f"HTTP {response.status_code}", str(code or ""), str(message or "")]
    return Result(REJECTED, reason=redact(" ".join(part for part in parts if part)))


def error_body(response: requests.Response) -> dict:
    """The JSON object of an error answer, or {} when it is something else."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


class HttpBackend(SmsBackend):
    """A backend that sends batches of messages over HTTP, SMS_CONCURRENCY calls at a time.

    Subclasses say how messages are grouped into calls (`batches`, one message per call by
    default) and make one call (`send_batch`)."""

    def __init__(self) -> None:
        self.policy = Policy.from_settings()
        self.concurrency = max(1, int(settings.SMS_CONCURRENCY))
        self.session = new_session(self.concurrency)

    def batches(self, messages: Sequence[Sms]) -> list[Batch]:
        """The messages grouped by call."""
        return [[sms] for sms in messages]

    def send_batch(self, batch: Batch) -> Outcomes:
        """Send one batch and say what became of each of its messages."""
        raise NotImplementedError

    def send(self, messages: Sequence[Sms]) -> Iterator[tuple[Sms, Result]]:
        """Send the messages, SMS_CONCURRENCY calls in flight, and yield each result as its
        call ends. Nothing is sent before the iteration starts. If the caller stops
        iterating, calls not yet started are cancelled; those in flight finish and their
        messages are not yielded: treat them as UNKNOWN."""
        return concurrently(self.send_batch, self.batches(messages), self.concurrency, self.name)


def concurrently(
    send_batch: Callable[[Batch], Outcomes], batches: Iterable[Batch], workers: int, name: str
) -> Iterator[tuple[Sms, Result]]:
    """Run `send_batch` on each batch in a pool of threads; yield outcomes as they come."""
    batches = list(batches)
    if not batches:
        return
    pool = ThreadPoolExecutor(max_workers=min(workers, len(batches)), thread_name_prefix=name)
    futures = {pool.submit(send_batch, batch): batch for batch in batches}
    try:
        for future in as_completed(futures):
            for sms, result in outcomes_of(future, futures[future], name):
                if result.status != ACCEPTED:
                    logger.warning(
                        "%s: message %s %s: %s", name, sms.reference, result.status, result.reason
                    )
                yield sms, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def outcomes_of(future: Future, batch: Batch, name: str) -> Outcomes:
    """A batch's outcomes; if sending it raised (a bug, an answer of an unexpected shape),
    its messages may have left: UNKNOWN. The error is logged by type and redacted message,
    without its traceback, whose values could include numbers."""
    try:
        return future.result()
    except Exception as error:
        logger.error(
            "%s: sending a batch raised %s: %s", name, type(error).__name__, redact(str(error))
        )
        return [(sms, Result(UNKNOWN, reason=f"error: {type(error).__name__}")) for sms in batch]
