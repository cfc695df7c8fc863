"""The newsletter page in the admin: its previews (web page, mail, plain text) and its
"Envoi" tab, whose actions (test, send now, schedule, cancel, pause, resume) check who may
act and hand over to the dispatch API, here replaced by a stand-in that records the calls
and keeps the campaign rows as dispatch does."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsletters import campaign_actions
from newsletters.models import Campaign
from tests.factories import UserFactory, login_verified
from tests.newsletters.factories import (
    CampaignFactory,
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
)

pytestmark = pytest.mark.django_db


class StandInDispatch:
    """The dispatch API's functions, recording their calls."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def send_test(self, page, addresses, language):
        self.calls.append(("send_test", page, addresses, language))

    def schedule_campaign(self, page, segment, when, user):
        self.calls.append(("schedule_campaign", page, segment, when, user))
        return Campaign.objects.create(
            page=page, segment=segment, scheduled_at=when, created_by=user
        )

    def set_status(self, campaign, status):
        campaign.status = status
        campaign.save(update_fields=["status"])

    def cancel(self, campaign):
        self.calls.append(("cancel", campaign))
        self.set_status(campaign, Campaign.Status.CANCELLED)

    def pause(self, campaign):
        self.calls.append(("pause", campaign))
        self.set_status(campaign, Campaign.Status.PAUSED)

    def resume(self, campaign):
        self.calls.append(("resume", campaign))
        self.set_status(campaign, Campaign.Status.SENDING)


@pytest.fixture
def dispatch(monkeypatch):
    stand_in = StandInDispatch()
    monkeypatch.setattr(campaign_actions, "dispatch_api", lambda: stand_in)
    return stand_in


@pytest.fixture
def letter(home):
    return NewsletterPageFactory(parent=NewsletterIndexPageFactory(parent=home))


@pytest.fixture
def sender(webmaster):
    """A webmaster who may send campaigns."""
    webmaster.user_permissions.add(Permission.objects.get(codename="send_campaign"))
    return webmaster


def messages_of(response) -> list[str]:
    """The messages shown after the redirect, as text (Wagtail renders them as HTML)."""
    return [unescape(str(message)).strip() for message in get_messages(response.wsgi_request)]


