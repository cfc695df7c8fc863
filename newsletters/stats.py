"""Per-campaign statistics, counted from its delivery rows by state in one query, whatever
the number of recipients: for one campaign (its detail view) or for a page of campaigns
(the listing, as annotations). An SMS campaign adds the segments it used and their cost."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from .models import Campaign, Delivery

State = Delivery.State

# Rows a worker has yet to settle: the campaign is in progress while there are any.
PENDING_STATES = [State.QUEUED, State.CLAIMED, State.HANDED_OVER, State.DEFERRED]
# A complaint or an unsubscription from the mail itself means the mail reached the mailbox.
DELIVERED_STATES = [State.DELIVERED, State.COMPLAINED, State.UNSUBSCRIBED]

# Each figure as lookups on a delivery row; None counts every row.
FIGURES: dict[str, dict | None] = {
    "targeted": None,
    "pending": {"state__in": PENDING_STATES},
    # Accepted by the server (or the provider): a later bounce still counts as sent.
    "sent": {"sent_at__isnull": False},
    "delivered": {"state__in": DELIVERED_STATES},
    "bounced": {"state": State.BOUNCED},
    "complained": {"state": State.COMPLAINED},
    "unsubscribed": {"state": State.UNSUBSCRIBED},
    "failed": {"state": State.FAILED},
    # SMS whose gateway call got no answer: maybe sent, waiting for the operator's decision.
    "unknown": {"state": State.UNKNOWN},
    # Left out when their turn came (consent withdrawn, address suppressed) or cancelled.
    "skipped": {"state__in": [State.SKIPPED, State.CANCELLED]},
}

ANNOTATION_PREFIX = "stat_"


def figure_counts(path: str = "") -> dict[str, Count]:
    """One conditional count per figure, over delivery rows reached through `path`
    ("" from Delivery itself, "deliveries__" from Campaign)."""
    counts = {}
    for name, lookups in FIGURES.items():
        condition = Q(**{path + key: value for key, value in lookups.items()}) if lookups else None
        counts[name] = Count(f"{path}pk", filter=condition)
    return counts


def progress(figures: dict[str, int]) -> int:
    """Percentage of the campaign's rows settled (sent, failed, skipped…)."""
    if not figures["targeted"]:
        return 0
    settled = figures["targeted"] - figures["pending"]
    return settled * 100 // figures["targeted"]


def campaign_stats(campaign: Campaign) -> dict[str, int]:
    """The campaign's figures (targeted, pending, sent, delivered, bounced, complained,
    unsubscribed, failed, unknown, skipped) and its progress in percent, in one query."""
    figures = Delivery.objects.filter(campaign=campaign).aggregate(**figure_counts())
    return {**figures, "progress": progress(figures)}


def with_stats(campaigns: QuerySet[Campaign]) -> QuerySet[Campaign]:
    """The campaigns with each figure as a `stat_<figure>` attribute, in the same query."""
    counts = figure_counts("deliveries__")
    return campaigns.annotate(**{ANNOTATION_PREFIX + name: count for name, count in counts.items()})


def annotated_stats(campaign: Campaign) -> dict[str, int]:
    """The figures of a campaign fetched through `with_stats`, with its progress."""
    figures = {name: getattr(campaign, ANNOTATION_PREFIX + name) for name in FIGURES}
    return {**figures, "progress": progress(figures)}


# -- SMS: segments and their cost -----------------------------------------------------------

CENT = Decimal("0.01")
# Prices are kept to the micro-euro, the precision the admin's counter computes with.
MICRO_EURO = Decimal("0.000001")


def price_per_segment() -> Decimal:
    """What one SMS segment costs (euros, before VAT) with the active gateway, as the
    deployer set it (settings.SMS_PRICE_PER_SEGMENT); 0 for a gateway without a price."""
    price = settings.SMS_PRICE_PER_SEGMENT.get(settings.SMS_BACKEND, 0)
    return Decimal(price).quantize(MICRO_EURO)


def sms_cost(segments: int) -> Decimal:
    """The cost of `segments` SMS segments in euros, rounded to the cent."""
    return (segments * price_per_segment()).quantize(CENT, rounding=ROUND_HALF_UP)


def sms_campaign_stats(campaign: Campaign) -> dict:
    """An SMS campaign's figures, plus the segments it used (each message sent counts the
    segments of its frozen text) and their cost."""
    figures = campaign_stats(campaign)
    used = figures["sent"] * campaign.sms.segments
    return {**figures, "segments_used": used, "cost": sms_cost(used)}
