"""OVHcloud's SMS API: one job per text and sender, up to SMS_OVH_BATCH receivers each,
several jobs in flight.

Sending: POST {SMS_OVH_API_URL}/sms/{SMS_OVH_SERVICE_NAME}/jobs, signed as python-ovh
signs: X-Ovh-Application, X-Ovh-Consumer, X-Ovh-Timestamp (OVH's clock, from the
unauthenticated GET /auth/time, read once per backend) and X-Ovh-Signature, "$1$" +
SHA-1(application secret + consumer key + method + full URL + body + timestamp, joined by
"+"), over the compact JSON body. The body asks for no STOP clause (`noStopClause`: the
caller appends its own mention, and the message is declared non-commercial), high
priority and a validity of 48 hours.

OVH answers `ids[]` beside `validReceivers[]`, and `invalidReceivers[]`. The API documents
the first two side by side, so an id is given to the receiver at the same position; when
their lengths differ the pairing cannot be trusted and those messages are UNKNOWN. An
invalid receiver is REJECTED. A job holds each number once: a number sent twice in one
call goes into two jobs.

Webhook: OVH calls the callback URL configured on the SMS API user with `id` (the SMS's
id), `ptt` (4 delivered, 5 failed, 1 and others still in progress), `date` and
`description`. Its method and encoding are UNCONFIRMED: query parameters, a form or JSON
are all read. A `dlr` parameter (1 delivered, 2 and 16 failed, as third-party clients
observe on GET callbacks) is read when there is no `ptt`. OVH signs nothing: the secret in
the callback URL, checked by the caller, protects it. No event id.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import defaultdict
from collections.abc import Sequence

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from ..base import (
    ACCEPTED,
    DELIVERED,
    FAILED,
    REJECTED,
    RETRY,
    SENT,
    UNKNOWN,
    Receipt,
    Reply,
    Result,
    Sms,
    WebhookError,
    redact,
    webhook_fields,
)
from ..http import Batch, CallFailed, HttpBackend, Outcomes, call, error_body, rejected, send_once

TAG = "commune"
VALIDITY_MINUTES = 2880
PTT_STATUSES = {4: DELIVERED, 5: FAILED}  # any other code: still on its way (SENT)
DLR_STATUSES = {1: DELIVERED, 2: FAILED, 16: FAILED}
REQUIRED_SETTINGS = (
    "SMS_OVH_APPLICATION_KEY",
    "SMS_OVH_APPLICATION_SECRET",
    "SMS_OVH_CONSUMER_KEY",
    "SMS_OVH_SERVICE_NAME",
)


def number_key(number: str) -> str:
    """A number's digits with its country code, however OVH writes it (+33…, 0033…)."""
    return re.sub(r"\D", "", number).removeprefix("00")


