"""What every local stand-in for an outside API shares (SMS gateways, social networks): a
threaded HTTP server on 127.0.0.1 that records each request and answers what the fake's
`respond()` decides, with a latency, scripted failures and a "hang" that answers nothing.

A fake subclasses `FakeService`, implements `respond(request) -> Answer | None` and is used
as a context manager; `url` is its base address.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HANG_SECONDS = 30  # a hanging call answers nothing for this long, or until the fake stops


@dataclass
class Request:
    """One request as the fake read it."""

    method: str
    path: str  # without the query string
    query: dict[str, list[str]]
    headers: Message
    body: bytes

    def json(self):
        return json.loads(self.body)

    def form(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode(), keep_blank_values=True)

    def multipart(self) -> dict[str, Part]:
        """The fields of a multipart/form-data body by name ({} for any other body)."""
        content_type = self.headers.get("Content-Type", "")
        if not content_type.startswith("multipart/form-data"):
            return {}
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + self.body)
        return {
            part.get_param("name", header="content-disposition"): Part(
                part.get_content_type() if part.get("Content-Type") else "",
                part.get_filename() or "",
                part.get_payload(decode=True),
            )
            for part in message.iter_parts()
        }


@dataclass(frozen=True)
class Part:
    """One field of a multipart body: a file's type and name ("" for a plain field) and its
    bytes."""

    content_type: str
    filename: str
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode()


@dataclass
class Answer:
    """What the fake answers: a status, a JSON body (or raw text, or None for no body) and
    headers."""

    status: int
    body: object = None
    headers: dict[str, str] = field(default_factory=dict)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # many clients connecting at once (the benchmarks)

    def handle_error(self, request, client_address) -> None:
        """A client that goes away mid-call (a killed worker) is part of the tests."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real APIs
    timeout = 10  # an idle kept-alive connection is closed after this many seconds
    disable_nagle_algorithm = True  # headers and body leave at once, not 40 ms apart

    def do_GET(self):
        self.answer()

    do_POST = do_PUT = do_DELETE = do_PURGE = do_GET

    def answer(self):
        service: FakeService = self.server.service
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        request = Request(
            self.command, url.path, parse_qs(url.query), self.headers, self.rfile.read(length)
        )
        with service.lock:
            service.requests.append(request)
        answer = service.respond(request)
        if answer is None:  # hung: the client gave up long ago
            self.close_connection = True
            return
        if answer.body is None:
            payload = b""
        else:
            text = answer.body if isinstance(answer.body, str) else json.dumps(answer.body)
            payload = text.encode()
        try:
            self.send_response(answer.status)
            headers = {"Content-Type": "application/json", **answer.headers}
            headers["Content-Length"] = str(len(payload))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_message(self, format, *args):
        """Quiet: the test output stays readable."""


class RateWindow:
    """A rate limit as the APIs apply it: `limit` calls per window of `seconds`; a new window
    starts with the first call after the last one ended."""

    def __init__(self, limit: int, seconds: float):
        self.limit = limit
        self.seconds = seconds
        self.remaining = limit
        self.reset_at = 0.0  # epoch seconds when the current window ends

    def take(self) -> bool:
        """Count one call; False when the window has none left."""
        now = time.time()
        if now >= self.reset_at:
            self.remaining, self.reset_at = self.limit, now + self.seconds
        if self.remaining <= 0:
            return False
        self.remaining -= 1
        return True

    def exhaust(self) -> None:
        """Use up what is left of the window (a scripted "rate_limited")."""
        self.take()
        self.remaining = 0


class FakeService:
    """A fake's server, its records and its scripted failures (`fail_next`)."""

    failure_kinds: frozenset[str] = frozenset()

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.lock = threading.Lock()
        self.requests: list[Request] = []
        self.planned: deque[str] = deque()
        self.released = threading.Event()
        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.service = self
        self.thread = threading.Thread(target=self.serve, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def serve(self) -> None:
        self.server.serve_forever(poll_interval=0.01)  # stops at once when told

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def fail_next(self, kind: str, count: int = 1) -> None:
        """Answer the next `count` calls with this failure, whatever they send."""
        assert kind in self.failure_kinds, kind
        with self.lock:
            self.planned.extend([kind] * count)

    def planned_failure(self) -> str | None:
        """The next scripted failure, if any (and forget it)."""
        with self.lock:
            return self.planned.popleft() if self.planned else None

    def respond(self, request: Request) -> Answer | None:
        """The answer to one request (None: no answer at all)."""
        raise NotImplementedError

    def failure(self, kind: str) -> Answer:
        """The answer of a scripted failure (fakes that script them say how)."""
        raise NotImplementedError

    def carry_out(
        self,
        handler,
        request: Request,
        failure: str | None,
        headers: dict[str, str],
        carried_out: tuple[str, ...] = ("hang",),
    ) -> Answer | None:
        """The endpoint's answer, or the scripted failure's; the failures in `carried_out`
        let the call happen first ("hang": carried out, but the answer is lost)."""
        answer = handler(request) if failure is None or failure in carried_out else None
        if failure == "hang":
            return self.hang()
        answer = answer or self.failure(failure)
        answer.headers.update(headers)
        return answer

    def pause(self) -> None:
        """The configured latency of each call."""
        if self.delay:
            time.sleep(self.delay)

    def hang(self) -> None:
        """Answer nothing until the fake stops."""
        self.released.wait(HANG_SECONDS)
