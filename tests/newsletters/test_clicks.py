"""Click counting: off by default, so a campaign's links go straight to their pages; when
the town turns it on, the links of the next campaigns pass through the site, which counts
clicks per link (never per person), sends the resident on, and follows only the links it
signed. The counts show on the campaign's page in the admin."""

from __future__ import annotations

import re
from html import unescape

import pytest
from wagtail.models import Site

from newsletters.models import LetterStatsSettings, LinkClicks
from newsletters.rendering import freeze_campaign
from tests.newsletters.factories import (
    CampaignFactory,
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
)

pytestmark = pytest.mark.django_db

COUNTED = re.compile(r'href="https?://[^"/]+(/lettres/lien/[^"]+)"')


@pytest.fixture
def campaign(home):
    letter = NewsletterPageFactory(parent=NewsletterIndexPageFactory(parent=home))
    return CampaignFactory(page=letter)


@pytest.fixture
def counting():
    settings = LetterStatsSettings.for_site(Site.objects.get(is_default_site=True))
    settings.count_clicks = True
    settings.save()
    return settings


def links_of(html: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', html)]


def test_by_default_the_links_go_straight_to_their_pages(campaign):
    (edition,) = freeze_campaign(campaign)
    assert "/lettres/lien/" not in edition.html
    assert campaign.page.full_url in links_of(edition.html)


def test_a_counted_link_sends_the_resident_on_and_counts_each_click(client, campaign, counting):
    (edition,) = freeze_campaign(campaign)
    counted = COUNTED.findall(edition.html)
    assert counted  # the web version link at least
    assert "%%UNSUBSCRIBE_URL%%" in edition.html  # personal links are left alone

    first = client.get(counted[0])
    client.get(counted[0])
    client.head(counted[0])  # a mail scanner checking the link

    assert first.status_code == 302
    assert first["Location"] == campaign.page.full_url
    clicks = LinkClicks.objects.get(campaign=campaign, url=campaign.page.full_url)
    assert clicks.clicks == 2


def test_a_forged_or_altered_link_is_not_followed(client, campaign, counting):
    (edition,) = freeze_campaign(campaign)
    path = COUNTED.findall(edition.html)[0]
    altered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    for url in (altered, "/lettres/lien/https:%2F%2Fevil.example/"):
        response = client.get(url)
        assert response.status_code in (400, 404)
        assert "evil.example" not in response.get("Location", "")
    assert not LinkClicks.objects.exists()


def test_turning_counting_off_stops_counting_but_the_links_still_work(client, campaign, counting):
    (edition,) = freeze_campaign(campaign)
    counting.count_clicks = False
    counting.save()
    response = client.get(COUNTED.findall(edition.html)[0])
    assert response.status_code == 302
    assert not LinkClicks.objects.exists()


def test_the_campaign_page_shows_the_clicks_per_link(client, webmaster, campaign, counting):
    (edition,) = freeze_campaign(campaign)
    client.get(COUNTED.findall(edition.html)[0])
    page = client.get(f"/admin/lettres/campagnes/inspect/{campaign.pk}/")
    assert "Clics par lien" in page.text
    assert campaign.page.full_url in page.text
