"""The admin's sending actions on a newsletter page, one small view each: send a test,
send now, schedule, and cancel, pause or resume its campaign. They check who may do what,
then hand over to the dispatch API (newsletters/dispatch.py).

A test needs edit permission on the page and sends its latest draft: that is what it is
for. Sending needs the "send a campaign" permission too, and only the published letter is
ever sent: a contributor prepares and submits it, the webmaster approves (Wagtail's
workflow) and sends. An invalid form is shown again with its messages and what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.log_actions import log

from core.i18n import language_code_of

from .models import Campaign, NewsletterPage

MAX_TEST_ADDRESSES = 10
ADDRESS_SEPARATORS = re.compile(r"[\s,;]+")
ACTIVE = (Campaign.Status.SCHEDULED, Campaign.Status.SENDING, Campaign.Status.PAUSED)


def dispatch_api():
    """The dispatch module, imported when an action runs (it imports the task machinery,
    which the page editor does not need to load)."""
    from . import dispatch

    return dispatch


# -- Who may do what -------------------------------------------------------------------------


def can_send(user, page: NewsletterPage) -> bool:
    return user.has_perm("newsletters.send_campaign") and page.permissions_for_user(user).can_edit()


def current_campaign(page: NewsletterPage) -> Campaign | None:
    """The letter's latest campaign, from whichever of its translations it was sent."""
    return (
        Campaign.objects.filter(page__translation_key=page.translation_key)
        .order_by("-created_at", "-pk")
        .first()
    )


def sending_obstacle(page: NewsletterPage) -> str | None:
    """Why the letter cannot be sent now, in the editor's words, or None."""
    if not page.live:
        return _(
            "La lettre n'est pas publiée : soumettez-la à validation ; elle pourra être "
            "envoyée une fois publiée."
        )
    if not page.segment_id:
        return _("Choisissez les destinataires de la lettre (onglet Contenu), puis publiez-la.")
    campaign = current_campaign(page)
    if campaign and campaign.status in ACTIVE:
        return _("Une campagne de cette lettre est déjà programmée ou en cours.")
    return None


# -- Forms -----------------------------------------------------------------------------------


def typed_items(
    typed: str, separators: re.Pattern, normalise: Callable[[str], str]
) -> tuple[list[str], list[str]]:
    """The recipients typed in a test form, each once in its normalised form (`normalise`
    raises ValidationError for one that is not valid), and those that are not valid."""
    items: list[str] = []
    invalid: list[str] = []
    for item in separators.split(typed):
        item = item.strip()
        if not item:
            continue
        try:
            value = normalise(item)
        except ValidationError:
            invalid.append(item)
            continue
        if value.lower() not in (known.lower() for known in items):
            items.append(value)
    return items, invalid


def valid_address(address: str) -> str:
    """The address as typed, if it is one (ValidationError otherwise)."""
    validate_email(address)
    return address


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=_("Adresses de test"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Jusqu'à 10 adresses, séparées par des virgules ou des retours à la ligne."),
    )
    language = forms.ChoiceField(label=_("Version"))

    def __init__(self, *args, page: NewsletterPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.letters = {
            language_code_of(letter): letter
            for letter in page.get_translations(inclusive=True).select_related("locale")
        }
        self.fields["language"].choices = [
            (letter.locale.language_code, letter.locale.get_display_name())
            for letter in self.letters.values()
        ]
        self.fields["language"].initial = language_code_of(page)

    def clean_addresses(self) -> list[str]:
        addresses, invalid = typed_items(
            self.cleaned_data["addresses"], ADDRESS_SEPARATORS, valid_address
        )
        if invalid:
            raise ValidationError(
                ngettext(
                    "Cette adresse n'est pas valide : %(addresses)s",
                    "Ces adresses ne sont pas valides : %(addresses)s",
                    len(invalid),
                )
                % {"addresses": ", ".join(invalid)}
            )
        if not addresses:
            raise ValidationError(_("Indiquez au moins une adresse."))
        if len(addresses) > MAX_TEST_ADDRESSES:
            raise ValidationError(
                _("%(max)d adresses au plus pour un test.") % {"max": MAX_TEST_ADDRESSES}
            )
        return addresses

    def draft(self) -> NewsletterPage:
        """The letter in the chosen language as last saved (published or not)."""
        letter = self.letters[self.cleaned_data["language"]].specific
        return letter.get_latest_revision_as_object()


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(label=_("Date et heure d'envoi"), widget=AdminDateTimeInput)

    def clean_when(self) -> datetime:
        when = self.cleaned_data["when"]
        if when <= timezone.now():
            raise ValidationError(_("Choisissez une date à venir."))
        return when


# -- Views -----------------------------------------------------------------------------------


def edit_url(page: NewsletterPage) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    title: str,
    subject: str,
    action: str,
    back: str,
    back_label: str,
    template: str = "newsletters/admin/campaign_action_form.html",
    **context,
) -> HttpResponse:
    """An action's form on a page of its own: shown again with its errors (and what was
    typed), or reached without the editor's dialogs. `subject` names what is sent."""
    return render(
        request,
        template,
        {
            "form": form,
            "title": title,
            "subject": subject,
            "action": action,
            "back": back,
            "back_label": back_label,
            **context,
        },
    )


