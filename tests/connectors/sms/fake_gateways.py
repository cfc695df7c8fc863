"""Local stand-ins for Brevo's, OVHcloud's and Twilio's SMS APIs, written from their
documented contracts (/work/shared/reference/api-contracts.md, section 6).

Each is a threaded HTTP server on 127.0.0.1 that checks what the real API checks (method,
path, credentials or signature, body) and answers as it does. A test or a benchmark can make
it answer otherwise, for the next calls or for given numbers:

    gateway.fail_next("rate_limited", count=2)   # 429 with the provider's rate-limit headers
    gateway.fail_number("+33612345678", "invalid")  # the provider's validation error
    gateway.delay = 0.05                          # seconds before each answer

Failure kinds: "invalid" (400 or 422 with the provider's error body; OVH lists the number
in invalidReceivers), "rate_limited" (429), "server_error" (500), "hang" (no answer until
the gateway stops, past any client timeout); Twilio also knows "opted_out" (21610).
Every request is kept in `requests`, every message taken in `accepted`.

Tests get them as fixtures (`brevo_gateway`, `ovh_gateway`, `twilio_gateway`) that point
the SMS_* settings at them; other test folders import this module to use them too.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
import time
import uuid
from dataclasses import dataclass
from email.utils import formatdate
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from connectors.sms.backends.twilio import signature as twilio_signature
from connectors.sms.encoding import analyse
from tests.fakes.http_server import Answer, FakeService, Request

FAILURE_KINDS = frozenset({"invalid", "rate_limited", "server_error", "hang", "opted_out"})


@dataclass(frozen=True)
class Accepted:
    """One message the gateway took: to one number (E.164), with its provider id."""

    to: str
    text: str
    sender: str
    id: str


class FakeGateway(FakeService):
    """What the three fakes share: the server, the scripted failures and the records."""

    failure_kinds = FAILURE_KINDS
    send_path_end = ""  # how the path of the endpoint that sends ends

    def __init__(self, delay: float = 0.0):
        super().__init__(delay)
        self.rate_limit_reset = 1  # seconds announced by a 429
        self.accepted: list[Accepted] = []
        self.numbers: dict[str, str] = {}

    def fail_number(self, number: str, kind: str) -> None:
        """Answer every call to this number (E.164) with this failure."""
        assert kind in FAILURE_KINDS, kind
        with self.lock:
            self.numbers[number] = kind

    # Serving ----------------------------------------------------------------------------

    def failure_for(self, numbers: list[str], ignored: frozenset = frozenset()) -> str | None:
        """The failure planned for this call, else the one set for one of its numbers."""
        planned = self.planned_failure()
        if planned:
            return planned
        return next(
            (self.numbers[n] for n in numbers if self.numbers.get(n, "") not in ignored | {""}),
            None,
        )

    def accept(self, to: str, text: str, sender: str, message_id: str) -> None:
        with self.lock:
            self.accepted.append(Accepted(to, text, sender, message_id))

    def send_requests(self) -> list[Request]:
        """The requests made to the send endpoint."""
        with self.lock:
            return [r for r in self.requests if r.path.endswith(self.send_path_end)]


def basic_auth(request: Request) -> tuple[str, str] | None:
    """The user and password of a Basic Authorization header."""
    scheme, _, encoded = (request.headers.get("Authorization") or "").partition(" ")
    if scheme.lower() != "basic":
        return None
    user, _, password = base64.b64decode(encoded).decode().partition(":")
    return user, password


# Brevo ----------------------------------------------------------------------------------

BREVO_SENDER = re.compile(r"[A-Za-z0-9 ]{1,11}|\d{1,15}")
BREVO_FIELDS = {
    "sender",
    "recipient",
    "content",
    "type",
    "tag",
    "webUrl",
    "unicodeEnabled",
    "organisationPrefix",
}


class BrevoGateway(FakeGateway):
    """POST /v3/transactionalSMS/send with the api-key header; answers 201 {messageId}."""

    path = "/v3/transactionalSMS/send"
    send_path_end = path

    def __init__(self, delay: float = 0.0, api_key: str = "xkeysib-test-key"):
        super().__init__(delay)
        self.api_key = api_key
        self.ids = itertools.count(1511882900176220)

    def respond(self, request: Request) -> Answer | None:
        if (request.method, request.path) != ("POST", self.path):
            return Answer(404, {"code": "not_found", "message": "Invalid route"})
        if request.headers.get("api-key") != self.api_key:
            return Answer(401, {"code": "unauthorized", "message": "Key not found"})
        if (
            request.headers.get("Content-Type") != "application/json"
            or request.headers.get("Accept") != "application/json"
        ):
            return Answer(415, {"code": "invalid_parameter", "message": "JSON expected"})
        try:
            body = request.json()
        except ValueError:
            return Answer(400, {"code": "bad_request", "message": "Invalid JSON"})
        problem = brevo_problem(body)
        if problem:
            return Answer(400, {"code": "invalid_parameter", "message": problem})
        number = "+" + body["recipient"]
        self.pause()
        failure = self.failure_for([number])
        if failure == "hang":
            return self.hang()
        if failure:
            return self.error(failure, body["recipient"])
        message_id = next(self.ids)
        self.accept(number, body["content"], body["sender"], str(message_id))
        return Answer(201, {"messageId": message_id})

    def error(self, kind: str, recipient: str) -> Answer:
        if kind == "rate_limited":
            headers = {
                "x-sib-ratelimit-limit": "100",
                "x-sib-ratelimit-remaining": "0",
                "x-sib-ratelimit-reset": str(self.rate_limit_reset),
            }
            return Answer(429, {"code": "too_many_requests", "message": "Too many"}, headers)
        if kind == "server_error":
            return Answer(500, {"code": "internal_error", "message": "Internal error"})
        message = f"Invalid mobile number {recipient}"
        return Answer(400, {"code": "invalid_parameter", "message": message})

    def receipt(self, message_id: str, status: str = "delivered", to: str = "33612345678"):
        """The webhook payload Brevo posts for an SMS event (developers.brevo.com)."""
        return {
            "id": 1234567,
            "to": to,
            "sms_count": 1,
            "credits_used": 1,
            "messageId": int(message_id),
            "remaining_credit": 9999.0,
            "msg_status": status,
            "date": "2026-03-14 10:22:31",
            "type": "Transactional",
            "reference": "ab1cde2fgh3i4jklmno",
        }


def brevo_problem(body: object) -> str:
    """Why Brevo would refuse this body, or ""."""
    if not isinstance(body, dict):
        return "Body must be an object"
    if set(body) - BREVO_FIELDS:
        return f"Unknown parameters: {sorted(set(body) - BREVO_FIELDS)}"
    if not BREVO_SENDER.fullmatch(str(body.get("sender", ""))):
        return "sender is invalid"
    if not re.fullmatch(r"\d{8,15}", str(body.get("recipient", ""))):
        return "recipient is invalid"
    if not isinstance(body.get("content"), str) or not body["content"]:
        return "content is missing"
    if body.get("type", "transactional") not in ("transactional", "marketing"):
        return "type is invalid"
    tag = body.get("tag", "")
    if not (isinstance(tag, str) or (isinstance(tag, list) and len(tag) <= 10)):
        return "tag is invalid"
    if not isinstance(body.get("unicodeEnabled", False), bool):
        return "unicodeEnabled is invalid"
    return ""


# OVHcloud -------------------------------------------------------------------------------

OVH_FIELDS = {
    "message",
    "receivers",
    "sender",
    "charset",
    "class",
    "coding",
    "differedPeriod",
    "noStopClause",
    "priority",
    "senderForResponse",
    "tag",
    "validityPeriod",
}
OVH_RECEIVER = re.compile(r"\+\d{8,15}")
OVH_CLOCK_TOLERANCE = 60  # seconds between the signed timestamp and OVH's clock


class OvhGateway(FakeGateway):
    """GET /1.0/auth/time and POST /1.0/sms/{service}/jobs signed with "$1$" SHA-1; answers
    {ids, validReceivers, invalidReceivers, totalCreditsRemoved}. `clock_offset` puts
    OVH's clock that many seconds away from this machine's."""

    send_path_end = "/jobs"

    def __init__(self, delay: float = 0.0, clock_offset: int = 0):
        super().__init__(delay)
        self.application_key = "test-application-key"
        self.application_secret = "test-application-secret"
        self.consumer_key = "test-consumer-key"
        self.service_name = "sms-te12345-1"
        self.clock_offset = clock_offset
        self.ids = itertools.count(26929925)

    @property
    def api_url(self) -> str:
        return f"{self.url}/1.0"

    @property
    def jobs_path(self) -> str:
        return f"/1.0/sms/{self.service_name}/jobs"

    def now(self) -> int:
        return int(time.time()) + self.clock_offset

    def respond(self, request: Request) -> Answer | None:
        if (request.method, request.path) == ("GET", "/1.0/auth/time"):
            return Answer(200, self.now())
        if (request.method, request.path) != ("POST", self.jobs_path):
            return Answer(404, {"message": "Got an invalid (or empty) URL"})
        refusal = self.authentication_problem(request)
        if refusal:
            return refusal
        try:
            body = request.json()
        except ValueError:
            return Answer(400, {"message": "Invalid JSON received"})
        problem = ovh_problem(body)
        if problem:
            return Answer(400, {"errorCode": "INVALID_PARAMETER", "message": problem})
        self.pause()
        failure = self.failure_for(body["receivers"], ignored=frozenset({"invalid"}))
        if failure == "hang":
            return self.hang()
        if failure:
            return self.error(failure)
        return Answer(200, self.job(body))

    def authentication_problem(self, request: Request) -> Answer | None:
        """OVH's refusal of a request whose keys, time or signature are wrong."""
        headers = request.headers
        if headers.get("X-Ovh-Application") != self.application_key:
            return Answer(403, {"errorCode": "INVALID_KEY", "message": "Invalid application key"})
        if headers.get("X-Ovh-Consumer") != self.consumer_key:
            return Answer(403, {"errorCode": "INVALID_CREDENTIAL", "message": "Invalid credential"})
        timestamp = headers.get("X-Ovh-Timestamp", "")
        if not timestamp.isdigit() or abs(int(timestamp) - self.now()) > OVH_CLOCK_TOLERANCE:
            return Answer(400, {"errorCode": "QUERY_TIME_OUT", "message": "Query out of time"})
        url = f"http://{headers['Host']}{request.path}"
        signed = "+".join(
            [
                self.application_secret,
                self.consumer_key,
                request.method,
                url,
                request.body.decode(),
                timestamp,
            ]
        )
        expected = "$1$" + hashlib.sha1(signed.encode()).hexdigest()
        if headers.get("X-Ovh-Signature") != expected:
            return Answer(400, {"errorCode": "INVALID_SIGNATURE", "message": "Invalid signature"})
        return None

    def job(self, body: dict) -> dict:
        """Take the valid receivers, as OVH's answer to a job lists them."""
        valid, invalid, ids = [], [], []
        for receiver in body["receivers"]:
            if self.numbers.get(receiver) == "invalid" or not OVH_RECEIVER.fullmatch(receiver):
                invalid.append(receiver)
                continue
            message_id = next(self.ids)
            self.accept(receiver, body["message"], body.get("sender", ""), str(message_id))
            valid.append(receiver)
            ids.append(message_id)
        segments = analyse(body["message"]).segments
        return {
            "totalCreditsRemoved": segments * len(valid),
            "invalidReceivers": invalid,
            "ids": ids,
            "validReceivers": valid,
            "tag": body.get("tag", ""),
        }

    def error(self, kind: str) -> Answer:
        if kind == "rate_limited":
            return Answer(429, {"message": "Too many requests"})
        if kind == "server_error":
            return Answer(500, {"message": "Internal server error"})
        return Answer(400, {"errorCode": "INVALID_PARAMETER", "message": "Invalid sender"})

    @staticmethod
    def receipt(message_id: str, ptt: int = 4) -> dict[str, str]:
        """The parameters OVH's delivery callback carries (ovh/docs faq-sms)."""
        descriptions = {1: "En cours d'envoi", 4: "Délivré", 5: "Non délivré"}
        return {
            "id": str(message_id),
            "ptt": str(ptt),
            "date": "2026-03-14 10:22:31",
            "description": descriptions.get(ptt, "En cours"),
        }


