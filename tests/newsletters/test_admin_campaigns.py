"""Campaign statistics: what the webmaster reads per campaign (targeted, sent, delivered,
bounced, complained, unsubscribed, failed) and the progress of a campaign being sent."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletters.models import Campaign, Delivery
from newsletters.stats import campaign_stats
from tests.newsletters.factories import CampaignFactory, DeliveryFactory, refused_by_admin

pytestmark = pytest.mark.django_db

State = Delivery.State


@pytest.fixture
def campaign():
    """A campaign of 12 recipients halfway through."""
    campaign = CampaignFactory(status=Campaign.Status.SENDING)
    now = timezone.now()
    rows = (
        [(State.QUEUED, None)] * 2
        + [(State.CLAIMED, None)]
        + [(State.SENT, now)] * 2
        + [(State.DELIVERED, now)] * 3
        + [(State.BOUNCED, now)]
        + [(State.COMPLAINED, now)]
        + [(State.UNSUBSCRIBED, now)]
        + [(State.FAILED, None)]
    )
    for state, sent_at in rows:
        DeliveryFactory(campaign=campaign, state=state, sent_at=sent_at)
    return campaign


def test_statistics_count_each_state_in_one_query(campaign):
    DeliveryFactory(state=State.DELIVERED)  # another campaign's row
    with CaptureQueriesContext(connection) as queries:
        stats = campaign_stats(campaign)
    assert len(queries) == 1
    assert stats == {
        "targeted": 12,
        "pending": 3,
        "sent": 8,
        "delivered": 5,  # a complaint or an unsubscription means the mail arrived
        "bounced": 1,
        "complained": 1,
        "unsubscribed": 1,
        "failed": 1,
        "unknown": 0,
        "skipped": 0,
        "progress": 75,
    }


def test_an_empty_campaign_has_zero_progress():
    assert campaign_stats(CampaignFactory())["progress"] == 0


def test_the_listing_shows_the_figures_and_the_progress(client, webmaster, campaign):
    html = client.get("/admin/lettres/campagnes/").content.decode()
    for heading in ("Ciblés", "Envoyés", "Distribués", "Rejetés", "Désinscrits", "Échecs"):
        assert heading in html
    assert "75 %" in html
    assert "Envoi en cours" in html


def test_the_campaign_page_shows_its_statistics(client, webmaster, campaign):
    html = client.get(f"/admin/lettres/campagnes/inspect/{campaign.pk}/").content.decode()
    assert "Statistiques" in html
    assert '<progress id="campaign-progress" max="100" value="75">' in html
    assert '<th scope="row">Ciblés</th><td>12</td>' in html
    assert '<th scope="row">Signalés comme indésirables</th><td>1</td>' in html


def test_campaigns_cannot_be_added_or_edited_in_the_admin(client, webmaster, campaign):
    assert refused_by_admin(client.get("/admin/lettres/campagnes/new/"))
    assert refused_by_admin(client.get(f"/admin/lettres/campagnes/edit/{campaign.pk}/"))
