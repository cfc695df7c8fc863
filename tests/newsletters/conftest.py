"""Fixtures shared by the letters' tests: the sending settings, a worker that runs the
tasks enqueued on commit, and an audience emptied of the demo town's subscribers."""

from __future__ import annotations

import pytest
from django.utils import timezone

from newsletters.models import (
    Campaign,
    Contact,
    Delivery,
    ProviderEvent,
    SmsMessage,
    Suppression,
)
from tests.connectors.sms.fake_gateways import twilio_gateway  # noqa: F401


@pytest.fixture
def newsletter_settings(settings):
    settings.NEWSLETTER_FROM_EMAIL = "lettres@villeneuve-sur-lys.example"
    settings.NEWSLETTER_REPLY_TO = "communication@villeneuve-sur-lys.example"
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "desinscription@villeneuve-sur-lys.example"
    settings.NEWSLETTER_MAILS_PER_SECOND = 1000
    settings.NEWSLETTER_RETRY_BASE = 60
    return settings


@pytest.fixture
def work(worker, django_capture_on_commit_callbacks):
    """Run the worker until no task is due; tasks enqueued on commit are enqueued too (the
    test's transaction never commits). `work(later=True)` first makes deferred rows and
    delayed tasks due, as if their retry delays had elapsed."""

    def run(later: bool = False) -> None:
        if later:
            Delivery.objects.filter(state=Delivery.State.DEFERRED).update(not_before=timezone.now())
            worker.wait()
        for _ in range(20):
            with django_capture_on_commit_callbacks(execute=True) as callbacks:
                worker()
            if not callbacks:
                return
        raise AssertionError("tasks kept enqueuing tasks")

    return run


@pytest.fixture(autouse=True)
def without_demo_audience(request):
    """The demo town's subscribers, campaigns and suppressed addresses removed: each test
    counts the mails, rows and recipients of the audience it builds. Tests of the demo itself
    keep them with `@pytest.mark.demo_audience`."""
    marks = request.node.get_closest_marker
    if marks("demo_audience") or not marks("django_db"):
        return
    request.getfixturevalue("db")
    ProviderEvent.objects.all().delete()
    Campaign.objects.all().delete()  # with their editions and deliveries
    SmsMessage.objects.all().delete()
    Contact.objects.all().delete()  # with their consents
    Suppression.objects.all().delete()
