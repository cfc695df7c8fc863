"""The site's own e-mails (contact form, agenda proposals) leave through a task, never
inside the resident's request: a failing mail server costs the resident nothing, the task
retries until the server is back, and each recipient gets exactly one mail."""

from __future__ import annotations

import io
import logging
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

from core.antispam import HONEYPOT_FIELD
from events.models import EventIndexPage, EventPage, EventProposal
from notifications import tasks
from notifications.kinds import proposal_recipients
from notifications.models import OutgoingMail
from tests.factories import ContactFormPageFactory, UserFactory, login_verified

pytestmark = pytest.mark.django_db

SERVICES = ["accueil@villeneuve-sur-lys.fr", "urbanisme@villeneuve-sur-lys.fr"]


@pytest.fixture
def contact_page(home):
    return ContactFormPageFactory(parent=home, to_address=", ".join(SERVICES))


def contact_data(page, **overrides):
    names = [field.clean_name for field in page.get_form_fields()]
    values = [
        "Martine Leroy",
        "martine.leroy@example.org",
        "2031-05-02",
        ["État civil", "Écoles"],
        "Bonjour,\nje souhaite un rendez-vous.",
    ]
    return {**dict(zip(names, values, strict=True)), **overrides}


@pytest.fixture
def agenda():
    return EventIndexPage.objects.get(locale=Locale.get_default())


def proposal_data(**overrides):
    return {
        "title": "Tournoi de pétanque des Amis de la Lys",
        "date": (timezone.localdate() + timedelta(days=20)).isoformat(),
        "start_time": "14:00",
        "end_time": "18:00",
        "location": "Boulodrome du parc du Moulin",
        "description": "Tournoi en doublettes ouvert à tous.",
        "audience": "Tout public",
        "price": "",
        "registration_url": "",
        "organisation": "Les Amis de la Lys",
        "contact_name": "Martine Leroy",
        "contact_email": "martine.leroy@example.org",
        "contact_phone": "",
        **overrides,
    }


def rows_of(kind, object_id):
    """A new query each time: the rows change as the worker runs."""
    return list(OutgoingMail.objects.filter(kind=kind, object_id=object_id).order_by("recipient"))


def test_contact_form_waits_for_a_refusing_server_then_sends_once(
    client, contact_page, smtp, worker, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.INFO, logger="notifications")
    smtp.mailbox.refuse = "451 4.3.0 Service momentanément indisponible"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_page.url, contact_data(contact_page))
    # The resident sees the confirmation and the message is kept, whatever the server does.
    assert response.status_code == 200
    assert "un agent vous répond sous 5 jours" in response.text
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.form_data["votre_nom"] == "Martine Leroy"

    def rows():
        return rows_of(OutgoingMail.Kind.CONTACT_FORM, submission.pk)

    assert [(r.recipient, r.status, r.attempts) for r in rows()] == [
        (address, "pending", 0) for address in sorted(SERVICES)
    ]

    worker()  # first attempt: every recipient refused for now
    assert smtp.mailbox.deliveries == []
    assert {(r.status, r.attempts, r.last_error) for r in rows()} == {
        ("pending", 1, "SMTPRecipientsRefused 451")
    }
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now()  # backoff: not before its time
    worker()
    assert smtp.mailbox.deliveries == []

    smtp.mailbox.refuse = None  # the server is back
    worker.wait()
    worker()
    assert smtp.mailbox.recipients() == sorted(SERVICES)
    assert {(r.status, r.attempts, r.last_error) for r in rows()} == {("sent", 2, "")}
    assert all(r.sent_at for r in rows())

    # Another run of the task (a duplicate, a late retry) sends nothing more.
    tasks.send_notification.enqueue(OutgoingMail.Kind.CONTACT_FORM, submission.pk)
    worker()
    assert len(smtp.mailbox.deliveries) == 2

    # Logs carry ids and statuses, never addresses, names or what the resident wrote.
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "sent" in logged and "451" in logged
    for secret in ["@", "Martine", "rendez-vous"]:
        assert secret not in logged


def test_contact_mail_says_what_wagtail_would_have_said(
    client, contact_page, smtp, django_capture_on_commit_callbacks
):
    """Same subject, sender and body as Wagtail's AbstractEmailForm, one mail per service."""
    data = contact_data(contact_page)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, data)
    form = contact_page.get_form(data, page=contact_page, user=None)
    assert form.is_valid()
    form.cleaned_data.pop(HONEYPOT_FIELD)  # as the page does before storing
    expected_body = contact_page.render_email(form)
    assert "Date souhaitée: 02/05/2031" in expected_body
    assert "Sujets: État civil, Écoles" in expected_body
    assert smtp.mailbox.recipients() == sorted(SERVICES)
    for delivery in smtp.mailbox.deliveries:
        message = delivery.message
        assert message["Subject"] == "Message reçu depuis le site internet"
        assert message["From"] == "formulaires@villeneuve-sur-lys.fr"
        assert message["Auto-Submitted"] == "auto-generated"
        assert message.get_content().splitlines() == expected_body.splitlines()


