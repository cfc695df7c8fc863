"""What every HTTP gateway backend promises the sender, checked against each fake gateway:
messages accepted with the gateway's id, refusals with a reason that quotes no number,
rate limits waited out, outages handed back as RETRY, and a message that may have left
never sent twice."""

import time

import pytest

from connectors.sms import ACCEPTED, REJECTED, RETRY, UNKNOWN, get_backend
from core.net import free_port
from tests.connectors.sms.messages import messages

GATEWAYS = ["brevo", "ovh", "twilio"]
URL_SETTINGS = {
    "brevo": "SMS_BREVO_API_URL",
    "ovh": "SMS_OVH_API_URL",
    "twilio": "SMS_TWILIO_API_URL",
}
SECRET_SETTINGS = {
    "brevo": "SMS_BREVO_API_KEY",
    "ovh": "SMS_OVH_APPLICATION_SECRET",
    "twilio": "SMS_TWILIO_AUTH_TOKEN",
}


@pytest.fixture(params=GATEWAYS)
def gateway(request):
    """Each fake gateway in turn, with the settings pointing at it."""
    gateway = request.getfixturevalue(f"{request.param}_gateway")
    gateway.name = request.param
    return gateway


def send(gateway, sms_list):
    """Send through the backend of this gateway: {reference: result}."""
    return {sms.reference: result for sms, result in get_backend(gateway.name).send(sms_list)}


def test_every_message_is_accepted_with_the_gateways_id(gateway):
    sent = messages(5)
    results = send(gateway, sent)
    assert {result.status for result in results.values()} == {ACCEPTED}
    taken = {accepted.to: accepted for accepted in gateway.accepted}
    assert set(taken) == {sms.to for sms in sent}
    for sms in sent:
        assert results[sms.reference].provider_id == taken[sms.to].id
        assert (taken[sms.to].text, taken[sms.to].sender) == (sms.text, sms.sender)


def test_nothing_leaves_before_the_results_are_read(gateway):
    pending = get_backend(gateway.name).send(messages(2))
    assert gateway.send_requests() == []
    assert len(list(pending)) == 2


def test_a_refused_number_is_rejected_with_a_reason_that_does_not_quote_it(gateway):
    sent = messages(3)
    gateway.fail_number(sent[1].to, "invalid")
    results = send(gateway, sent)
    assert results["2"].status == REJECTED
    assert results["2"].reason
    assert sent[1].to.lstrip("+")[-8:] not in results["2"].reason
    assert results["1"].status == results["3"].status == ACCEPTED


def test_a_rate_limit_is_waited_out_then_the_message_leaves(gateway):
    gateway.fail_next("rate_limited")
    started = time.monotonic()
    results = send(gateway, messages(1))
    assert results["1"].status == ACCEPTED
    assert len(gateway.send_requests()) == 2
    if gateway.name != "ovh":  # Brevo and Twilio say how long to wait: a second here
        assert time.monotonic() - started >= gateway.rate_limit_reset


def test_a_rate_limit_longer_than_the_longest_wait_is_handed_back(gateway, settings):
    settings.SMS_MAX_RETRY_WAIT = 0.5
    gateway.rate_limit_reset = 60
    gateway.fail_next("rate_limited")
    result = send(gateway, messages(1))["1"]
    if gateway.name == "ovh":  # no Retry-After: backed off and retried within the cap
        assert result.status == ACCEPTED
    else:
        assert (result.status, result.retry_after) == (RETRY, 60)
        assert len(gateway.send_requests()) == 1


def test_a_gateway_that_keeps_failing_gives_retry_after_its_retries(gateway, settings):
    settings.SMS_MAX_RETRY_WAIT = 0.05
    gateway.fail_next("server_error", count=10)
    result = send(gateway, messages(1))["1"]
    assert result.status == RETRY
    assert result.retry_after == pytest.approx(0.05)
    assert "HTTP 500" in result.reason
    assert len(gateway.send_requests()) == 1 + settings.SMS_MAX_RETRIES


def test_a_call_without_an_answer_is_unknown_and_never_made_again(gateway, settings):
    settings.SMS_TIMEOUT = 0.3
    gateway.fail_next("hang")
    result = send(gateway, messages(1))["1"]
    assert result.status == UNKNOWN
    assert len(gateway.send_requests()) == 1


def test_a_gateway_nobody_answers_at_gives_retry(gateway, settings):
    setting = URL_SETTINGS[gateway.name]
    path = getattr(settings, setting).removeprefix(gateway.url)
    setattr(settings, setting, f"http://127.0.0.1:{free_port()}{path}")
    result = send(gateway, messages(1))["1"]
    assert result.status == RETRY
    assert gateway.requests == []


def test_wrong_credentials_are_refused_by_the_gateway(gateway, settings):
    setattr(settings, SECRET_SETTINGS[gateway.name], "wrong")
    result = send(gateway, messages(1))["1"]
    assert result.status == REJECTED
    assert result.reason.startswith(("HTTP 400", "HTTP 401", "HTTP 403"))
    assert gateway.accepted == []


def test_many_messages_leave_several_at_a_time(gateway, settings):
    settings.SMS_CONCURRENCY = 8
    settings.SMS_OVH_BATCH = 2
    gateway.delay = 0.2
    started = time.monotonic()
    results = send(gateway, messages(16))
    assert [r.status for r in results.values()] == [ACCEPTED] * 16
    assert time.monotonic() - started < 0.2 * 16 / 4  # sequential calls would take 3.2 s