class OvhBackend(HttpBackend):
    """OVHcloud, with an application key and secret, a consumer key and the SMS account's
    service name (sms-xx12345-1)."""

    name = "ovh"

    def __init__(self) -> None:
        super().__init__()
        missing = [name for name in REQUIRED_SETTINGS if not getattr(settings, name)]
        if missing:
            raise ImproperlyConfigured(f"SMS_BACKEND 'ovh' needs {', '.join(missing)}.")
        self.application_key = settings.SMS_OVH_APPLICATION_KEY
        self.application_secret = settings.SMS_OVH_APPLICATION_SECRET
        self.consumer_key = settings.SMS_OVH_CONSUMER_KEY
        self.api_url = settings.SMS_OVH_API_URL.rstrip("/")
        self.jobs_url = f"{self.api_url}/sms/{settings.SMS_OVH_SERVICE_NAME}/jobs"
        self.batch_size = max(1, int(settings.SMS_OVH_BATCH))
        self.time_delta: int | None = None
        self.time_lock = threading.Lock()

    def batches(self, messages: Sequence[Sms]) -> list[Batch]:
        """Jobs: messages of one text and sender, each number once, SMS_OVH_BATCH at most."""
        jobs: dict[tuple[str, str], list[tuple[list[Sms], set[str]]]] = defaultdict(list)
        for sms in messages:
            key = number_key(sms.to)
            candidates = jobs[sms.text, sms.sender]
            for batch, keys in candidates:
                if len(batch) < self.batch_size and key not in keys:
                    break
            else:
                batch, keys = [], set()
                candidates.append((batch, keys))
            batch.append(sms)
            keys.add(key)
        return [batch for candidates in jobs.values() for batch, _ in candidates]

    def send_batch(self, batch: Batch) -> Outcomes:
        """One job for the batch's messages, which share their text and sender."""
        body = json.dumps(
            {
                "message": batch[0].text,
                "receivers": [sms.to for sms in batch],
                "sender": batch[0].sender,
                "charset": "UTF-8",
                "noStopClause": True,
                "priority": "high",
                "validityPeriod": VALIDITY_MINUTES,
                "tag": TAG,
            },
            separators=(",", ":"),
        )
        try:
            response = call(
                self.session,
                "POST",
                self.jobs_url,
                policy=self.policy,
                data=body.encode(),
                headers={"Content-Type": "application/json"},
                sign=lambda: self.signed_headers("POST", self.jobs_url, body),
            )
        except CallFailed as failure:
            return [(sms, failure.result) for sms in batch]
        if not response.ok:
            error = error_body(response)
            result = rejected(response, error.get("errorCode"), error.get("message"))
            return [(sms, result) for sms in batch]
        return outcomes_of_job(batch, response.json())

    def signed_headers(self, method: str, url: str, body: str) -> dict[str, str]:
        """OVH's authentication headers for one request, with OVH's current time."""
        timestamp = str(int(time.time()) + self.server_time_delta())
        signed = "+".join(
            [self.application_secret, self.consumer_key, method, url, body, timestamp]
        )
        return {
            "X-Ovh-Application": self.application_key,
            "X-Ovh-Consumer": self.consumer_key,
            "X-Ovh-Timestamp": timestamp,
            "X-Ovh-Signature": "$1$" + hashlib.sha1(signed.encode()).hexdigest(),
        }

    def server_time_delta(self) -> int:
        """Seconds between OVH's clock and ours, asked once (GET /auth/time); CallFailed
        with RETRY when OVH cannot be asked, for a signature with the wrong time would be
        refused anyway."""
        with self.time_lock:
            if self.time_delta is None:
                url = f"{self.api_url}/auth/time"
                try:
                    response = send_once(self.session, "GET", url, self.policy)
                    response.raise_for_status()
                    self.time_delta = int(response.json()) - int(time.time())
                except (CallFailed, requests.RequestException, ValueError, TypeError) as error:
                    reason = "OVH's clock (GET /auth/time) unavailable"
                    raise CallFailed(Result(RETRY, reason=reason)) from error
            return self.time_delta

    def parse_webhook(self, request: HttpRequest) -> list[Receipt | Reply]:
        """The delivery report of one call (its URL secret checked by the caller)."""
        fields = webhook_fields(request)
        provider_id = str(fields.get("id") or "")
        if not provider_id:
            raise WebhookError("OVH webhook: no id")
        try:
            if fields.get("ptt") not in (None, ""):
                status = PTT_STATUSES.get(int(fields["ptt"]), SENT)
            else:
                status = DLR_STATUSES.get(int(fields["dlr"]), SENT)
        except (KeyError, TypeError, ValueError) as error:
            raise WebhookError("OVH webhook: no readable ptt or dlr") from error
        reason = redact(str(fields.get("description") or "")) if status == FAILED else ""
        return [Receipt(provider_id=provider_id, status=status, reason=reason)]


def outcomes_of_job(batch: Batch, answer: dict) -> Outcomes:
    """Each message's result from OVH's answer to its job."""
    valid, ids = answer.get("validReceivers", []), answer.get("ids", [])
    paired = len(valid) == len(ids)
    id_of = {number_key(number): str(sms_id) for number, sms_id in zip(valid, ids, strict=False)}
    valid_keys = {number_key(number) for number in valid}
    invalid_keys = {number_key(number) for number in answer.get("invalidReceivers", [])}
    outcomes = []
    for sms in batch:
        key = number_key(sms.to)
        if key in valid_keys and paired:
            result = Result(ACCEPTED, provider_id=id_of[key])
        elif key in valid_keys:
            result = Result(UNKNOWN, reason="OVH's ids and valid receivers do not pair up")
        elif key in invalid_keys:
            result = Result(REJECTED, reason="invalid receiver")
        else:
            result = Result(UNKNOWN, reason="missing from OVH's answer")
        outcomes.append((sms, result))
    return outcomes
