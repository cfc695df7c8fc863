"""The alert in the admin: the list of alerts with the form that launches one, the status
of one alert across its channels, and ending it. Reserved to the launch_alert permission."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.models import Alert
from newsletters.stats import campaign_stats
from social.models import SocialPost

from . import broadcasting
from .forms import EndForm, LaunchForm
from .models import Broadcast

PERMISSION = "alerts.launch_alert"


def require_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def index(request):
    """Past alerts, and the form that launches a new one."""
    require_permission(request)
    form = LaunchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        broadcast = form.save(commit=False)
        broadcast.site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        broadcasting.launch(broadcast, form.cleaned_data["neighbourhoods"], request.user)
        messages.success(request, _("Alerte lancée sur tous les canaux choisis."))
        return redirect("alerts:status", broadcast.pk)
    return TemplateResponse(
        request,
        "alerts/index.html",
        {"form": form, "broadcasts": Broadcast.objects.all()[:50], "page_title": _("Alertes")},
    )


def status(request, pk: int):
    """Each channel's progress and failures for one alert; the form that ends it."""
    require_permission(request)
    broadcast = get_object_or_404(Broadcast, pk=pk)
    form = EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        broadcasting.end(broadcast, form.cleaned_data["end_message"], request.user)
        messages.success(request, _("Alerte terminée : le bandeau est retiré."))
        return redirect("alerts:status", broadcast.pk)
    return TemplateResponse(
        request,
        "alerts/status.html",
        {
            "broadcast": broadcast,
            "form": form,
            "page_title": broadcast.title,
            "banner_live": banner_live(broadcast),
            "sms": sms_progress(broadcast.sms_campaign),
            "end_sms": sms_progress(broadcast.end_sms_campaign),
            "posts": SocialPost.objects.filter(
                site=broadcast.site, subject__startswith=f"alert-{broadcast.pk}-"
            ).order_by("subject", "network"),
        },
    )


def banner_live(broadcast: Broadcast) -> bool:
    return (
        broadcast.banner_id is not None
        and Alert.objects.not_over().filter(pk=broadcast.banner_id).exists()
    )


def sms_progress(campaign) -> dict | None:
    if campaign is None:
        return None
    return {"campaign": campaign, "figures": campaign_stats(campaign)}