def ovh_problem(body: object) -> str:
    """Why OVH would refuse this job, or ""."""
    if not isinstance(body, dict):
        return "Body must be an object"
    if set(body) - OVH_FIELDS:
        return f"Unknown parameters: {sorted(set(body) - OVH_FIELDS)}"
    if not isinstance(body.get("message"), str) or not body["message"]:
        return "Missing parameter message"
    receivers = body.get("receivers")
    if not isinstance(receivers, list) or not receivers:
        return "Missing parameter receivers"
    if not all(isinstance(receiver, str) for receiver in receivers):
        return "Invalid receivers"
    if body.get("charset", "UTF-8") != "UTF-8":
        return "Invalid charset"
    if body.get("priority", "high") not in ("high", "low", "medium", "veryLow"):
        return "Invalid priority"
    if not isinstance(body.get("noStopClause", False), bool):
        return "Invalid noStopClause"
    if not isinstance(body.get("validityPeriod", 2880), int):
        return "Invalid validityPeriod"
    return ""


# Twilio ---------------------------------------------------------------------------------

TWILIO_TO = re.compile(r"\+[1-9]\d{7,14}")
TWILIO_ERRORS = {
    "invalid": (400, 21211, "The 'To' number {to} is not a valid phone number."),
    "opted_out": (400, 21610, "Attempt to send to unsubscribed recipient"),
    "rate_limited": (429, 20429, "Too Many Requests"),
    "server_error": (500, 20500, "Internal Server Error"),
}


