"""Sending a campaign through a real SMTP server with the database task worker: what the
recipients receive, what the server refuses, and what the editors' actions change."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone

from newsletters import dispatch, sending
from newsletters.models import Campaign, Delivery, Suppression
from newsletters.models.audience import Channel

from .factories import CampaignFactory, ContactFactory, SegmentFactory, demo_theme

pytestmark = pytest.mark.django_db


def culture_campaign(count: int) -> Campaign:
    culture = demo_theme("culture")
    contacts = [ContactFactory(themes=[culture]) for _ in range(count)]
    ContactFactory(themes=[demo_theme("sport")])  # not in the segment
    campaign = CampaignFactory(segment=SegmentFactory(themes=[culture]))
    campaign.test_contacts = contacts
    return campaign


def run_campaign(campaign: Campaign, work) -> None:
    from newsletters.tasks.dispatch import start_campaign

    start_campaign.enqueue(campaign.pk)
    work()
    campaign.refresh_from_db()


def test_every_recipient_gets_one_mail_with_list_headers_and_both_parts(
    smtp, work, newsletter_settings
):
    campaign = culture_campaign(12)
    run_campaign(campaign, work)

    addresses = sorted(c.email for c in campaign.test_contacts)
    assert smtp.mailbox.recipients() == addresses
    assert campaign.status == Campaign.Status.SENT
    ids = smtp.mailbox.message_ids()
    assert len(set(ids)) == 12
    message = smtp.mailbox.deliveries[0].message
    assert message["From"] == "lettres@villeneuve-sur-lys.example"
    assert message["Reply-To"] == "communication@villeneuve-sur-lys.example"
    assert message["Date"]
    assert message["List-Id"].endswith("<culture.lettres.villeneuve-sur-lys.example>")
    unsubscribe = message["List-Unsubscribe"].strip()
    assert unsubscribe.startswith("<http") and "/desinscription/" in unsubscribe
    assert "<mailto:desinscription@villeneuve-sur-lys.example?subject=unsubscribe" in unsubscribe
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    parts = {part.get_content_type(): part.get_content() for part in message.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}
    assert "%%" not in parts["text/plain"] + parts["text/html"]
    rows = Delivery.objects.filter(campaign=campaign)
    assert set(rows.values_list("state", flat=True)) == {Delivery.State.SENT}
    assert sorted(rows.values_list("provider_message_id", flat=True)) == sorted(ids)


def test_each_recipient_gets_their_own_signed_links(smtp, work, newsletter_settings):
    campaign = culture_campaign(2)
    run_campaign(campaign, work)
    first, second = (d.message for d in smtp.mailbox.deliveries)
    assert first["List-Unsubscribe"] != second["List-Unsubscribe"]


def test_every_link_of_a_received_mail_opens_and_one_click_unsubscribes(
    smtp, work, newsletter_settings, client
):
    campaign = culture_campaign(1)
    contact = campaign.test_contacts[0]
    run_campaign(campaign, work)
    message = smtp.mailbox.deliveries[0].message
    html = message.get_body(("html",)).get_content()
    links = set(re.findall(r'href="https?://[^/"]+(/[^"]*)"', html))
    assert len(links) == 2  # preferences and unsubscribe
    for path in links:
        assert client.get(path).status_code == 200, path

    # As Gmail does with List-Unsubscribe-Post: a POST, no cookie, no CSRF token.
    one_click = re.search(r"<https?://[^/>]+(/[^>]+)>", message["List-Unsubscribe"])[1]
    provider = Client(enforce_csrf_checks=True)
    answer = provider.post(
        one_click,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert answer.status_code == 200
    assert not contact.live_consents().exists()


def test_consent_withdrawn_or_address_suppressed_after_the_start_is_respected(
    smtp, work, newsletter_settings
):
    campaign = culture_campaign(3)
    withdrawn, suppressed, kept = campaign.test_contacts
    sending.start_campaign(campaign.pk)
    withdrawn.consents.update(withdrawn_at=timezone.now())
    Suppression.add(Channel.EMAIL, suppressed.email, Suppression.Reason.COMPLAINT)
    from newsletters.tasks.dispatch import send_campaign

    send_campaign.enqueue(campaign.pk)
    work()
    assert smtp.mailbox.recipients() == [kept.email]
    skipped = Delivery.objects.filter(campaign=campaign, state=Delivery.State.SKIPPED)
    assert skipped.count() == 2


def test_refusals_are_retried_bounced_or_failed(smtp, work, newsletter_settings):
    campaign = culture_campaign(4)
    greylisted, unknown, rejected, fine = (c.email for c in campaign.test_contacts)
    smtp.mailbox.refusals = {
        greylisted: ["451 4.7.1 Greylisted, try again later"],
        unknown: f"550 5.1.1 <{unknown}>: Recipient address rejected: User unknown",
        rejected: "554 5.7.1 Message refused by policy",
    }
    run_campaign(campaign, work)
    assert Delivery.objects.get(contact__email=greylisted).state == Delivery.State.DEFERRED
    work(later=True)

    states = dict(Delivery.objects.values_list("contact__email", "state"))
    assert states[greylisted] == Delivery.State.SENT
    assert states[fine] == Delivery.State.SENT
    assert states[unknown] == Delivery.State.BOUNCED
    assert states[rejected] == Delivery.State.FAILED
    assert Suppression.is_suppressed(Channel.EMAIL, unknown)
    assert not Suppression.is_suppressed(Channel.EMAIL, rejected)
    errors = "".join(Delivery.objects.values_list("error", flat=True))
    assert "554 5.7.1 Message refused by policy" in errors
    assert "@example.org" not in errors  # the server's reason, without the address
    assert sorted(smtp.mailbox.recipients()) == sorted([greylisted, fine])
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT


def test_a_server_that_goes_away_loses_nothing(smtp, work, newsletter_settings):
    campaign = culture_campaign(3)
    smtp.stop()
    run_campaign(campaign, work)
    assert set(Delivery.objects.values_list("state", flat=True)) == {Delivery.State.DEFERRED}
    smtp.start()
    work(later=True)
    assert len(smtp.mailbox.recipients()) == 3


def test_paused_campaign_sends_nothing_until_resumed(
    smtp, work, newsletter_settings, django_capture_on_commit_callbacks
):
    from newsletters.tasks.dispatch import send_campaign

    campaign = culture_campaign(3)
    sending.start_campaign(campaign.pk)
    assert dispatch.pause(campaign)
    send_campaign.enqueue(campaign.pk)
    work()
    assert smtp.mailbox.deliveries == []
    with django_capture_on_commit_callbacks(execute=True):
        assert dispatch.resume(campaign)
    work()
    assert len(smtp.mailbox.deliveries) == 3


def test_cancelled_campaign_sends_nothing(smtp, work, newsletter_settings):
    from newsletters.tasks.dispatch import send_campaign

    campaign = culture_campaign(3)
    sending.start_campaign(campaign.pk)
    assert dispatch.cancel(campaign)
    send_campaign.enqueue(campaign.pk)
    work()
    assert smtp.mailbox.deliveries == []
    states = set(Delivery.objects.filter(campaign=campaign).values_list("state", flat=True))
    assert states == {Delivery.State.CANCELLED}


def test_the_recipient_list_is_fixed_when_the_campaign_starts(newsletter_settings):
    campaign = culture_campaign(3)
    assert sending.start_campaign(campaign.pk) == 3
    ContactFactory(themes=[demo_theme("culture")])  # signs up after the start
    assert sending.start_campaign(campaign.pk) == 0  # a retried start creates nothing
    assert campaign.deliveries.count() == 3


def test_two_claims_never_share_a_row(newsletter_settings):
    campaign = culture_campaign(10)
    sending.start_campaign(campaign.pk)
    first = sending.claim_batch(campaign.pk, "a", 6)
    second = sending.claim_batch(campaign.pk, "b", 6)
    assert len(first) == 6 and len(second) == 4
    assert not {r.pk for r in first} & {r.pk for r in second}


def test_a_stalled_campaign_is_relaunched_once(newsletter_settings, db_tasks):
    from django_tasks_db.models import DBTaskResult

    campaign = culture_campaign(2)
    sending.start_campaign(campaign.pk)
    DBTaskResult.objects.all().delete()
    Campaign.objects.filter(pk=campaign.pk).update(
        heartbeat_at=timezone.now() - sending.lease() * 2
    )
    assert dispatch.relaunch_stalled() == [campaign.pk]
    assert dispatch.relaunch_stalled() == []  # its heartbeat was renewed


def test_a_first_name_is_text_in_both_parts(smtp, work, newsletter_settings):
    campaign = culture_campaign(1)
    contact = campaign.test_contacts[0]
    contact.first_name = "Zoé <b>%%TO%%</b>"
    contact.save()
    run_campaign(campaign, work)

    message = smtp.mailbox.deliveries[0].message
    parts = {part.get_content_type(): part.get_content() for part in message.iter_parts()}
    assert "Bonjour Zoé <b>%%TO%%</b>" in parts["text/plain"]
    assert "Zoé &lt;b&gt;%%TO%%&lt;/b&gt;" in parts["text/html"]
    assert message["To"] == contact.email


def test_the_hourly_budget_holds_the_rest_for_the_next_hour(smtp, work, newsletter_settings):
    newsletter_settings.NEWSLETTER_MAILS_PER_HOUR = 3
    campaign = culture_campaign(5)
    run_campaign(campaign, work)

    assert len(smtp.mailbox.deliveries) == 3
    rows = Delivery.objects.filter(campaign=campaign)
    assert rows.filter(state=Delivery.State.QUEUED).count() == 2
    assert campaign.status == Campaign.Status.SENDING


def test_a_rendered_letter_is_prepared_once_and_filled_per_recipient(newsletter_settings):
    from email import message_from_bytes, policy

    from newsletters import mail, personalise
    from newsletters.models import NewsletterPage
    from newsletters.rendering import render_edition

    letter = NewsletterPage.objects.live().filter(locale__language_code="fr").first()
    edition = render_edition(letter, "fr")
    template = mail.MailTemplate(
        subject=edition.subject, html=edition.html, text=edition.text, list_id="<l.example>"
    )
    assert template.segments is not None  # MJML's long lines do not defeat the preparation
    values = personalise.personal_values(
        "https://www.example.fr", delivery_id=7, contact_id=3, language="fr", first_name="Zoé"
    )
    message = template.mail(to="zoe@example.org", values=values, message_id="<7@example.fr>")

    parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
    assert parsed["To"] == "zoe@example.org" and parsed["Message-ID"] == "<7@example.fr>"
    assert values[personalise.UNSUBSCRIBE_URL] in parsed["List-Unsubscribe"]
    assert parsed.get_body(("plain",)).get_content() == message.body
    assert parsed.get_body(("html",)).get_content() == message.alternatives[0][0]
    assert values[personalise.PREFERENCES_URL] in message.alternatives[0][0]
