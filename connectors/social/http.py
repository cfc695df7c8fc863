"""One attempt at one call to a network's API, and what its answer means for the post.

- The request never left (connection refused, name not found, connect timeout): RETRY.
- It may have arrived (read timeout, connection lost after sending, a proxy's 504): UNKNOWN.
- 429, 500, 502, 503: RETRY, after the wait the network announces (`announced_wait`).
- Any other 4xx: REJECTED, with the network's reason; the backend reads the body.
Backends call `send()` and turn non-2xx answers into results with `failure()`; a call that
cannot create the post twice (an image upload, a call with an idempotency key) softens its
UNKNOWN into RETRY with `repeatable()`.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime

import requests
from django.conf import settings

from ..transport import TransportFailure, new_session, request_once, retry_after_seconds
from .base import REJECTED, RETRY, UNKNOWN, Result, short_reason

RETRIED_STATUSES = frozenset({429, 500, 502, 503})
UNKNOWN_STATUSES = frozenset({504})
# Epoch-seconds reset headers: X's x-rate-limit-reset, Bluesky's RateLimit-Reset. Mastodon's
# X-RateLimit-Reset is an ISO 8601 time. Header names are compared case-insensitively.
EPOCH_RESET_HEADERS = ("x-rate-limit-reset", "ratelimit-reset")
ISO_RESET_HEADERS = ("x-ratelimit-reset",)


class CallFailed(Exception):
    """A call ended without a usable answer; `result` says what it means for the post (RETRY
    or UNKNOWN from `send()`; a backend may also raise it with `failure()`'s result)."""

    def __init__(self, result: Result):
        super().__init__(result.reason)
        self.result = result


def session() -> requests.Session:
    """A session for one backend: never retries by itself (see connectors.transport)."""
    return new_session()


def send(http: requests.Session, method: str, url: str, **kwargs) -> requests.Response:
    """Make one request with SOCIAL_TIMEOUT; transport errors become CallFailed(RETRY) when
    the request never left, CallFailed(UNKNOWN) when it may have arrived."""
    kwargs.setdefault("timeout", float(settings.SOCIAL_TIMEOUT))
    try:
        return request_once(http, method, url, **kwargs)
    except TransportFailure as failed:
        raise CallFailed(Result(failed.outcome, reason=failed.reason)) from failed


def announced_wait(response: requests.Response) -> float | None:
    """Seconds the network asks to wait: Retry-After, else the rate-limit reset time."""
    wait = retry_after_seconds(response.headers.get("Retry-After"))
    if wait is not None:
        return wait
    for name in EPOCH_RESET_HEADERS:
        try:
            return max(0.0, float(response.headers[name]) - time.time())
        except (KeyError, ValueError):
            continue
    for name in ISO_RESET_HEADERS:
        try:
            reset = datetime.fromisoformat(response.headers[name].replace("Z", "+00:00"))
        except (KeyError, ValueError):
            continue
        return max(0.0, reset.timestamp() - time.time())
    return None


def failure(response: requests.Response, *reason: object) -> Result:
    """The result of a non-2xx answer: RETRY (with the announced wait), UNKNOWN or REJECTED,
    with the HTTP status and the network's reason."""
    text = short_reason(f"HTTP {response.status_code}", *reason)
    if response.status_code in UNKNOWN_STATUSES:
        return Result(UNKNOWN, reason=text)
    if response.status_code in RETRIED_STATUSES:
        return Result(RETRY, reason=text, retry_after=announced_wait(response))
    return Result(REJECTED, reason=text)


def repeatable(result: Result, why: str) -> Result:
    """The result of a failed call that is safe to make again (it cannot have created the post,
    or the network recognises a repeat): "may have arrived" (UNKNOWN) becomes RETRY, saying why."""
    if result.status != UNKNOWN:
        return result
    return replace(result, status=RETRY, reason=short_reason(result.reason, f"({why})"))


def json_body(response: requests.Response) -> dict:
    """The JSON object of an answer, or {} when it is something else."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
