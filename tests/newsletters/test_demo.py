"""The demo town's letters: its archive lists the two letters sent (in French, English and
Dutch), their web versions render, a letter waits to be sent, the audience has subscribers on
each theme and a few silent ones to ask again, and sending the waiting letter delivers one
mail per recipient. Loading the demo again adds nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Locale

from demo.loader import DemoLoader
from newsletters import dispatch
from newsletters.models import (
    Campaign,
    CampaignEdition,
    Consent,
    Contact,
    Delivery,
    NewsletterIndexPage,
    NewsletterPage,
    ProviderEvent,
    Segment,
    SmsMessage,
)
from newsletters.models.audience import Channel, WithdrawalSource
from newsletters.reconsent import contacts_to_ask

pytestmark = [pytest.mark.django_db, pytest.mark.demo_audience]

SENT = [
    "La lettre culture : une saison d'hiver au chaud",
    "Travaux : le point quartier par quartier",
]
DRAFT_SLUG = "lettre-vie-associative-aides-et-salles"


def archive(language: str) -> NewsletterIndexPage:
    return NewsletterIndexPage.objects.live().get(locale__language_code=language)


def draft_letter() -> NewsletterPage:
    return NewsletterPage.objects.get(slug=DRAFT_SLUG, locale=Locale.get_default())


def test_the_archive_below_the_home_page_lists_the_two_letters_sent(client, home):
    page = archive("fr")
    assert page.get_parent().pk == home.pk
    response = client.get(page.url)
    assert response.status_code == 200
    assert [letter.title for letter in response.context["letters_page"]] == SENT[::-1]
    assert DRAFT_SLUG not in response.text


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_translated_archives_list_the_translated_letters(client, language):
    response = client.get(archive(language).url)
    letters = list(response.context["letters_page"])
    assert len(letters) == 2
    assert all(letter.locale.language_code == language for letter in letters)
    assert not {letter.title for letter in letters} & set(SENT)


def test_each_sent_letter_shows_the_edition_its_readers_got(client):
    for letter in archive("fr").letters():
        response = client.get(letter.url)
        assert response.status_code == 200
        edition = letter.frozen_edition()
        assert edition is not None and edition.language == "fr"
        assert response.context["letter_html"] == edition.web_html


def test_the_sent_campaigns_have_their_statistics():
    for campaign in Campaign.objects.filter(status=Campaign.Status.SENT, channel=Channel.EMAIL):
        assert {e.language for e in campaign.editions.all()} == {"fr", "en", "nl"}
        states = dict(campaign.deliveries.values_list("state").annotate(n=Count("pk")).order_by())
        assert states[Delivery.State.DELIVERED] > 50
        for state in (Delivery.State.BOUNCED, Delivery.State.FAILED, Delivery.State.UNSUBSCRIBED):
            assert states.get(state, 0) >= 1, state
        assert ProviderEvent.objects.filter(delivery__campaign=campaign).exists()


def test_the_sms_history_has_an_information_sms_and_an_urgent_alert_with_their_figures():
    campaigns = Campaign.objects.filter(channel=Channel.SMS, status=Campaign.Status.SENT)
    assert sorted(campaigns.values_list("sms__urgent", flat=True)) == [False, True]
    for campaign in campaigns:
        sms = campaign.sms
        assert sms.sent_text.endswith("STOP au 36111") != sms.urgent
        assert sms.segments >= 1
        assert campaign.created_by.username == "webmestre"
        states = dict(campaign.deliveries.values_list("state").annotate(n=Count("pk")).order_by())
        assert states[Delivery.State.DELIVERED] > 10
        assert states[Delivery.State.FAILED] == states[Delivery.State.UNSUBSCRIBED] == 1
    assert Consent.objects.filter(
        channel=Channel.SMS, withdrawn_via=WithdrawalSource.SMS_STOP
    ).exists()
    assert Contact.objects.exclude(phone="").count() >= 50


def test_a_letter_waits_in_the_archive_to_be_sent_to_its_segment():
    letter = draft_letter()
    assert letter.live and letter.segment.name == "Vie associative"
    assert not Campaign.objects.filter(page__translation_key=letter.translation_key).exists()


def test_the_audience_has_subscribers_on_each_letter_theme_and_silent_ones_to_ask_again():
    assert Contact.objects.filter(email__endswith="@example.org").count() >= 300
    languages = set(Contact.objects.values_list("language", flat=True))
    assert {"fr", "en", "nl"} <= languages
    assert Consent.objects.filter(withdrawn_at__isnull=False).exists()
    assert set(Consent.objects.values_list("source", flat=True)) >= {"site", "import", "admin"}
    for segment in Segment.objects.all():
        assert segment.recipients().exists(), segment.name
    assert Segment.objects.filter(neighbourhoods__isnull=False).exists()
    assert contacts_to_ask(timezone.now()).count() >= 5


def test_loading_the_demo_again_adds_no_letter_contact_or_campaign():
    models = [NewsletterPage, Contact, Consent, Segment, Campaign, CampaignEdition, Delivery]
    models += [ProviderEvent, SmsMessage]
    before = {model.__name__: model.objects.count() for model in models}
    DemoLoader().run()
    assert {model.__name__: model.objects.count() for model in models} == before


def test_sending_the_waiting_letter_mails_each_recipient_once(
    smtp, work, newsletter_settings, django_capture_on_commit_callbacks
):
    letter = draft_letter()
    recipients = sorted(letter.segment.recipients().values_list("email", flat=True))
    webmaster = get_user_model().objects.get(username="webmestre")

    with django_capture_on_commit_callbacks(execute=True):
        campaign = dispatch.schedule_campaign(letter, letter.segment, None, webmaster)
    work()

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert smtp.mailbox.recipients() == recipients
    assert len(set(smtp.mailbox.message_ids())) == len(recipients)
    message = smtp.mailbox.deliveries[0].message
    parts = {part.get_content_type() for part in message.iter_parts()}
    assert parts == {"text/plain", "text/html"}