class TwilioGateway(FakeGateway):
    """POST /2010-04-01/Accounts/{sid}/Messages.json, form-encoded with HTTP basic auth;
    answers 201 {sid, status: "queued", num_segments}. Signs the webhooks it would send."""

    send_path_end = "/Messages.json"

    def __init__(self, delay: float = 0.0):
        super().__init__(delay)
        self.account_sid = "AC" + "0" * 31 + "1"
        self.auth_token = "test-auth-token"

    @property
    def path(self) -> str:
        return f"/2010-04-01/Accounts/{self.account_sid}/Messages.json"

    def respond(self, request: Request) -> Answer | None:
        if (request.method, request.path) != ("POST", self.path):
            return self.twilio_error(404, 20404, "The requested resource was not found")
        if basic_auth(request) != (self.account_sid, self.auth_token):
            return self.twilio_error(401, 20003, "Authenticate")
        content_type = request.headers.get("Content-Type", "")
        if not content_type.startswith("application/x-www-form-urlencoded"):
            return self.twilio_error(400, 20001, "Invalid content type")
        form = {name: values[-1] for name, values in request.form().items()}
        if not TWILIO_TO.fullmatch(form.get("To", "")):
            return self.twilio_error(400, 21211, "The 'To' number is not a valid phone number.")
        if not form.get("From"):
            return self.twilio_error(400, 21603, "A 'From' phone number is required.")
        if not form.get("Body"):
            return self.twilio_error(400, 21602, "Message body is required.")
        if len(form["Body"]) > 1600:
            return self.twilio_error(400, 21617, "The concatenated message body exceeds 1600.")
        self.pause()
        failure = self.failure_for([form["To"]])
        if failure == "hang":
            return self.hang()
        if failure:
            status, code, message = TWILIO_ERRORS[failure]
            headers = {"Retry-After": str(self.rate_limit_reset)} if status == 429 else {}
            return self.twilio_error(status, code, message.format(to=form["To"]), headers)
        sid = "SM" + uuid.uuid4().hex
        self.accept(form["To"], form["Body"], form["From"], sid)
        return Answer(201, self.message(sid, form))

    def message(self, sid: str, form: dict[str, str]) -> dict:
        """The Message resource Twilio returns for a new message."""
        return {
            "account_sid": self.account_sid,
            "api_version": "2010-04-01",
            "body": form["Body"],
            "date_created": formatdate(usegmt=True),
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": form["From"],
            "num_media": "0",
            "num_segments": str(analyse(form["Body"]).segments),
            "price": None,
            "sid": sid,
            "status": "queued",
            "to": form["To"],
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
        }

    @staticmethod
    def twilio_error(status: int, code: int, message: str, headers=None) -> Answer:
        body = {
            "code": code,
            "message": message,
            "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status,
        }
        return Answer(status, body, headers or {})

    def signed(self, url: str, params: dict[str, str]) -> dict[str, str]:
        """The headers Twilio sends with a webhook to `url` carrying `params`."""
        signature = twilio_signature(self.auth_token, url, QueryDict(urlencode(params)))
        return {"HTTP_X_TWILIO_SIGNATURE": signature}

    def status_callback(self, sid: str, status: str = "delivered", error_code: str = "") -> dict:
        """The form of a status callback (standard parameters included)."""
        params = {
            "AccountSid": self.account_sid,
            "ApiVersion": "2010-04-01",
            "From": "MAIRIE",
            "MessageSid": sid,
            "MessageStatus": status,
            "SmsSid": sid,
            "SmsStatus": status,
            "To": "+33612345678",
        }
        if error_code:
            params["ErrorCode"] = error_code
        return params