def refused(response) -> bool:
    """Wagtail's admin turns a permission refusal into a redirect to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def url(name: str, pk: int) -> str:
    return reverse(f"newsletters_compose:{name}", args=[pk])


# -- Previews --------------------------------------------------------------------------------


def test_the_mail_preview_shows_the_html_part_with_its_own_policy(letter):
    response = letter.make_preview_request(preview_mode="mail")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith("<!doctype html>") and 'role="presentation"' in html
    assert "%%" not in html  # no marker left: the personal links lead to the archive
    assert "Bonjour," in html
    policy = response["Content-Security-Policy"]
    assert "style-src 'unsafe-inline'" in policy and "script-src" not in policy
    assert "default-src 'none'" in policy and "frame-ancestors 'self'" in policy


def test_the_text_preview_shows_the_plain_text_part(letter):
    response = letter.make_preview_request(preview_mode="text")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().startswith("Villeneuve-sur-Lys · Culture\n")


def test_the_web_preview_is_the_page_in_the_sites_layout(letter):
    response = letter.make_preview_request(preview_mode="")
    html = response.content.decode()
    assert '<main id="contenu"' in html and f"<h1>{letter.title}</h1>" in html
    assert "style-src 'self'" in response["Content-Security-Policy"]


# -- The sending tab -------------------------------------------------------------------------


def test_the_sending_tab_offers_test_send_and_schedule(client, sender, letter):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[letter.pk])).content.decode()
    assert "pas encore été envoyée." in html
    for action in ("send_test", "send_now", "schedule"):
        assert f'action="{url(action, letter.pk)}"' in html
    assert f"Destinataires : {letter.segment.name}." in html


def test_the_sending_tab_shows_the_campaign_and_its_controls(client, sender, letter):
    campaign = CampaignFactory(page=letter, status=Campaign.Status.SENDING)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[letter.pk])).content.decode()
    assert 'data-newsletter-campaign-status="sending"' in html
    assert url("pause", campaign.pk) in html and url("cancel", campaign.pk) in html
    assert url("resume", campaign.pk) not in html
    assert "Une campagne de cette lettre est déjà programmée ou en cours." in html


def test_an_unpublished_letter_cannot_be_sent(client, sender, letter, dispatch):
    letter.unpublish()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[letter.pk])).content.decode()
    assert "est pas publiée" in html
    response = client.post(url("send_now", letter.pk))
    assert response.status_code == 302
    assert "La lettre n'est pas publiée" in messages_of(response)[0]
    assert dispatch.calls == [] and not Campaign.objects.filter(page=letter).exists()


# -- Test send -------------------------------------------------------------------------------


def test_a_test_goes_to_the_typed_addresses_with_the_latest_draft(
    client, webmaster, letter, dispatch
):
    draft = letter.get_latest_revision_as_object()
    draft.title = "Titre pas encore publié"
    draft.save_revision()

    response = client.post(
        url("send_test", letter.pk),
        {
            "addresses": "camille@example.org, Dominique@example.org\nCAMILLE@example.org",
            "language": "fr",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[letter.pk])
    ((action, page, addresses, language),) = dispatch.calls
    assert (action, addresses, language) == (
        "send_test",
        ["camille@example.org", "Dominique@example.org"],
        "fr",
    )
    assert page.title == "Titre pas encore publié"
    assert messages_of(response) == ["Courriel de test envoyé à 2 adresses."]


def test_invalid_test_addresses_are_named_and_nothing_typed_is_lost(
    client, webmaster, letter, dispatch
):
    typed = "camille@example.org, pas-une-adresse, dominique@"
    response = client.post(url("send_test", letter.pk), {"addresses": typed, "language": "fr"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ces adresses ne sont pas valides : pas-une-adresse, dominique@" in html
    assert typed in html
    assert dispatch.calls == []


def test_a_test_goes_to_ten_addresses_at_most(client, webmaster, letter, dispatch):
    addresses = ",".join(f"agent{n}@example.org" for n in range(11))
    response = client.post(url("send_test", letter.pk), {"addresses": addresses, "language": "fr"})
    assert "10 adresses au plus pour un test." in response.content.decode()
    assert dispatch.calls == []


def test_testing_needs_edit_permission_on_the_letter(client, letter, dispatch):
    login_verified(client, UserFactory(groups=["Service culture et sports"]))
    response = client.post(url("send_test", letter.pk), {"addresses": "a@example.org"})
    assert refused(response)
    assert dispatch.calls == []


def test_the_actions_need_the_csrf_token(sender, letter, dispatch):
    client = Client(enforce_csrf_checks=True)
    login_verified(client, sender)
    response = client.post(url("send_now", letter.pk))
    assert response.status_code == 403
    assert dispatch.calls == []


# -- Send now, schedule ----------------------------------------------------------------------


def editing_only(user) -> None:
    """The demo's webmasters may send; take that from this one's groups: edit only."""
    send = Permission.objects.get(codename="send_campaign")
    for group in user.groups.all():
        group.permissions.remove(send)


def test_sending_needs_the_send_permission(client, webmaster, letter, dispatch):
    editing_only(webmaster)
    assert refused(client.post(url("send_now", letter.pk)))
    when = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    assert refused(client.post(url("schedule", letter.pk), {"when": when}))
    assert dispatch.calls == []


def test_send_now_starts_a_campaign_for_the_letters_segment(client, sender, letter, dispatch):
    response = client.post(url("send_now", letter.pk))
    assert messages_of(response) == ["L'envoi de la lettre a commencé."]
    campaign = Campaign.objects.get(page=letter)
    assert campaign.segment == letter.segment and campaign.created_by == sender
    assert abs(campaign.scheduled_at - timezone.now()) < timedelta(minutes=1)
    # A second click does not start a second campaign.
    response = client.post(url("send_now", letter.pk))
    assert "déjà programmée ou en cours" in messages_of(response)[-1]
    assert Campaign.objects.filter(page=letter).count() == 1


def test_schedule_at_a_future_date(client, sender, letter, dispatch):
    when = timezone.localtime() + timedelta(days=2)
    response = client.post(url("schedule", letter.pk), {"when": when.strftime("%Y-%m-%d %H:%M")})
    assert response.status_code == 302
    campaign = Campaign.objects.get(page=letter)
    assert campaign.scheduled_at.replace(second=0, microsecond=0) == when.replace(
        second=0, microsecond=0
    )
    assert messages_of(response)[0].startswith("Envoi programmé le ")


def test_a_date_in_the_past_is_refused(client, sender, letter, dispatch):
    when = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(url("schedule", letter.pk), {"when": when})
    assert response.status_code == 200
    assert "Choisissez une date à venir." in response.content.decode()
    assert dispatch.calls == []


# -- Cancel, pause, resume -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("control", "before", "after"),
    [
        ("pause", Campaign.Status.SENDING, Campaign.Status.PAUSED),
        ("resume", Campaign.Status.PAUSED, Campaign.Status.SENDING),
        ("cancel", Campaign.Status.SCHEDULED, Campaign.Status.CANCELLED),
        ("cancel", Campaign.Status.PAUSED, Campaign.Status.CANCELLED),
    ],
)
def test_the_campaign_controls(client, sender, letter, dispatch, control, before, after):
    campaign = CampaignFactory(page=letter, status=before)
    response = client.post(url(control, campaign.pk))
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == after
    assert dispatch.calls == [(control, campaign)]


def test_a_control_that_does_not_apply_changes_nothing(client, sender, letter, dispatch):
    campaign = CampaignFactory(page=letter, status=Campaign.Status.SENT)
    response = client.post(url("pause", campaign.pk))
    assert messages_of(response) == ["Impossible : la campagne est « Envoyée »."]
    assert dispatch.calls == []


def test_controls_need_the_send_permission_and_a_post(client, webmaster, letter, dispatch):
    campaign = CampaignFactory(page=letter, status=Campaign.Status.SENDING)
    editing_only(webmaster)
    assert refused(client.post(url("cancel", campaign.pk)))
    webmaster.user_permissions.add(Permission.objects.get(codename="send_campaign"))
    assert client.get(url("cancel", campaign.pk)).status_code == 405
    assert dispatch.calls == []


def test_the_actions_appear_in_the_letters_history(client, sender, letter, dispatch):
    client.post(url("send_now", letter.pk))
    history = client.get(reverse("wagtailadmin_pages:history", args=[letter.pk])).content.decode()
    assert "Envoi de la lettre programmé" in history
