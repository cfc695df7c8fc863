"""A service's contributors address only their own themes: the culture service sees the
contacts and segments of culture and sport, never those of road works, and cannot build a
segment on another theme. Sending is a permission of its own."""

import pytest
from django.contrib.auth.models import Permission

from newsletters.models import Segment
from tests.factories import UserFactory, login_verified
from tests.newsletters.factories import (
    CampaignFactory,
    ContactFactory,
    SegmentFactory,
    demo_theme,
    refused_by_admin,
)

pytestmark = pytest.mark.django_db

CULTURE_SERVICE = "Service culture et sports"


@pytest.fixture
def contributor(client):
    """A member of the demo's culture service, signed in to the admin."""
    user = UserFactory(groups=[CULTURE_SERVICE])
    login_verified(client, user)
    return client


@pytest.fixture
def audience():
    culture, travaux = demo_theme("culture"), demo_theme("travaux")
    return {
        "culture_contact": ContactFactory(email="lecteur@example.org", themes=[culture]),
        "works_contact": ContactFactory(email="riverain@example.org", themes=[travaux]),
        "culture_segment": SegmentFactory(name="Lettre culture", themes=[culture]),
        "works_segment": SegmentFactory(name="Chantiers du quartier", themes=[travaux]),
        "mixed_segment": SegmentFactory(name="Tout le monde", themes=[culture, travaux]),
    }


def test_a_contributor_sees_only_their_themes_contacts(contributor, audience):
    html = contributor.get("/admin/lettres/contacts/").content.decode()
    assert "lecteur@example.org" in html
    assert "riverain@example.org" not in html


def test_a_contributor_cannot_open_another_services_contact(contributor, audience):
    other = audience["works_contact"]
    assert contributor.get(f"/admin/lettres/contacts/inspect/{other.pk}/").status_code == 404
    own = audience["culture_contact"]
    assert contributor.get(f"/admin/lettres/contacts/inspect/{own.pk}/").status_code == 200


def test_a_contributor_sees_only_segments_built_on_their_themes(contributor, audience):
    html = contributor.get("/admin/lettres/segments/").content.decode()
    assert "Lettre culture" in html
    assert "Chantiers du quartier" not in html
    assert "Tout le monde" not in html  # it also addresses another service's theme
    works = audience["works_segment"]
    assert contributor.get(f"/admin/lettres/segments/edit/{works.pk}/").status_code == 404


def test_a_contributor_is_offered_only_their_themes(contributor):
    html = contributor.get("/admin/lettres/segments/new/").content.decode()
    assert f'value="{demo_theme("culture").pk}"' in html
    assert f'value="{demo_theme("travaux").pk}"' not in html


def test_a_contributor_cannot_build_a_segment_on_another_theme(contributor):
    response = contributor.post(
        "/admin/lettres/segments/new/",
        {"name": "Travaux en douce", "channel": "email", "themes": [demo_theme("travaux").pk]},
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Segment.objects.filter(name="Travaux en douce").exists()


def test_a_contributor_builds_a_segment_on_their_theme(contributor):
    response = contributor.post(
        "/admin/lettres/segments/new/",
        {"name": "Abonnés sport", "channel": "email", "themes": [demo_theme("sport").pk]},
    )
    assert response.status_code == 302
    segment = Segment.objects.get(name="Abonnés sport")
    assert list(segment.themes.all()) == [demo_theme("sport")]


def test_a_contributor_sees_only_their_segments_campaigns(contributor, audience):
    CampaignFactory(segment=audience["culture_segment"])
    CampaignFactory(segment=audience["works_segment"])
    html = contributor.get("/admin/lettres/campagnes/").content.decode()
    assert "Lettre culture" in html
    assert "Chantiers du quartier" not in html


def test_the_webmaster_sees_every_theme(client, webmaster, audience):
    contacts = client.get("/admin/lettres/contacts/").content.decode()
    assert "lecteur@example.org" in contacts and "riverain@example.org" in contacts
    segments = client.get("/admin/lettres/segments/").content.decode()
    assert "Tout le monde" in segments and "Chantiers du quartier" in segments


def test_only_the_webmasters_may_send():
    send = Permission.objects.get(codename="send_campaign")
    assert send.group_set.filter(name="Webmestres").exists()
    assert not send.group_set.filter(name=CULTURE_SERVICE).exists()


def test_campaigns_and_the_import_are_not_editable_by_contributors(contributor, audience):
    campaign = CampaignFactory(segment=audience["culture_segment"])
    assert refused_by_admin(contributor.get(f"/admin/lettres/campagnes/edit/{campaign.pk}/"))
    assert refused_by_admin(contributor.get("/admin/lettres/import/"))
    assert refused_by_admin(contributor.get("/admin/lettres/adresses-bloquees/"))
