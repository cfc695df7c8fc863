"""What each notification says and to whom. The content apps only say what happened; this
module reads their public models and page methods to write the e-mail."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from events.models import EventProposal

from .models import OutgoingMail

# Granted to a group or an account in the admin ("Recevoir les propositions par courriel").
PROPOSAL_PERMISSION = ("events", "receive_proposal_notifications")


@dataclass(frozen=True)
class Content:
    subject: str
    body: str
    from_email: str | None = None  # None: DEFAULT_FROM_EMAIL


def proposal_recipients() -> list[str]:
    """Active accounts that hold the permission, directly or through any of their groups
    (superusers are not included unless they hold it too)."""
    app_label, codename = PROPOSAL_PERMISSION
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None:
        return []
    users = get_user_model().objects.filter(
        Q(groups__permissions=permission) | Q(user_permissions=permission), is_active=True
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def _contact_form(object_id: int) -> Content | None:
    """Wagtail's AbstractEmailForm message: the page's subject, its sender (or the admin's
    notification sender), the body `render_email` writes."""
    submission = FormSubmission.objects.filter(pk=object_id).select_related("page").first()
    if submission is None:
        return None
    page = submission.page.specific
    from_email = (
        page.from_address
        or getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None)
        or settings.DEFAULT_FROM_EMAIL
    )
    return Content(page.subject, page.render_submission_email(submission), from_email)


def _event_proposal(object_id: int) -> Content | None:
    proposal = EventProposal.objects.filter(pk=object_id).select_related("page").first()
    if proposal is None:
        return None
    event = proposal.page
    edit_url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[event.pk])
    context = {"event": event, "proposal": proposal, "edit_url": edit_url}
    subject = render_to_string("notifications/email/event_proposal_subject.txt", context)
    body = render_to_string("notifications/email/event_proposal_body.txt", context)
    return Content(" ".join(subject.split()), body)


WRITERS = {
    OutgoingMail.Kind.CONTACT_FORM: _contact_form,
    OutgoingMail.Kind.EVENT_PROPOSAL: _event_proposal,
}


def content_of(kind: str, object_id: int) -> Content | None:
    """The e-mail for this notification, or None if its object was deleted meanwhile."""
    return WRITERS[kind](object_id)
