"""Associations propose events through a public form; proposals land as drafts in the
moderation workflow and the agenda editors are told, by a task of the notifications app
(run at once by the test settings' immediate task backend)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale, WorkflowState

from events.models import EventIndexPage, EventPage, EventProposal
from notifications.models import OutgoingMail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda():
    return EventIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def proposal_url(agenda):
    return agenda.url + "proposer/"


def valid_data(**overrides):
    data = {
        "title": "Tournoi de pétanque des Amis de la Lys",
        "date": (timezone.localdate() + timedelta(days=20)).isoformat(),
        "start_time": "14:00",
        "end_time": "18:00",
        "location": "Boulodrome du parc du Moulin",
        "description": "Tournoi en doublettes ouvert à tous.\nBuvette sur place.",
        "audience": "Tout public",
        "price": "5 € par équipe",
        "registration_url": "",
        "organisation": "Les Amis de la Lys",
        "contact_name": "Martine Leroy",
        "contact_email": "martine.leroy@example.org",
        "contact_phone": "",
    }
    data.update(overrides)
    return data


def test_form_is_reachable_and_accessible(client, proposal_url):
    response = client.get(proposal_url)
    assert response.status_code == 200
    assert 'autocomplete="email"' in response.text
    assert 'for="id_title"' in response.text


def test_proposal_becomes_a_draft_in_moderation(
    client, proposal_url, agenda, django_capture_on_commit_callbacks
):
    UserFactory(username="agent-agenda", groups=["Agenda"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(proposal_url, valid_data())
    assert response.status_code == 302
    event = EventPage.objects.get(title="Tournoi de pétanque des Amis de la Lys")
    assert not event.live
    assert event.get_parent().pk == agenda.pk
    assert event.organiser == "Les Amis de la Lys"
    assert EventProposal.objects.get(page=event).contact_email == "martine.leroy@example.org"
    assert WorkflowState.objects.filter(
        object_id=str(event.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    editors_mail = [m for m in mail.outbox if "agent-agenda@villeneuve-sur-lys.fr" in m.to]
    assert len(editors_mail) == 1
    assert "Tournoi de pétanque" in editors_mail[0].subject
    assert "Boulodrome du parc du Moulin" in editors_mail[0].body
    sent = OutgoingMail.objects.get(
        kind=OutgoingMail.Kind.EVENT_PROPOSAL,
        object_id=event.proposal.pk,
        recipient="agent-agenda@villeneuve-sur-lys.fr",
    )
    assert sent.status == OutgoingMail.Status.SENT
    # The thank-you page confirms without publishing anything.
    thanks = client.get(response["Location"])
    assert "bien été reçue" in thanks.text
    assert (
        client.get(event.url or "/agenda/tournoi-de-petanque-des-amis-de-la-lys/").status_code
        == 404
    )


def test_contact_details_never_reach_the_public_page_or_api(client, proposal_url):
    client.post(proposal_url, valid_data())
    event = EventPage.objects.get(title="Tournoi de pétanque des Amis de la Lys")
    event.save_revision().publish()
    assert "martine.leroy@example.org" not in client.get(event.url).text
    assert "martine.leroy" not in client.get(f"/api/v2/events/{event.pk}/").text


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("title", "", "Champ requis"),
        ("date", "31/02/2027", "Saisissez une date valide"),
        ("date", "2001-01-01", "déjà passée"),
        ("end_time", "10:00", "heure de fin doit suivre"),
        ("contact_email", "pas-un-courriel", "adresse e-mail valide"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(
    client, proposal_url, field, value, message
):
    response = client.post(proposal_url, valid_data(**{field: value}))
    assert response.status_code == 400
    assert message in response.text
    assert 'role="alert"' in response.text
    assert "Boulodrome du parc du Moulin" in response.text  # nothing lost
    assert not EventPage.objects.filter(title="Tournoi de pétanque des Amis de la Lys").exists()


def test_honeypot_silently_drops_bots(client, proposal_url, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(proposal_url, valid_data(site_web="http://spam.example"))
    assert response.status_code == 302
    assert not EventPage.objects.filter(title="Tournoi de pétanque des Amis de la Lys").exists()
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_rate_limit_stops_floods_with_an_explanation(client, proposal_url, settings):
    settings.COMMUNE_PROPOSALS_PER_HOUR = 2
    for number in range(2):
        response = client.post(proposal_url, valid_data(title=f"Événement {number}"))
        assert response.status_code == 302
    response = client.post(proposal_url, valid_data(title="Un de trop"))
    assert response.status_code == 429
    assert "réessayer" in response.text
    assert not EventPage.objects.filter(title="Un de trop").exists()
