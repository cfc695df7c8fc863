"""The social side of the admin as the webmaster and editors meet it: the "Diffusion" panel
in the page editor, the report of every post, the live counter, the accounts' settings whose
secrets are never shown back, and the demo town's recorded posts and past alert."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alerts.models import Broadcast
from news.models import NewsPage
from social.models import SocialPost, SocialSettings
from social.vault import open_vault
from tests.factories import UserFactory, login_verified, page_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def webmaster(client):
    login_verified(client, UserFactory(groups=["Webmestres"]))
    return client


def demo_news():
    return NewsPage.objects.filter(locale__language_code="fr").order_by("-date").first()


def test_the_diffusion_panel_shows_each_network_and_what_was_posted(webmaster):
    page = demo_news()
    html = webmaster.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Diffusion sur les réseaux sociaux" in html
    for network in ("X", "Facebook", "LinkedIn", "Mastodon", "Bluesky"):
        assert f"<legend>{network}</legend>" in html
    assert "sur 280 caractères" in html  # X's count, as X counts
    assert "Publiée" in html  # the demo's recorded posts


def test_the_editor_own_text_and_switch_are_kept_in_the_page_revision(webmaster):
    page = demo_news()
    data = page_form_data(
        title=page.title,
        slug=page.slug,
        intro=page.intro,
        date=page.date.isoformat(),
        **{
            "diffusion-present": "1",
            "diffusion-share": "on",
            "diffusion-x-present": "1",
            "diffusion-x-off": "on",
            "diffusion-mastodon-present": "1",
            "diffusion-mastodon-text": "La piscine rouvre lundi !",
        },
    )
    response = webmaster.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert draft.diffusion["networks"]["x"]["off"] is True
    assert draft.diffusion["networks"]["mastodon"]["text"] == "La piscine rouvre lundi !"


def test_the_counter_counts_as_the_network_does(webmaster):
    url = "https://www.villeneuve-sur-lys.fr/actualites/une-tres-longue-adresse-de-page/"
    response = webmaster.post(reverse("social:count"), {"network": "x", "text": f"Ouvert {url}"})
    assert response.json()["length"] == len("Ouvert ") + 23
    assert webmaster.post(reverse("social:count"), {"network": "myspace"}).status_code == 400


def test_the_report_lists_failures_first(webmaster, site):
    SocialPost.objects.create(
        site=site,
        subject="page-999999",
        title="Refusée",
        network="x",
        text="t",
        status=SocialPost.Status.FAILED,
        reason="HTTP 401 token expired",
    )
    html = webmaster.get(reverse("social:report")).content.decode()
    assert html.index("HTTP 401 token expired") < html.index(demo_news().title)
    filtered = webmaster.get(reverse("social:report"), {"status": "posted"}).content.decode()
    assert "HTTP 401 token expired" not in filtered


def test_secrets_are_encrypted_and_never_shown_back(client, site):
    login_verified(client, UserFactory(is_superuser=True))
    url = reverse("wagtailsettings:edit", args=["social", "socialsettings", site.pk])
    form = client.get(url)
    assert form.status_code == 200
    data = {
        "demo_mode": "",
        "mastodon_enabled": "on",
        "mastodon_instance_url": "https://mastodon.example",
        "mastodon_secret_access_token": "jeton-tres-secret",
        "bluesky_pds_url": "https://bsky.social",
    }
    assert client.post(url, data).status_code == 302
    stored = SocialSettings.for_site(site)
    assert "jeton-tres-secret" not in stored.vault
    assert open_vault(stored.vault)["mastodon"]["access_token"] == "jeton-tres-secret"
    assert "jeton-tres-secret" not in client.get(url).content.decode()
    # Enabled without its secret: refused with a message by the field.
    data.update(bluesky_enabled="on", bluesky_handle="ville.example")
    refused = client.post(url, data)
    assert "Nécessaire pour publier sur ce réseau." in refused.content.decode()


def test_the_demo_has_a_past_alert_with_its_channels(client, site):
    login_verified(client, UserFactory(is_superuser=True))
    alert = Broadcast.objects.get(title="Alerte crue de la Lys")
    html = client.get(reverse("alerts:status", args=[alert.pk])).content.decode()
    assert "Retiré." in html
    assert html.count("(démonstration)") == 5


def test_the_dashboard_warns_before_a_linkedin_token_expires(webmaster, site):
    from datetime import timedelta

    from django.utils import timezone

    from social.vault import seal

    social = SocialSettings.for_site(site)
    social.demo_mode = False
    social.linkedin_enabled = True
    social.linkedin_organisation = "urn:li:organization:1000001"
    expires = (timezone.now() + timedelta(days=5)).isoformat()
    social.vault = seal({"linkedin": {"access_token": "jeton", "expires_at": expires}})
    social.save()
    html = webmaster.get(reverse("wagtailadmin_home")).content.decode()
    assert "Le jeton LinkedIn expire le" in html
