"""Campaign tasks: starting a campaign, and the send tasks that work through its rows.

A send task works for about a minute and enqueues its successor, so a long campaign is a
chain of short tasks that other work can interleave with. A worker killed in the middle
leaves its task marked running for ever (django-tasks does not revive it): the scheduler's
`relaunch_stalled` notices the campaign's heartbeat has stopped and starts new send tasks,
which take over the dead worker's rows once its lease has run out.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django_tasks import task

from .. import sending, sms_sending
from ..models import Campaign
from ..models.audience import Channel


def sending_for(campaign_id: int):
    """The module that sends this campaign's channel (both offer the same two functions)."""
    is_sms = Campaign.objects.filter(pk=campaign_id, channel=Channel.SMS).exists()
    return sms_sending if is_sms else sending


@task()
def start_campaign(campaign_id: int) -> int:
    created = sending_for(campaign_id).start_campaign(campaign_id)
    if created:
        enqueue_senders(campaign_id)
    else:
        run_again_when_due(campaign_id)
    return created


def run_again_when_due(campaign_id: int) -> None:
    """A campaign whose start was moved (an SMS waiting for the sending window) or whose
    task ran early starts when it is due."""
    due = (
        Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.SCHEDULED)
        .values_list("scheduled_at", flat=True)
        .first()
    )
    if due is not None:
        start_campaign.using(run_after=due).enqueue(campaign_id)


@task()
def send_campaign(campaign_id: int) -> str:
    next_run = sending_for(campaign_id).send_pending(campaign_id)
    if next_run is None:
        return "done"
    send_campaign.using(run_after=next_run).enqueue(campaign_id)
    return f"continues at {next_run.isoformat()}"


def enqueue_senders(campaign_id: int, count: int | None = None) -> None:
    """Start the campaign's parallel send tasks once the current transaction commits."""
    count = count or settings.NEWSLETTER_PARALLEL_SENDERS

    def enqueue() -> None:
        for _ in range(count):
            send_campaign.enqueue(campaign_id)

    transaction.on_commit(enqueue)
