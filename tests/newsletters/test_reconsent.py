"""The CNIL's rule for prospecting lists: contacts silent for three years get one mail
asking them to renew their consent, through the real SMTP server; those who do not answer
within the grace period are erased, leaving only the hash of their address on the
suppression list."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import resolve
from django.utils import timezone

from newsletters.models import Channel, Consent, Contact, Delivery, Suppression
from newsletters.models.audience import address_hash
from newsletters.tokens import read_token
from tests.newsletters.factories import ConsentFactory, ContactFactory, DeliveryFactory, demo_theme

pytestmark = pytest.mark.django_db


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def contact_silent_for(days: int, **fields) -> Contact:
    """A contact whose last activity and only consent are `days` old."""
    contact = ContactFactory(last_activity_at=ago(days=days), **fields)
    ConsentFactory(contact=contact, given_at=ago(days=days))
    return contact


@pytest.fixture
def town():
    """Four years silent, two years silent, one who renewed a consent this year, and one
    active last month."""
    renewed = contact_silent_for(4 * 365, email="renouvele@example.org")
    ConsentFactory(contact=renewed, theme=demo_theme("travaux"), given_at=ago(days=200))
    return {
        "silent": contact_silent_for(4 * 365, email="silencieux@example.org", first_name="Odile"),
        "two_years": contact_silent_for(2 * 365, email="deux.ans@example.org"),
        "renewed": renewed,
        "active": ContactFactory(email="active@example.org", last_activity_at=ago(days=30)),
    }


def run(*args) -> str:
    out = io.StringIO()
    call_command("reconsent_contacts", *args, stdout=out)
    return out.getvalue()


def refreshed(contact: Contact) -> Contact:
    contact.refresh_from_db()
    return contact


def test_a_contact_silent_for_three_years_is_asked_once(town, smtp, worker):
    assert run() == "1 re-consent mail(s) enqueued, 0 contact(s) erased\n"
    worker()

    [delivery] = smtp.mailbox.deliveries
    assert delivery.recipients == ["silencieux@example.org"]
    message = delivery.message
    assert message["Subject"].startswith("Souhaitez-vous toujours recevoir les lettres de")
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Bonjour Odile," in text
    assert "plus de 3 ans" in text
    assert '<html lang="fr">' in html
    assert refreshed(town["silent"]).reconsent_requested_at is not None
    # Asked once: the next day's run leaves them be.
    assert run() == "0 re-consent mail(s) enqueued, 0 contact(s) erased\n"
    worker()
    assert len(smtp.mailbox.deliveries) == 1


def test_the_link_in_the_mail_opens_the_contacts_preference_centre(town, smtp, worker):
    run()
    worker()

    message = smtp.mailbox.deliveries[0].message
    text_url = re.search(r"https?://\S+", message.get_body(("plain",)).get_content())[0]
    html_url = re.search(r'href="([^"]+)"', message.get_body(("html",)).get_content())[1]
    assert text_url == html_url
    match = resolve(urlsplit(text_url).path)
    assert match.view_name == "newsletters:preferences"
    assert read_token("preferences", match.kwargs["token"]) == town["silent"].pk


def test_a_contact_who_does_not_answer_is_erased_after_the_grace_period(town, smtp, worker):
    silent = town["silent"]
    delivery = DeliveryFactory(contact=silent, state=Delivery.State.DELIVERED)
    run()
    worker()
    assert run() == "0 re-consent mail(s) enqueued, 0 contact(s) erased\n"  # still in grace

    Contact.objects.filter(pk=silent.pk).update(reconsent_requested_at=ago(days=31))
    assert run() == "0 re-consent mail(s) enqueued, 1 contact(s) erased\n"

    assert not Contact.objects.filter(pk=silent.pk).exists()
    assert not Consent.objects.filter(contact_id=silent.pk).exists()
    assert Suppression.objects.get(address_hash=address_hash("silencieux@example.org")).reason == (
        Suppression.Reason.ERASED
    )
    # The campaign keeps its figures, without the person.
    delivery.refresh_from_db()
    assert (delivery.contact, delivery.state) == (None, Delivery.State.DELIVERED)
    assert Contact.objects.filter(pk=town["active"].pk).exists()


def test_a_contact_who_answers_is_kept_and_asked_again_three_years_later(town, smtp, worker):
    silent = town["silent"]
    run()
    worker()
    # They opened the preference centre from the mail a week later.
    Contact.objects.filter(pk=silent.pk).update(
        reconsent_requested_at=ago(days=40), last_activity_at=ago(days=33)
    )

    assert run() == "0 re-consent mail(s) enqueued, 0 contact(s) erased\n"
    assert Contact.objects.filter(pk=silent.pk).exists()

    Contact.objects.filter(pk=silent.pk).update(
        reconsent_requested_at=ago(days=4 * 365), last_activity_at=ago(days=4 * 365 - 7)
    )
    assert run() == "1 re-consent mail(s) enqueued, 0 contact(s) erased\n"


def test_silent_contacts_who_cannot_be_asked_are_erased_at_once(town, smtp, worker):
    bounced = contact_silent_for(4 * 365, email="rebond@example.org")
    Suppression.add(Channel.EMAIL, "rebond@example.org", Suppression.Reason.HARD_BOUNCE)
    unsubscribed = contact_silent_for(4 * 365, email="desinscrit@example.org")
    unsubscribed.consents.update(withdrawn_at=ago(days=3 * 365))

    assert run() == "1 re-consent mail(s) enqueued, 2 contact(s) erased\n"
    worker()

    assert smtp.mailbox.recipients() == ["silencieux@example.org"]
    assert not Contact.objects.filter(pk__in=[bounced.pk, unsubscribed.pk]).exists()
    # The first reason stays on the list.
    assert Suppression.objects.get(address_hash=bounced.email_hash).reason == "hard_bounce"
    assert Suppression.is_suppressed(Channel.EMAIL, "desinscrit@example.org")


def test_a_dry_run_counts_and_changes_nothing(town, smtp, worker):
    assert run("--dry-run") == (
        "1 contact(s) would be asked to renew their consent, 0 would be erased "
        "(dry run: nothing changed)\n"
    )
    assert run("--dry-run", "--years", "1").startswith("2 contact(s) would be asked")
    worker()

    assert smtp.mailbox.deliveries == []
    assert refreshed(town["silent"]).reconsent_requested_at is None


def test_years_and_grace_days_are_options(town, smtp, worker):
    assert run("--years", "1") == "2 re-consent mail(s) enqueued, 0 contact(s) erased\n"
    worker()
    Contact.objects.filter(pk=town["two_years"].pk).update(reconsent_requested_at=ago(days=8))

    assert run("--years", "1", "--grace-days", "7").endswith("1 contact(s) erased\n")
    assert not Contact.objects.filter(pk=town["two_years"].pk).exists()


def test_a_contact_enqueued_twice_gets_one_mail(town, smtp, worker):
    run()
    run()  # the worker was down: the same contact is enqueued again
    worker()

    assert smtp.mailbox.recipients() == ["silencieux@example.org"]


def test_when_the_mail_server_is_down_the_contact_is_asked_on_the_next_run(
    town, smtp, worker, caplog
):
    smtp.stop()
    run()
    worker()
    assert refreshed(town["silent"]).reconsent_requested_at is None
    assert "silencieux@example.org" not in caplog.text

    smtp.start()
    run()
    worker()
    assert smtp.mailbox.recipients() == ["silencieux@example.org"]
    assert refreshed(town["silent"]).reconsent_requested_at is not None
