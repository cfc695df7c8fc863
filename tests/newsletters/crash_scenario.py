"""The data side of the crash tests, run inside `manage.py shell` against a fresh database
(the test process has its own): a campaign of N recipients, and a summary of its rows."""

from __future__ import annotations

import json

from django.db.models import Count
from django.utils import timezone
from wagtail.models import Locale

from core.models import Theme
from newsletters.models import (
    Campaign,
    CampaignEdition,
    Consent,
    Contact,
    Delivery,
    Segment,
    SmsMessage,
)
from newsletters.models.audience import Channel, ConsentSource


def create(count: int) -> None:
    """A culture letter to `count` consenting contacts, due now, its French edition frozen;
    its start task is enqueued for the workers."""
    from newsletters.tasks.dispatch import start_campaign

    segment = culture_audience(count, Channel.EMAIL)
    campaign = Campaign.objects.create(segment=segment, scheduled_at=timezone.now())
    CampaignEdition.objects.create(
        campaign=campaign,
        language="fr",
        subject="La lettre culture",
        html='<html lang="fr"><body><p>Bonjour</p><a href="%%UNSUBSCRIBE_URL%%">x</a></body>',
        text="Bonjour\n%%UNSUBSCRIBE_URL%%\n",
        web_html="<p>Bonjour</p>",
    )
    start_campaign.enqueue(campaign.pk)


def create_sms(count: int) -> None:
    """An urgent SMS (it leaves whatever the hour the test runs at) to `count` mobiles,
    due now; its start task is enqueued for the workers."""
    from newsletters.tasks.dispatch import start_campaign

    segment = culture_audience(count, Channel.SMS)
    sms = SmsMessage.objects.create(
        title="Crue", segment=segment, sender="VILLENEUVE", text="Alerte crue.", urgent=True
    )
    campaign = Campaign.objects.create(
        sms=sms, segment=segment, channel=Channel.SMS, scheduled_at=timezone.now()
    )
    start_campaign.enqueue(campaign.pk)


def phone(n: int) -> str:
    """The n-th number of ARCEP's range for fiction (+33 6 39 98 …), then the next ranges."""
    return f"+33639{98 + n // 10000:02d}{n % 10000:04d}"


def culture_audience(count: int, channel: str) -> Segment:
    """`count` contacts consenting to culture on `channel` and their segment, in a database
    emptied of the previous test's campaign."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    Campaign.objects.all().delete()
    SmsMessage.objects.all().delete()
    Segment.objects.all().delete()
    Contact.objects.all().delete()
    culture, _ = Theme.objects.get_or_create(
        slug="culture", locale=Locale.get_default(), defaults={"name": "Culture"}
    )
    contacts = [
        Contact(email=f"habitant{n}@example.org", phone=phone(n), language="fr")
        for n in range(count)
    ]
    for contact in contacts:
        contact.normalise()
    contacts = Contact.objects.bulk_create(contacts, batch_size=1000)
    Consent.objects.bulk_create(
        [
            Consent(
                contact=contact,
                theme=culture,
                channel=channel,
                source=ConsentSource.IMPORT,
                wording="Culture",
            )
            for contact in contacts
        ],
        batch_size=1000,
    )
    segment = Segment.objects.create(name="Culture", channel=channel)
    segment.themes.set([culture])
    return segment


def summary() -> None:
    """Print the campaign's status and its rows by state and error, as JSON."""
    campaign = Campaign.objects.get()
    rows = Delivery.objects.filter(campaign=campaign)
    print(
        json.dumps(
            {
                "status": campaign.status,
                "states": dict(rows.values_list("state").annotate(n=Count("pk"))),
                "errors": dict(rows.exclude(error="").values_list("error").annotate(n=Count("pk"))),
            }
        )
    )


def sms_summary() -> None:
    """Print the campaign's status and the numbers of its rows by state, as JSON."""
    campaign = Campaign.objects.get()
    numbers: dict[str, list[str]] = {}
    for state, number in Delivery.objects.filter(campaign=campaign).values_list(
        "state", "contact__phone"
    ):
        numbers.setdefault(state, []).append(number)
    print(json.dumps({"status": campaign.status, "numbers": numbers}))
