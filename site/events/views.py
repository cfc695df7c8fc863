"""The public form through which associations propose an event for the agenda."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import escape

from core.antispam import rate_limited

from .forms import EventProposalForm
from .models import EventPage, EventProposal
from .signals import event_proposed

THANKS_FLAG = "merci"


def propose_event(request, index_page):
    context = {"page": index_page, "self": index_page}
    if request.method == "POST":
        if rate_limited(request, "event-proposal", settings.COMMUNE_PROPOSALS_PER_HOUR):
            return TemplateResponse(request, "core/rate_limited.html", context, status=429)
        form = EventProposalForm(request.POST)
        if form.is_valid():
            if not form.is_spam:
                create_proposed_event(index_page, form)
            return redirect(f"{index_page.url}proposer/?{THANKS_FLAG}=1")
        status = 400
    else:
        form = EventProposalForm()
        status = 200
    context.update(form=form, thanks=THANKS_FLAG in request.GET)
    return TemplateResponse(request, "events/event_proposal.html", context, status=status)


@transaction.atomic
def create_proposed_event(index_page, form: EventProposalForm) -> EventPage:
    """Store the proposal as a draft event and put it in the agenda's moderation workflow;
    whoever listens to `event_proposed` (the notifications app) tells the editors."""
    data = form.cleaned_data
    paragraphs = "".join(
        f"<p>{escape(line)}</p>" for line in data["description"].splitlines() if line.strip()
    )
    event = EventPage(
        title=data["title"],
        intro=data["description"].splitlines()[0][:300],
        body=[("paragraph", paragraphs)],
        start=form.event_start(),
        end=form.event_end(),
        all_day=not data["start_time"],
        location=data["location"],
        audience=data["audience"],
        price=data["price"],
        registration_url=data["registration_url"],
        organiser=data["organisation"],
        live=False,
    )
    index_page.add_child(instance=event)
    event.save_revision()
    proposal = EventProposal.objects.create(
        page=event,
        organisation=data["organisation"],
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        contact_phone=data["contact_phone"],
    )
    workflow = event.get_workflow()
    if workflow:
        workflow.start(event, user=None)
    event_proposed.send(sender=EventProposal, proposal=proposal)
    return event
