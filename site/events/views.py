"""The public form through which associations propose an event for the agenda. The agenda
page routes to it (EventIndexPage.propose) and stores the proposal itself."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from core.ratelimit import rate_limited

from .forms import EventProposalForm

THANKS_FLAG = "merci"


def propose_event(request, index_page):
    context = {"page": index_page, "self": index_page}
    if request.method == "POST":
        if rate_limited(request, "event-proposal", settings.COMMUNE_PROPOSALS_PER_HOUR):
            return TemplateResponse(request, "core/rate_limited.html", context, status=429)
        form = EventProposalForm(request.POST)
        if form.is_valid():
            if not form.is_spam:
                index_page.add_proposed_event(form)
            return redirect(f"{index_page.url}proposer/?{THANKS_FLAG}=1")
        status = 400
    else:
        form = EventProposalForm()
        status = 200
    context.update(form=form, thanks=THANKS_FLAG in request.GET)
    return TemplateResponse(request, "events/event_proposal.html", context, status=status)
