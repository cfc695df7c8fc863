"""OVHcloud: jobs of many receivers, the signature on OVH's clock, and delivery callbacks."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from connectors.sms import (
    ACCEPTED,
    DELIVERED,
    FAILED,
    REJECTED,
    SENT,
    UNKNOWN,
    Receipt,
    Sms,
    WebhookError,
    get_backend,
)
from connectors.sms.backends.ovh import outcomes_of_job
from tests.connectors.sms.fake_gateways import OvhGateway
from tests.connectors.sms.messages import messages, number


def test_a_thousand_messages_leave_in_jobs_of_at_most_500_receivers(ovh_gateway):
    sent = messages(1200)
    results = dict(get_backend("ovh").send(sent))
    jobs = [request.json() for request in ovh_gateway.send_requests()]
    assert sorted(len(job["receivers"]) for job in jobs) == [200, 500, 500]
    assert {result.status for result in results.values()} == {ACCEPTED}
    ids = {accepted.to: accepted.id for accepted in ovh_gateway.accepted}
    assert all(results[sms].provider_id == ids[sms.to] for sms in sent)


def test_a_job_declares_the_message_non_commercial_in_compact_json(ovh_gateway):
    list(get_backend("ovh").send(messages(2)))
    [request] = ovh_gateway.send_requests()
    job = request.json()
    assert request.body == json.dumps(job, separators=(",", ":")).encode()  # what is signed
    assert (job["noStopClause"], job["priority"], job["validityPeriod"]) == (True, "high", 2880)
    assert (job["charset"], job["sender"], job["tag"]) == ("UTF-8", "MAIRIE", "commune")


def test_each_text_and_each_repeated_number_has_its_own_job(ovh_gateway):
    first, second = messages(2)
    sent = [first, second, Sms(first.to, "Autre texte", "MAIRIE", "3"), first]
    results = list(get_backend("ovh").send(sent))
    jobs = sorted((r.json()["message"], r.json()["receivers"]) for r in ovh_gateway.send_requests())
    assert jobs == [
        ("Autre texte", [first.to]),
        (first.text, [first.to]),
        (first.text, [first.to, second.to]),
    ]
    assert [result.status for _, result in results] == [ACCEPTED] * 4


def test_the_signature_follows_ovhs_clock_read_once(settings):
    with OvhGateway(clock_offset=3600) as gateway:
        settings.SMS_OVH_API_URL = gateway.api_url
        settings.SMS_OVH_APPLICATION_KEY = gateway.application_key
        settings.SMS_OVH_APPLICATION_SECRET = gateway.application_secret
        settings.SMS_OVH_CONSUMER_KEY = gateway.consumer_key
        settings.SMS_OVH_SERVICE_NAME = gateway.service_name
        backend = get_backend("ovh")
        first = list(backend.send(messages(1)))
        second = list(backend.send(messages(1)))
        time_calls = [r for r in gateway.requests if r.path == "/1.0/auth/time"]
    assert [result.status for _, result in first + second] == [ACCEPTED, ACCEPTED]
    assert len(time_calls) == 1


def test_ids_are_given_to_valid_receivers_by_position():
    batch = messages(3)
    answer = {
        "validReceivers": [number(2), number(0)],
        "ids": [12, 10],
        "invalidReceivers": ["0033639980001"],  # as OVH may write it
    }
    results = {sms.reference: result for sms, result in outcomes_of_job(batch, answer)}
    assert (results["1"].provider_id, results["3"].provider_id) == ("10", "12")
    assert results["2"].status == REJECTED


def test_ids_that_do_not_pair_up_with_receivers_leave_the_outcome_unknown():
    batch = messages(3)
    answer = {"validReceivers": [number(0), number(1)], "ids": [10], "invalidReceivers": []}
    results = [result.status for _, result in outcomes_of_job(batch, answer)]
    assert results == [UNKNOWN, UNKNOWN, UNKNOWN]


def test_the_backend_names_the_missing_settings(settings):
    settings.SMS_OVH_CONSUMER_KEY = ""
    settings.SMS_OVH_SERVICE_NAME = ""
    with pytest.raises(ImproperlyConfigured, match="SMS_OVH_CONSUMER_KEY, SMS_OVH_SERVICE_NAME"):
        get_backend("ovh")


def callback(method, params, content_type=None):
    """OVH's delivery callback as a GET, a form POST or a JSON POST."""
    factory = RequestFactory()
    if method == "GET":
        return factory.get("/sms/ovh/secret/", params)
    if content_type == "json":
        return factory.post("/sms/ovh/secret/", json.dumps(params), "application/json")
    return factory.post("/sms/ovh/secret/", params)


@pytest.mark.parametrize(
    ("method", "content_type"), [("GET", None), ("POST", None), ("POST", "json")]
)
def test_a_delivery_callback_is_read_however_it_comes(ovh_gateway, method, content_type):
    request = callback(method, OvhGateway.receipt("26929925", ptt=4), content_type)
    assert get_backend("ovh").parse_webhook(request) == [Receipt("26929925", DELIVERED)]


@pytest.mark.parametrize(
    ("params", "status", "reason"),
    [
        (OvhGateway.receipt("7", ptt=5), FAILED, "Non délivré"),
        (OvhGateway.receipt("7", ptt=1), SENT, ""),
        ({"id": "7", "dlr": "1"}, DELIVERED, ""),
        ({"id": "7", "dlr": "16"}, FAILED, ""),
    ],
)
def test_ptt_and_dlr_codes(ovh_gateway, params, status, reason):
    assert get_backend("ovh").parse_webhook(callback("GET", params)) == [
        Receipt("7", status, reason=reason)
    ]


@pytest.mark.parametrize(
    "request_",
    [
        callback("GET", {"ptt": "4"}),
        callback("GET", {"id": "7", "ptt": "délivré"}),
        callback("GET", {"id": "7"}),
        RequestFactory().post("/sms/ovh/secret/", "{", "application/json"),
    ],
)
def test_a_callback_ovh_does_not_send_is_refused(ovh_gateway, request_):
    with pytest.raises(WebhookError):
        get_backend("ovh").parse_webhook(request_)