def letter_form_page(
    request: HttpRequest, page: NewsletterPage, form: forms.Form, title: str, action: str
) -> HttpResponse:
    """A form of the letter's sending tab on a page of its own."""
    return form_page(
        request,
        form,
        title=title,
        subject=page.title,
        action=action,
        back=edit_url(page),
        back_label=_("Retour à la lettre"),
    )


def editable_letter(request: HttpRequest, page_id: int) -> NewsletterPage:
    page = get_object_or_404(NewsletterPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def sendable_letter(request: HttpRequest, page_id: int) -> NewsletterPage:
    page = get_object_or_404(NewsletterPage, pk=page_id)
    if not can_send(request.user, page):
        raise PermissionDenied
    return page


@require_http_methods(["GET", "POST"])
def send_test(request: HttpRequest, page_id: int) -> HttpResponse:
    page = editable_letter(request, page_id)
    form = TestSendForm(request.POST or None, page=page)
    if not form.is_valid():
        action = reverse("newsletters_compose:send_test", args=[page.pk])
        return letter_form_page(request, page, form, _("Envoyer un test"), action)
    addresses = form.cleaned_data["addresses"]
    dispatch_api().send_test(form.draft(), addresses, form.cleaned_data["language"])
    log(page, "newsletters.send_test", user=request.user, data={"count": len(addresses)})
    messages.success(
        request,
        ngettext(
            "Courriel de test envoyé à %(count)d adresse.",
            "Courriel de test envoyé à %(count)d adresses.",
            len(addresses),
        )
        % {"count": len(addresses)},
    )
    return redirect(edit_url(page))


def start_campaign(request: HttpRequest, page: NewsletterPage, when: datetime) -> bool:
    """Schedule the published letter for its segment at `when`, or say why it cannot be."""
    obstacle = sending_obstacle(page)
    if obstacle:
        messages.error(request, obstacle)
        return False
    campaign = dispatch_api().schedule_campaign(page, page.segment, when, request.user)
    log(page, "newsletters.schedule", user=request.user, data={"campaign": campaign.pk})
    return True


@require_POST
def send_now(request: HttpRequest, page_id: int) -> HttpResponse:
    page = sendable_letter(request, page_id)
    if start_campaign(request, page, timezone.now()):
        messages.success(request, _("L'envoi de la lettre a commencé."))
    return redirect(edit_url(page))


@require_http_methods(["GET", "POST"])
def schedule(request: HttpRequest, page_id: int) -> HttpResponse:
    page = sendable_letter(request, page_id)
    form = ScheduleForm(request.POST or None)
    if not form.is_valid():
        action = reverse("newsletters_compose:schedule", args=[page.pk])
        return letter_form_page(request, page, form, _("Programmer l'envoi"), action)
    when = form.cleaned_data["when"]
    if start_campaign(request, page, when):
        messages.success(
            request,
            _("Envoi programmé le %(when)s.")
            % {"when": formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")},
        )
    return redirect(edit_url(page))


# The controls of a campaign under way: which states each one applies to, what it does.
CONTROLS = {
    "cancel": (ACTIVE, "cancel", _("L'envoi est annulé.")),
    "pause": ((Campaign.Status.SENDING,), "pause", _("L'envoi est en pause.")),
    "resume": ((Campaign.Status.PAUSED,), "resume", _("L'envoi reprend.")),
}


def apply_control(
    request: HttpRequest, campaign: Campaign, control: str, logged, log_action: str
) -> None:
    """Cancel, pause or resume the campaign if its state allows, log it (`log_action`, on
    the letter or SMS `logged`) and say what was done, or why nothing was."""
    states, function_name, done = CONTROLS[control]
    if campaign.status not in states:
        messages.error(
            request,
            _("Impossible : la campagne est « %(status)s ».")
            % {"status": campaign.get_status_display()},
        )
        return
    getattr(dispatch_api(), function_name)(campaign)
    log(logged, log_action, user=request.user, data={"campaign": campaign.pk})
    messages.success(request, done)


def control_campaign(request: HttpRequest, campaign_id: int, control: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=campaign_id, page__isnull=False)
    page = campaign.page.specific
    if not can_send(request.user, page):
        raise PermissionDenied
    apply_control(request, campaign, control, page, f"newsletters.{control}")
    return redirect(edit_url(page))


@require_POST
def cancel(request: HttpRequest, campaign_id: int) -> HttpResponse:
    return control_campaign(request, campaign_id, "cancel")


@require_POST
def pause(request: HttpRequest, campaign_id: int) -> HttpResponse:
    return control_campaign(request, campaign_id, "pause")


@require_POST
def resume(request: HttpRequest, campaign_id: int) -> HttpResponse:
    return control_campaign(request, campaign_id, "resume")


# The actions, as the page's history shows them.
LOG_ACTIONS = [
    ("newsletters.send_test", _("Test de la lettre"), _("Courriel de test envoyé")),
    ("newsletters.schedule", _("Envoi de la lettre"), _("Envoi de la lettre programmé")),
    ("newsletters.cancel", _("Annulation de l'envoi"), _("Envoi de la lettre annulé")),
    ("newsletters.pause", _("Pause de l'envoi"), _("Envoi de la lettre mis en pause")),
    ("newsletters.resume", _("Reprise de l'envoi"), _("Envoi de la lettre repris")),
]
