"""A news item posted through the five real backends, against local fakes that check each
request as the network does: one post per network, with the page's image and its alt text."""

from __future__ import annotations

import pytest

from social.models import SocialPost
from tests.factories import ImageFactory
from tests.social.fake_networks import NETWORKS, FakeNetworks

pytestmark = pytest.mark.django_db


@pytest.fixture
def networks(settings, site):
    with FakeNetworks() as fakes:
        fakes.apply(settings)
        fakes.configure_accounts(site)
        SocialPost.objects.all().delete()
        yield fakes


def test_a_news_item_reaches_each_network_once_with_its_image_and_alt_text(networks, new_news):
    image = ImageFactory(size=(800, 600))
    page = new_news(
        title="Le marché de Noël ouvre samedi",
        body=[
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Chalets illuminés place du Marché",
                    "decorative": False,
                },
            }
        ],
    )
    rows = SocialPost.objects.filter(page=page)
    assert {row.network: row.status for row in rows} == dict.fromkeys(NETWORKS, "posted")
    assert all(row.url for row in rows)
    received = networks.received()
    for network in NETWORKS:
        assert len(received[network]) == 1, network
        assert "Le marché de Noël ouvre samedi" in received[network][0]
    assert networks.x.posts[0].alt_texts == ["Chalets illuminés place du Marché"]
    assert networks.mastodon.statuses[0].media[0].description == "Chalets illuminés place du Marché"
    assert networks.facebook.posts[0].alt_text == "Chalets illuminés place du Marché"
    assert networks.linkedin.posts[0].media["altText"] == "Chalets illuminés place du Marché"
    record = next(iter(networks.bluesky.records.values()))["value"]
    assert record["embed"]["images"][0]["alt"] == "Chalets illuminés place du Marché"


def test_the_editor_takes_the_posts_down_from_every_network(
    networks, new_news, django_capture_on_commit_callbacks
):
    from social.removal import request_removal

    page = new_news(title="Concert annulé")
    assert all(len(texts) == 1 for texts in networks.received().values())
    with django_capture_on_commit_callbacks(execute=True):
        request_removal(SocialPost.objects.filter(page=page))
    rows = SocialPost.objects.filter(page=page)
    assert set(rows.values_list("status", flat=True)) == {"removed"}
    assert networks.received() == dict.fromkeys(NETWORKS, [])
