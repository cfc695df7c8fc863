"""Background work of the agenda."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from .models import AGENDA_EDITORS_GROUP, EventPage


@task()
def notify_agenda_editors(event_id: int) -> int:
    """E-mail the agenda editors that an association proposed an event. Returns the number
    of editors notified."""
    event = EventPage.objects.filter(pk=event_id).select_related("proposal").first()
    if event is None:
        return 0
    editors = (
        get_user_model()
        .objects.filter(groups__name=AGENDA_EDITORS_GROUP, is_active=True)
        .exclude(email="")
    )
    edit_url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[event.pk])
    context = {"event": event, "proposal": event.proposal, "edit_url": edit_url}
    subject = render_to_string("events/email/proposal_subject.txt", context).strip()
    body = render_to_string("events/email/proposal_body.txt", context)
    messages = [(subject, body, None, [editor.email]) for editor in editors]
    return send_mass_mail(messages, fail_silently=False)


def notify_on_proposal(sender, event, **kwargs) -> None:
    """Receiver of events.models.event_proposed: the e-mail leaves through a task, once the
    proposal is committed."""
    transaction.on_commit(lambda: notify_agenda_editors.enqueue(event.pk))
