"""The data side of the crash tests, run inside `manage.py shell` against a fresh database
(the test process has its own): a campaign of N recipients, and a summary of its rows."""

from __future__ import annotations

import json

from django.db.models import Count
from wagtail.models import Locale

from core.models import Theme
from newsletters.models import Campaign, CampaignEdition, Consent, Contact, Delivery, Segment
from newsletters.models.audience import Channel, ConsentSource


def create(count: int) -> None:
    """A culture letter to `count` consenting contacts, due now, its French edition frozen;
    its start task is enqueued for the workers."""
    from django_tasks_db.models import DBTaskResult

    from newsletters.tasks.dispatch import start_campaign

    # Each test of the module starts from an empty audience in the same database.
    DBTaskResult.objects.all().delete()
    Campaign.objects.all().delete()
    Segment.objects.all().delete()
    Contact.objects.all().delete()
    culture, _ = Theme.objects.get_or_create(
        slug="culture", locale=Locale.get_default(), defaults={"name": "Culture"}
    )
    contacts = [Contact(email=f"habitant{n}@example.org", language="fr") for n in range(count)]
    for contact in contacts:
        contact.normalise()
    contacts = Contact.objects.bulk_create(contacts, batch_size=1000)
    Consent.objects.bulk_create(
        [
            Consent(
                contact=contact,
                theme=culture,
                channel=Channel.EMAIL,
                source=ConsentSource.IMPORT,
                wording="Lettre culture",
            )
            for contact in contacts
        ],
        batch_size=1000,
    )
    segment = Segment.objects.create(name="Culture")
    segment.themes.set([culture])
    from django.utils import timezone

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
