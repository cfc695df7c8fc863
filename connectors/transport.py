"""HTTP plumbing every connector shares (SMS gateways, social networks): sessions that never
retry by themselves, and telling a request that never left from one that may have arrived.

Why it matters: a message or a post whose request may have reached the service must never be
sent again blindly (it would appear twice), while one that never left can be retried freely.
"""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.exceptions import SSLError as UrllibSSLError

# What a transport failure means for what was sent (the connectors' RETRY and UNKNOWN).
NEVER_LEFT = "retry"
MAY_HAVE_ARRIVED = "unknown"
# Causes of a connection error that mean the request never left this machine.
NOT_SENT_CAUSES = (NewConnectionError, ConnectTimeoutError, UrllibSSLError)


def new_session(pool_size: int = 4) -> requests.Session:
    """A session whose connection pool holds `pool_size` connections per host, and which
    never sends a request again by itself (urllib3's retries stay at zero)."""
    session = requests.Session()
    adapter = HTTPAdapter(pool_connections=4, pool_maxsize=pool_size, max_retries=0)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def never_sent(error: requests.ConnectionError) -> bool:
    """Whether a connection error happened before the request left (no connection made)."""
    cause = error.args[0] if error.args else None
    return isinstance(getattr(cause, "reason", cause), NOT_SENT_CAUSES)


def retry_after_seconds(value: str | None) -> float | None:
    """A Retry-After header's wait in seconds (it holds seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None


class TransportFailure(Exception):
    """A request ended without an answer: `outcome` is NEVER_LEFT or MAY_HAVE_ARRIVED."""

    def __init__(self, outcome: str, reason: str):
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


def request_once(session: requests.Session, method: str, url: str, **kwargs) -> requests.Response:
    """One request, never repeated; TransportFailure says whether it may have arrived."""
    try:
        return session.request(method, url, **kwargs)
    except requests.ConnectTimeout as error:
        raise TransportFailure(NEVER_LEFT, "connect timeout") from error
    except requests.ReadTimeout as error:
        raise TransportFailure(MAY_HAVE_ARRIVED, "no answer within the timeout") from error
    except requests.ConnectionError as error:
        if never_sent(error):
            raise TransportFailure(NEVER_LEFT, "unreachable") from error
        raise TransportFailure(MAY_HAVE_ARRIVED, "connection lost after sending") from error
    except requests.RequestException as error:
        reason = f"request failed: {type(error).__name__}"
        raise TransportFailure(MAY_HAVE_ARRIVED, reason) from error
