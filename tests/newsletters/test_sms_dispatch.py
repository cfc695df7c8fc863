"""Sending an SMS campaign with the task worker through the locmem gateway: what each
recipient receives, the town's sending window, the gateway's refusals, retries and silences,
and what the operator does with an outcome nobody knows."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from connectors.sms import REJECTED, RETRY, UNKNOWN, Result
from connectors.sms.backends import locmem
from newsletters import dispatch, sms_sending
from newsletters.models import Campaign, Delivery
from newsletters.models.audience import Channel
from newsletters.sms_sending import INTERRUPTED

from .factories import SmsCampaignFactory, SmsContactFactory, SmsMessageFactory, demo_theme

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
TUESDAY_MORNING = datetime(2026, 12, 8, 10, 0, tzinfo=PARIS)


@pytest.fixture
def clock(time_machine):
    """The clock, frozen on a Tuesday morning inside the window; tests move it."""
    time_machine.move_to(TUESDAY_MORNING, tick=False)
    return time_machine


def sms_campaign(count: int, **sms_fields) -> Campaign:
    """A campaign of an SMS to `count` contacts consenting to culture by SMS, plus contacts
    it must not reach: a culture consent by e-mail only, an SMS consent to another theme."""
    culture = demo_theme("culture")
    contacts = [SmsContactFactory(sms_themes=[culture]) for _ in range(count)]
    SmsContactFactory(themes=[culture])
    SmsContactFactory(sms_themes=[demo_theme("sport")])
    sms = SmsMessageFactory(**sms_fields)
    sms.segment.themes.set([culture])
    campaign = SmsCampaignFactory(sms=sms)
    campaign.test_contacts = contacts
    return campaign


def run(campaign: Campaign, work) -> Campaign:
    from newsletters.tasks.dispatch import start_campaign

    start_campaign.enqueue(campaign.pk)
    work()
    campaign.refresh_from_db()
    return campaign


def states(campaign: Campaign) -> dict[str, int]:
    rows = Delivery.objects.filter(campaign=campaign)
    counts: dict[str, int] = {}
    for state in rows.values_list("state", flat=True):
        counts[state] = counts.get(state, 0) + 1
    return counts


def test_each_consenting_mobile_gets_one_sms_with_the_opt_out_mention(clock, work):
    campaign = run(sms_campaign(6), work)

    numbers = sorted(c.phone for c in campaign.test_contacts)
    assert sorted(sms.to for sms in locmem.outbox) == numbers
    message = locmem.outbox[0]
    assert message.sender == "VILLENEUVE"
    assert message.text.startswith("Grève à l'école Jean-Moulin jeudi")
    assert message.text.endswith("\nSTOP au 36111")
    assert campaign.status == Campaign.Status.SENT
    assert states(campaign) == {"sent": 6}
    assert set(campaign.deliveries.values_list("provider_message_id", flat=True)) == {
        f"locmem-{n}" for n in range(1, 7)
    }
    campaign.sms.refresh_from_db()
    assert campaign.sms.sent_text == message.text
    assert campaign.sms.segments == 1


def test_an_urgent_alert_leaves_at_once_at_night_without_the_mention(clock, work):
    clock.move_to(datetime(2026, 12, 13, 23, 30, tzinfo=PARIS), tick=False)  # a Sunday night
    campaign = run(sms_campaign(3, urgent=True, text="Alerte crue : évacuez les berges."), work)

    assert campaign.status == Campaign.Status.SENT
    assert [sms.text for sms in locmem.outbox] == ["Alerte crue : évacuez les berges."] * 3


@pytest.mark.parametrize(
    "moment, opening",
    [
        # Sunday: Monday morning.
        (datetime(2026, 12, 13, 11, 0), datetime(2026, 12, 14, 8, 0)),
        # 14 July (a Tuesday in 2026): the next morning.
        (datetime(2026, 7, 14, 10, 0), datetime(2026, 7, 15, 8, 0)),
        # Saturday 20:00, the window's end, before Easter Monday (6 April 2026): Tuesday.
        (datetime(2026, 4, 4, 20, 0), datetime(2026, 4, 7, 8, 0)),
    ],
)
def test_a_campaign_due_outside_the_window_starts_at_its_next_opening(clock, work, moment, opening):
    clock.move_to(moment.replace(tzinfo=PARIS), tick=False)
    campaign = run(sms_campaign(2), work)

    assert campaign.status == Campaign.Status.SCHEDULED
    assert campaign.scheduled_at == opening.replace(tzinfo=PARIS)
    assert locmem.outbox == []

    clock.move_to(opening.replace(tzinfo=PARIS), tick=False)
    work()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert len(locmem.outbox) == 2


def test_a_campaign_started_at_1950_stops_at_2000_and_resumes_the_next_morning(
    clock, work, settings
):
    settings.SMS_BATCH_SIZE = 2
    clock.move_to(datetime(2026, 12, 8, 19, 50, tzinfo=PARIS), tick=False)
    campaign = sms_campaign(5)
    created = sms_sending.start_campaign(campaign.pk)
    assert created == 5
    # The first batch leaves before 20:00; then the clock strikes eight.
    sender = sms_sending.SmsSender(Campaign.objects.get(pk=campaign.pk))
    sender.send_batch(sms_sending.sending.claim_batch(campaign.pk, "first", 2), "first")
    clock.move_to(datetime(2026, 12, 8, 20, 0, tzinfo=PARIS), tick=False)
    next_run = sms_sending.send_pending(campaign.pk)

    assert len(locmem.outbox) == 2
    assert next_run == datetime(2026, 12, 9, 8, 0, tzinfo=PARIS)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENDING
    # The scheduler must not take the waiting campaign for one whose workers died.
    assert dispatch.relaunch_stalled() == []

    clock.move_to(datetime(2026, 12, 9, 8, 0, tzinfo=PARIS), tick=False)
    assert sms_sending.send_pending(campaign.pk) is None
    assert len(locmem.outbox) == 5
    assert states(campaign) == {"sent": 5}


def test_gateway_refusals_retries_and_silences_are_recorded_per_recipient(clock, work):
    campaign = sms_campaign(4)
    refused, throttled, silent, fine = sorted(c.phone for c in campaign.test_contacts)
    locmem.answers[refused] = Result(REJECTED, reason="HTTP 400 21211 invalid 'To' number")
    locmem.answers[silent] = Result(UNKNOWN, reason="délai dépassé : issue inconnue")
    locmem.fail_next(RETRY, "HTTP 503", count=1, retry_after=120)

    run(campaign, work)
    rows = {row.contact.phone: row for row in campaign.deliveries.select_related("contact")}
    assert rows[refused].state == Delivery.State.FAILED
    assert "21211" in rows[refused].error
    assert rows[silent].state == Delivery.State.UNKNOWN
    deferred = [row for row in rows.values() if row.state == Delivery.State.DEFERRED]
    assert len(deferred) == 1
    assert (deferred[0].not_before - timezone.now()).total_seconds() >= 120

    work(later=True)
    campaign.refresh_from_db()
    assert states(campaign) == {"failed": 1, "unknown": 1, "sent": 2}
    assert campaign.status == Campaign.Status.SENT
    assert sorted(sms.to for sms in locmem.outbox) == sorted([throttled, fine])


def test_the_operator_resends_or_confirms_what_the_gateway_left_unknown(
    clock, work, django_capture_on_commit_callbacks
):
    campaign = sms_campaign(3)
    locmem.fail_next(UNKNOWN, "délai dépassé : issue inconnue", count=3)
    run(campaign, work)
    assert states(campaign) == {"unknown": 3}
    assert locmem.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        assert dispatch.resend_unknown(campaign) == 3
    work()
    campaign.refresh_from_db()
    assert states(campaign) == {"sent": 3}
    assert len(locmem.outbox) == 3
    assert campaign.status == Campaign.Status.SENT

    # Another campaign to the same theme (the 3 above and 2 new contacts).
    other = sms_campaign(2)
    locmem.fail_next(UNKNOWN, "délai dépassé", count=5)
    run(other, work)
    assert dispatch.confirm_unknown(other) == 5
    assert states(other) == {"sent": 5}


def test_a_worker_that_died_mid_hand_over_leaves_unknown_rows_never_resent(clock, work):
    campaign = sms_campaign(3)
    sms_sending.start_campaign(campaign.pk)
    rows = sms_sending.sending.claim_batch(campaign.pk, "dead-worker", 10)
    sms_sending.SmsSender(Campaign.objects.get(pk=campaign.pk)).hand_over(rows, "dead-worker")
    # The worker was killed before the gateway answered; its lease runs out.
    clock.shift(sms_sending.sending.lease().total_seconds() + 1)

    sms_sending.send_pending(campaign.pk)

    assert locmem.outbox == []
    assert states(campaign) == {"unknown": 3}
    assert set(campaign.deliveries.values_list("error", flat=True)) == {INTERRUPTED}
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT


def test_consent_withdrawn_after_the_start_is_respected(clock, work):
    campaign = sms_campaign(2)
    sms_sending.start_campaign(campaign.pk)
    leaving = campaign.test_contacts[0]
    leaving.consents.filter(channel=Channel.SMS).update(withdrawn_at=timezone.now())

    sms_sending.send_pending(campaign.pk)

    assert [sms.to for sms in locmem.outbox] == [campaign.test_contacts[1].phone]
    assert states(campaign) == {"skipped": 1, "sent": 1}


def test_a_test_send_reaches_the_given_numbers_now_marked_as_a_test(clock):
    clock.move_to(datetime(2026, 12, 13, 22, 0, tzinfo=PARIS), tick=False)  # Sunday night
    sms = SmsMessageFactory()
    results = dispatch.send_sms_test(sms, ["+33639980001", "+33639980002"])

    assert [result.status for result in results] == ["accepted", "accepted"]
    assert [sms.to for sms in locmem.outbox] == ["+33639980001", "+33639980002"]
    assert locmem.outbox[0].text.startswith("[TEST] Grève")
    assert Campaign.objects.count() == 0