def test_proposal_waits_for_a_stopped_server_then_reaches_each_editor_once(
    client, agenda, smtp, worker, django_capture_on_commit_callbacks
):
    UserFactory(username="agent-agenda", groups=["Agenda"])
    editors = proposal_recipients()
    assert "agent-agenda@villeneuve-sur-lys.fr" in editors
    smtp.stop()  # connections refused
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(agenda.url + "proposer/", proposal_data(), follow=True)
    assert response.status_code == 200
    assert "bien été reçue" in response.text
    proposal = EventProposal.objects.get(page__title="Tournoi de pétanque des Amis de la Lys")
    assert not EventPage.objects.get(pk=proposal.page_id).live

    def rows():
        return rows_of(OutgoingMail.Kind.EVENT_PROPOSAL, proposal.pk)

    assert [r.recipient for r in rows()] == editors

    worker()
    assert {(r.status, r.last_error) for r in rows()} == {("pending", "ConnectionRefusedError")}

    smtp.start()
    worker.wait()
    worker()
    assert smtp.mailbox.recipients() == editors
    assert {r.status for r in rows()} == {"sent"}
    subject = smtp.mailbox.deliveries[0].message["Subject"]
    assert "Tournoi de pétanque" in subject

    worker.wait()
    tasks.send_notification.enqueue(OutgoingMail.Kind.EVENT_PROPOSAL, proposal.pk)
    worker()
    assert smtp.mailbox.recipients() == editors


def test_proposal_recipients_follow_the_permission_not_the_group_name(
    client, agenda, django_capture_on_commit_callbacks
):
    agenda_group = Group.objects.get(name="Agenda")
    agenda_group.name = "Équipe de l'agenda"
    agenda_group.save()
    UserFactory(username="agent-agenda", groups=["Équipe de l'agenda"])
    Group.objects.create(name="Agenda")  # a new group by the old name, without the right
    UserFactory(username="agent-homonyme", groups=["Agenda"])
    direct = UserFactory(username="agent-direct")
    direct.user_permissions.add(Permission.objects.get(codename="receive_proposal_notifications"))
    UserFactory(username="agent-parti", groups=["Équipe de l'agenda"], is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(agenda.url + "proposer/", proposal_data())

    proposals = [m for m in mail.outbox if m.subject.startswith("Nouvelle proposition")]
    notified = sorted(address for message in proposals for address in message.to)
    assert "agent-agenda@villeneuve-sur-lys.fr" in notified
    assert "agent-direct@villeneuve-sur-lys.fr" in notified
    assert "agent-homonyme@villeneuve-sur-lys.fr" not in notified
    assert "agent-parti@villeneuve-sur-lys.fr" not in notified
    assert len(notified) == len(set(notified))  # one mail each


def test_permanent_refusal_fails_at_once_and_shows_in_the_admin(
    client, contact_page, smtp, worker, django_capture_on_commit_callbacks
):
    smtp.mailbox.refuse = "550 5.1.1 Boîte inconnue"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(contact_page.url, contact_data(contact_page)).status_code == 200
    worker()
    submission = FormSubmission.objects.get(page=contact_page)
    rows = rows_of(OutgoingMail.Kind.CONTACT_FORM, submission.pk)
    assert {(r.status, r.attempts, r.last_error) for r in rows} == {
        ("failed", 1, "SMTPRecipientsRefused 550")
    }
    assert not DBTaskResult.objects.filter(status="READY").exists()  # no retry

    admin = UserFactory(username="admin-test", is_superuser=True, is_staff=True)
    login_verified(client, admin)
    listing = client.get(reverse("courriels-notification:index"))
    assert listing.status_code == 200
    assert "Échec" in listing.text
    assert "SMTPRecipientsRefused 550" in listing.text
    # Read-only, even for a superuser.
    assert client.get(reverse("courriels-notification:add")).status_code in (302, 403)
    edit = reverse("courriels-notification:edit", args=[rows[0].pk])
    assert client.get(edit).status_code in (302, 403)


def test_temporary_failures_give_up_after_the_last_attempt(
    client, contact_page, smtp, worker, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(tasks, "MAX_ATTEMPTS", 3)
    smtp.mailbox.refuse = "421 4.7.0 Trop de connexions"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, contact_data(contact_page))
    for _attempt in range(5):
        worker.wait()
        worker()
    rows = OutgoingMail.objects.all()
    assert {(r.status, r.attempts) for r in rows} == {("failed", 3)}
    assert smtp.mailbox.deliveries == []
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_spam_and_forms_without_address_queue_nothing(
    client, home, contact_page, django_capture_on_commit_callbacks
):
    silent = ContactFormPageFactory(parent=home, to_address="")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, contact_data(contact_page, site_web="http://spam.example"))
        assert client.post(silent.url, contact_data(silent)).status_code == 200
    assert FormSubmission.objects.filter(page=silent).exists()
    assert not OutgoingMail.objects.exists()
    assert mail.outbox == []


def test_mail_whose_task_was_lost_is_enqueued_again(
    client, contact_page, smtp, worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, contact_data(contact_page))
    DBTaskResult.objects.all().delete()  # e.g. the task queue was lost in an outage
    worker()
    assert smtp.mailbox.deliveries == []
    output = io.StringIO()
    call_command("send_pending_notifications", stdout=output)
    assert "1 notification(s) enqueued" in output.getvalue()
    worker()
    assert smtp.mailbox.recipients() == sorted(SERVICES)
    call_command("send_pending_notifications", stdout=output)
    worker()
    assert len(smtp.mailbox.deliveries) == 2
