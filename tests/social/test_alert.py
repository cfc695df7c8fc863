"""The one-action alert: banner, urgent SMS and one post per network at once, then its end."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from alerts.models import AlertSettings, Broadcast
from connectors.social.backends import locmem
from core.models import Alert, Theme
from newsletters.models import Campaign, Contact, Delivery, SmsMessage
from social.models import SocialPost
from tests.factories import UserFactory, login_verified
from tests.newsletters.factories import SmsContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert_theme(site):
    """The alert theme, and an audience without the demo town's subscribers."""
    Broadcast.objects.all().delete()  # the demo's past alert
    Campaign.objects.all().delete()
    SmsMessage.objects.all().delete()
    Contact.objects.all().delete()
    theme = Theme.objects.filter(locale__language_code="fr").first()
    AlertSettings.objects.update_or_create(site=site, defaults={"sms_theme": theme})
    return theme


@pytest.fixture
def webmaster(client):
    user = UserFactory(is_superuser=True)
    login_verified(client, user)
    return user


@pytest.fixture
def run_tasks(worker):
    """Run the database worker until the SMS campaign's chain of tasks is done."""

    def run():
        for _ in range(4):
            worker()

    return run


def launch(client, django_capture_on_commit_callbacks, **fields):
    data = {
        "title": "Crue de la Lys",
        "message": "Évacuation des berges du quartier des Prés, rendez-vous au gymnase.",
        "send_sms": "on",
        "post_social": "on",
        **fields,
    }
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("alerts:index"), data)


def test_one_action_reaches_every_channel_even_at_night(
    client, webmaster, accounts, alert_theme, django_capture_on_commit_callbacks, run_tasks
):
    contacts = SmsContactFactory.create_batch(3, sms_themes=[alert_theme])
    night = timezone.make_aware(datetime.datetime(2026, 12, 6, 3, 0))  # a Sunday, 3 a.m.
    with time_machine.travel(night, tick=True):
        response = launch(client, django_capture_on_commit_callbacks)
        run_tasks()
    broadcast = Broadcast.objects.get()
    assert response.status_code == 302
    assert Alert.objects.not_over().filter(pk=broadcast.banner_id, level="urgent").exists()
    campaign = broadcast.sms_campaign
    assert campaign.sms.urgent
    assert Delivery.objects.filter(campaign=campaign).count() == len(contacts)
    # Urgent: started at 3 a.m. on a Sunday, not postponed to the sending window.
    campaign.refresh_from_db()
    assert campaign.started_at is not None
    assert campaign.status != Campaign.Status.SCHEDULED
    posts = SocialPost.objects.filter(subject=f"alert-{broadcast.pk}-start")
    assert posts.count() == 5
    assert set(posts.values_list("status", flat=True)) == {SocialPost.Status.POSTED}
    assert all("Crue de la Lys" in post.text for _, post in locmem.outbox)

    status = client.get(reverse("alerts:status", args=[broadcast.pk]))
    assert "Affiché sur tout le site." in status.content.decode()


def test_ending_removes_the_banner_and_says_so_on_the_same_channels(
    client, webmaster, accounts, alert_theme, django_capture_on_commit_callbacks, run_tasks
):
    SmsContactFactory(sms_themes=[alert_theme])
    launch(client, django_capture_on_commit_callbacks)
    broadcast = Broadcast.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("alerts:status", args=[broadcast.pk]),
            {"end_message": "La Lys est redescendue, retour possible."},
        )
    run_tasks()
    broadcast.refresh_from_db()
    assert broadcast.ended_at is not None
    assert not Alert.objects.not_over().filter(pk=broadcast.banner_id).exists()
    assert broadcast.end_sms_campaign.sms.text.startswith("Fin d'alerte")
    assert broadcast.end_sms_campaign.segment == broadcast.sms_campaign.segment
    assert SocialPost.objects.filter(subject=f"alert-{broadcast.pk}-end").count() == 5


def test_only_the_chosen_neighbourhoods_get_the_sms(
    client, webmaster, accounts, alert_theme, django_capture_on_commit_callbacks, run_tasks
):
    from core.models import Neighbourhood

    pres, other = Neighbourhood.objects.filter(locale__language_code="fr")[:2]
    inside = SmsContactFactory(sms_themes=[alert_theme], neighbourhood=pres)
    SmsContactFactory(sms_themes=[alert_theme], neighbourhood=other)
    launch(client, django_capture_on_commit_callbacks, neighbourhoods=[pres.pk])
    run_tasks()
    campaign = Campaign.objects.get(pk=Broadcast.objects.get().sms_campaign_id)
    assert list(Delivery.objects.filter(campaign=campaign).values_list("contact", flat=True)) == [
        inside.pk
    ]


def test_the_alert_is_reserved_to_its_permission(client, accounts):
    before = Broadcast.objects.count()
    login_verified(client, UserFactory(groups=["Service culture et sports"]))
    refused = client.post(reverse("alerts:index"), {"title": "x", "message": "y"})
    assert refused.status_code == 302 and refused.url == "/admin/"  # Wagtail's "no permission"
    assert Broadcast.objects.count() == before