# Fixtures -------------------------------------------------------------------------------


@pytest.fixture
def brevo_gateway(settings):
    """A fake Brevo, and the settings that send to it."""
    with BrevoGateway() as gateway:
        settings.SMS_BREVO_API_URL = gateway.url
        settings.SMS_BREVO_API_KEY = gateway.api_key
        yield gateway


@pytest.fixture
def ovh_gateway(settings):
    """A fake OVHcloud, and the settings that send to it."""
    with OvhGateway() as gateway:
        settings.SMS_OVH_API_URL = gateway.api_url
        settings.SMS_OVH_APPLICATION_KEY = gateway.application_key
        settings.SMS_OVH_APPLICATION_SECRET = gateway.application_secret
        settings.SMS_OVH_CONSUMER_KEY = gateway.consumer_key
        settings.SMS_OVH_SERVICE_NAME = gateway.service_name
        yield gateway


@pytest.fixture
def twilio_gateway(settings):
    """A fake Twilio, and the settings that send to it."""
    with TwilioGateway() as gateway:
        settings.SMS_TWILIO_API_URL = gateway.url
        settings.SMS_TWILIO_ACCOUNT_SID = gateway.account_sid
        settings.SMS_TWILIO_AUTH_TOKEN = gateway.auth_token
        yield gateway
