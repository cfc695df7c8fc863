"""The admin's sending actions on an SMS, one small view each, as campaign_actions.py has
for letters: send a test to a few numbers, send now, schedule, cancel, pause or resume its
campaign, and settle the messages whose outcome is unknown (send them again, or count them
as sent). They check who may do what, then hand over to the dispatch API.

A test needs the right to change the SMS. Sending needs the "send a campaign" permission,
and an urgent alert the "send an urgent SMS alert" one too. Every send is logged on the SMS,
an urgent alert with who sent it. A message that is not urgent leaves inside the town's
sending window: the confirmation and the message after it say when it will actually leave.
An SMS is sent once: to write again, the team writes a new one.
"""

from __future__ import annotations

import re
from datetime import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.log_actions import LogFormatter, log

from connectors.sms import ACCEPTED, REJECTED, RETRY, UNKNOWN, Result

from . import scope
from .campaign_actions import (
    ACTIVE,
    ScheduleForm,
    apply_control,
    dispatch_api,
    form_page,
    typed_items,
)
from .models import Campaign, Delivery, SmsMessage, SmsSettings
from .phones import display_mobile, parse_mobile
from .sms_counter import Figures, figures_for
from .sms_text import checked_stats, text_of
from .sms_window import is_open, next_opening, window_for_site

SEND_PERMISSION = "newsletters.send_campaign"
URGENT_PERMISSION = "newsletters.send_urgent_sms"
MAX_TEST_NUMBERS = 5
# A number may be typed with spaces ("06 12 34 56 78"): only commas, semicolons and line
# breaks separate two of them.
NUMBER_SEPARATORS = re.compile(r"[,;\n]+")
# "Send again" needs a campaign that sends: one cancelled stays cancelled.
RESENDABLE = (Campaign.Status.SENDING, Campaign.Status.PAUSED, Campaign.Status.SENT)


# -- Who may do what -------------------------------------------------------------------------


def may_send_urgent(user) -> bool:
    """Whether `user` may write and send urgent alerts."""
    return user.has_perm(URGENT_PERMISSION)


def can_send(user, sms: SmsMessage) -> bool:
    """Sending needs the send permission; an urgent alert, the urgent one too."""
    return user.has_perm(SEND_PERMISSION) and (not sms.urgent or may_send_urgent(user))


def can_test(user) -> bool:
    """A test goes to the editor's own phone: whoever may change an SMS may test it."""
    return user.has_perm("newsletters.change_smsmessage")


def current_campaign(sms: SmsMessage) -> Campaign | None:
    """The SMS's latest campaign."""
    return sms.campaigns.order_by("-created_at", "-pk").first()


def started_campaigns(sms: SmsMessage) -> QuerySet[Campaign]:
    """Its campaigns but those cancelled before they started, which sent nothing."""
    return sms.campaigns.exclude(status=Campaign.Status.CANCELLED, started_at__isnull=True)


def is_locked(sms: SmsMessage) -> bool:
    """Scheduled, sending or sent: the text and the recipients can no longer change (the
    campaign has its segment, and the text that left is frozen at the start)."""
    return started_campaigns(sms).exists()


def sending_obstacle(sms: SmsMessage, town: SmsSettings) -> str | None:
    """Why the SMS cannot be sent now, in the editor's words, or None."""
    if started_campaigns(sms).filter(status__in=ACTIVE).exists():
        return _("Un envoi de ce SMS est déjà programmé ou en cours.")
    if is_locked(sms):
        return _("Ce SMS a déjà été envoyé. Pour écrire de nouveau, créez un autre SMS.")
    try:
        checked_stats(text_of(sms, town), town)
    except ValidationError as error:
        return _("%(reason)s Modifiez le SMS avant de l'envoyer.") % {"reason": error.messages[0]}
    return None


# -- When it leaves ----------------------------------------------------------------------------


def leaves_at(sms: SmsMessage, due: datetime) -> datetime | None:
    """When an SMS due at `due` will actually leave if the town's window moves it (it is
    not urgent and `due` is outside the window); None when it leaves when due."""
    if sms.urgent:
        return None
    window = window_for_site()
    return None if is_open(due, window) else next_opening(due, window)


def local_datetime(when: datetime) -> str:
    """A moment as the admin writes it, in the town's time."""
    return formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")


def recipients_figures(sms: SmsMessage, town: SmsSettings) -> Figures:
    """The counter of a saved SMS for its segment's recipients today."""
    return figures_for(
        sms.text, urgent=sms.urgent, recipients=sms.segment.recipients().count(), town=town
    )


# -- Forms -------------------------------------------------------------------------------------


class SmsTestForm(forms.Form):
    """The numbers a test goes to, each checked as a mobile and kept in E.164."""

    numbers = forms.CharField(
        label=_("Numéros de test"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Jusqu'à 5 numéros de mobile, séparés par des virgules ou des retours à la ligne "
            "(par exemple 06 12 34 56 78)."
        ),
    )

    def clean_numbers(self) -> list[str]:
        numbers, invalid = typed_items(
            self.cleaned_data["numbers"], NUMBER_SEPARATORS, parse_mobile
        )
        if invalid:
            raise ValidationError(
                ngettext(
                    "Ce numéro n'est pas un mobile valide : %(numbers)s",
                    "Ces numéros ne sont pas des mobiles valides : %(numbers)s",
                    len(invalid),
                )
                % {"numbers": ", ".join(invalid)}
            )
        if not numbers:
            raise ValidationError(_("Indiquez au moins un numéro."))
        if len(numbers) > MAX_TEST_NUMBERS:
            raise ValidationError(
                _("%(max)d numéros au plus pour un test.") % {"max": MAX_TEST_NUMBERS}
            )
        return numbers


# What each gateway answer means for the editor who sent a test.
TEST_OUTCOMES = {
    ACCEPTED: (
        _("Accepté"),
        _("La passerelle a pris le SMS : il arrive en général en quelques secondes."),
    ),
    REJECTED: (
        _("Refusé"),
        _(
            "La passerelle a refusé ce SMS (numéro inconnu ou désinscrit, expéditeur non "
            "autorisé…) : il ne partira pas."
        ),
    ),
    RETRY: (
        _("Non parti"),
        _("La passerelle n'a pas pu le prendre pour l'instant : réessayez dans quelques minutes."),
    ),
    UNKNOWN: (
        _("Issue inconnue"),
        _(
            "La passerelle n'a pas répondu : le SMS est peut-être parti. Regardez le téléphone "
            "avant de réessayer."
        ),
    ),
}


def test_outcome(number: str, result: Result) -> dict:
    """One number's gateway answer as the test page shows it, in the editor's words."""
    label, meaning = TEST_OUTCOMES.get(result.status, TEST_OUTCOMES[UNKNOWN])
    return {
        "number": display_mobile(number),
        "accepted": result.status == ACCEPTED,
        "label": label,
        "meaning": meaning,
        "reason": result.reason,
    }


# -- Pages -------------------------------------------------------------------------------------


def status_url(sms: SmsMessage) -> str:
    """The SMS's page, where every action returns."""
    return reverse("newsletters_sms:inspect", args=[sms.pk])


def action_url(name: str, pk: int) -> str:
    """The URL of an action on an SMS or on its campaign (`pk` is the one the action takes)."""
    return reverse(f"newsletters_sms:{name}", args=[pk])


def sms_form_page(
    request: HttpRequest,
    sms: SmsMessage,
    form: forms.Form,
    title: str,
    action: str,
    back_label: str = _("Retour au SMS"),
    **context,
) -> HttpResponse:
    """An action's page: its form, with what the editor must know before deciding."""
    return form_page(
        request,
        form,
        title=title,
        subject=sms.title,
        action=action,
        back=status_url(sms),
        back_label=back_label,
        template="newsletters/admin/sms_action_form.html",
        icon="mobile-alt",
        sms=sms,
        **context,
    )


def sms_of(request: HttpRequest, pk: int) -> SmsMessage:
    """The SMS, if addressed to a segment in the user's reach (404 otherwise)."""
    messages_in_reach = scope.sms_in_reach(request.user, SmsMessage.objects.all())
    return get_object_or_404(messages_in_reach.select_related("segment"), pk=pk)


def testable_sms(request: HttpRequest, pk: int) -> SmsMessage:
    """The SMS, if the user may test it."""
    sms = sms_of(request, pk)
    if not can_test(request.user):
        raise PermissionDenied
    return sms


def sendable_sms(request: HttpRequest, pk: int) -> SmsMessage:
    """The SMS, if the user may send it."""
    sms = sms_of(request, pk)
    if not can_send(request.user, sms):
        raise PermissionDenied
    return sms


def sendable_campaign(request: HttpRequest, campaign_id: int) -> Campaign:
    """An SMS campaign in reach, if the user may send its SMS."""
    messages_in_reach = scope.sms_in_reach(request.user, SmsMessage.objects.all())
    campaigns = Campaign.objects.select_related("sms", "segment")
    campaign = get_object_or_404(campaigns, pk=campaign_id, sms__in=messages_in_reach)
    if not can_send(request.user, campaign.sms):
        raise PermissionDenied
    return campaign


# -- Test --------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def send_test(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the SMS as it stands to a few numbers, and show each number's answer."""
    sms = testable_sms(request, pk)
    form = SmsTestForm(request.POST or None)
    title, action = _("Envoyer un test"), action_url("send_test", sms.pk)
    if not form.is_valid():
        return sms_form_page(request, sms, form, title, action)
    numbers = form.cleaned_data["numbers"]
    results = dispatch_api().send_sms_test(sms, numbers)
    log(sms, "newsletters.sms_test", user=request.user, data={"count": len(numbers)})
    outcomes = [test_outcome(n, r) for n, r in zip(numbers, results, strict=True)]
    return sms_form_page(request, sms, form, title, action, outcomes=outcomes)


# -- Send now, schedule ------------------------------------------------------------------------


def sending_context(sms: SmsMessage, due: datetime | None) -> dict:
    """What the sending pages show before the decision: the figures for today's
    recipients, why it cannot be sent, and when it would leave if sent now."""
    town = window_for_site()
    later = leaves_at(sms, due) if due else None
    return {
        "figures": recipients_figures(sms, town),
        "obstacle": sending_obstacle(sms, town),
        "leaves_at": local_datetime(later) if later else "",
    }


def start_sending(request: HttpRequest, sms: SmsMessage, when: datetime | None) -> None:
    """Schedule the SMS's campaign (now when `when` is None), log it and say when it
    leaves; or say why it cannot. The SMS row is locked meanwhile: two clicks, one campaign."""
    with transaction.atomic():
        SmsMessage.objects.select_for_update().filter(pk=sms.pk).first()
        obstacle = sending_obstacle(sms, window_for_site())
        if obstacle:
            messages.error(request, obstacle)
            return
        campaign = dispatch_api().schedule_sms(sms, when, request.user)
        log_sending(request, sms, campaign, when)
    messages.success(request, sending_message(sms, when))


def log_sending(
    request: HttpRequest, sms: SmsMessage, campaign: Campaign, when: datetime | None
) -> None:
    """Every send or schedule in the SMS's history; an urgent alert with who sent it."""
    data = {"campaign": campaign.pk, "when": campaign.scheduled_at.isoformat()}
    if sms.urgent:
        # Said in the SMS's history with the sender's name, kept if the account goes.
        data["sent_by"] = get_user_display_name(request.user)
        action = "newsletters.sms_urgent"
    else:
        action = "newsletters.sms_schedule" if when else "newsletters.sms_send"
    log(sms, action, user=request.user, data=data)


def sending_message(sms: SmsMessage, when: datetime | None) -> str:
    """What the editor reads once the SMS is sent or scheduled: when it really leaves."""
    later = leaves_at(sms, when or timezone.now())
    if when is None:
        if sms.urgent:
            return _("L'alerte urgente part maintenant.")
        if later:
            return _(
                "Nous sommes hors de la plage d'envoi de la commune : le SMS partira le %(when)s."
            ) % {"when": local_datetime(later)}
        return _("L'envoi du SMS a commencé.")
    scheduled = _("Envoi programmé le %(when)s.") % {"when": local_datetime(when)}
    if later:
        moved = _("Cette date est hors de la plage d'envoi : le SMS partira le %(when)s.") % {
            "when": local_datetime(later)
        }
        return f"{scheduled} {moved}"
    return scheduled


@require_http_methods(["GET", "POST"])
def send_now(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation with the figures and when it leaves, then the campaign."""
    sms = sendable_sms(request, pk)
    if request.method == "POST":
        start_sending(request, sms, None)
        return redirect(status_url(sms))
    title = _("Envoyer l'alerte urgente") if sms.urgent else _("Envoyer le SMS maintenant")
    context = sending_context(sms, timezone.now())
    return sms_form_page(
        request, sms, forms.Form(), title, action_url("send_now", sms.pk), **context
    )


@require_http_methods(["GET", "POST"])
def schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """The date to send at, with the figures, then the campaign."""
    sms = sendable_sms(request, pk)
    form = ScheduleForm(request.POST or None)
    if not form.is_valid():
        context = sending_context(sms, None)
        action = action_url("schedule", sms.pk)
        return sms_form_page(request, sms, form, _("Programmer l'envoi"), action, **context)
    start_sending(request, sms, form.cleaned_data["when"])
    return redirect(status_url(sms))


# -- Cancel, pause, resume ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """A confirmation (the recipients still waiting will not get the SMS), then the cancel."""
    campaign = sendable_campaign(request, campaign_id)
    if request.method == "POST":
        apply_control(request, campaign, "cancel", campaign.sms, "newsletters.sms_cancel")
        return redirect(status_url(campaign.sms))
    return sms_form_page(
        request,
        campaign.sms,
        forms.Form(),
        _("Annuler l'envoi"),
        action_url("cancel", campaign.pk),
        back_label=_("Ne rien changer"),
        submit_class="no",
        notices=[_("Les destinataires qui n'ont pas encore reçu le SMS ne le recevront pas.")],
    )


def control(request: HttpRequest, campaign_id: int, name: str) -> HttpResponse:
    """Pause or resume the SMS's campaign, and go back to its page."""
    campaign = sendable_campaign(request, campaign_id)
    apply_control(request, campaign, name, campaign.sms, f"newsletters.sms_{name}")
    return redirect(status_url(campaign.sms))


@require_POST
def pause(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """Stop sending after the batches handed to the gateway."""
    return control(request, campaign_id, "pause")


@require_POST
def resume(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """Send the rest of a paused campaign."""
    return control(request, campaign_id, "resume")


# -- Messages whose outcome is unknown ---------------------------------------------------------


def resend_risk(count: int) -> str:
    """What sending again the messages of unknown outcome may do."""
    return ngettext(
        "%(count)d SMS dont l'issue est inconnue va repartir. Si la passerelle l'avait en fait "
        "envoyé, la personne le recevra deux fois, et chaque envoi est facturé. Avant de "
        "renvoyer, vérifiez dans l'espace du fournisseur qu'il n'est pas parti.",
        "%(count)d SMS dont l'issue est inconnue vont repartir. Si la passerelle les avait en "
        "fait envoyés, ces personnes les recevront deux fois, et chaque envoi est facturé. "
        "Avant de renvoyer, vérifiez dans l'espace du fournisseur qu'ils ne sont pas partis.",
        count,
    ) % {"count": count}


def confirm_risk(count: int) -> str:
    """What counting them as sent may do."""
    return ngettext(
        "%(count)d SMS dont l'issue est inconnue sera compté comme envoyé, sans nouvel envoi. "
        "S'il n'était pas parti, la personne ne recevra pas le message. Confirmez seulement "
        "si l'espace du fournisseur montre qu'il est parti.",
        "%(count)d SMS dont l'issue est inconnue seront comptés comme envoyés, sans nouvel "
        "envoi. Si certains n'étaient pas partis, ces personnes ne recevront pas le message. "
        "Confirmez seulement si l'espace du fournisseur montre qu'ils sont partis.",
        count,
    ) % {"count": count}


def resent_message(count: int) -> str:
    """Said once the messages of unknown outcome are queued again."""
    return ngettext("%(count)d SMS va repartir.", "%(count)d SMS vont repartir.", count) % {
        "count": count
    }


def confirmed_message(count: int) -> str:
    """Said once they count as sent."""
    return ngettext(
        "%(count)d SMS compté comme envoyé.", "%(count)d SMS comptés comme envoyés.", count
    ) % {"count": count}


# The operator's two decisions, by the dispatch function that carries each out: the page's
# title, the risk it explains, what is said once done, the campaign states it applies to.
UNKNOWN_DECISIONS = {
    "resend_unknown": (_("Renvoyer"), resend_risk, resent_message, RESENDABLE),
    "confirm_unknown": (
        _("Confirmer comme envoyés"),
        confirm_risk,
        confirmed_message,
        tuple(Campaign.Status),
    ),
}


def settle_unknown(request: HttpRequest, campaign_id: int, decision: str) -> HttpResponse:
    """The confirmation explaining the decision's risk, then the decision."""
    campaign = sendable_campaign(request, campaign_id)
    title, risk, done, states = UNKNOWN_DECISIONS[decision]
    count = campaign.deliveries.filter(state=Delivery.State.UNKNOWN).count()
    obstacle = None
    if not count:
        obstacle = _("Aucun SMS de cette campagne n'a une issue inconnue.")
    elif campaign.status not in states:
        obstacle = _("Impossible : la campagne est « %(status)s ».") % {
            "status": campaign.get_status_display()
        }
    if request.method == "POST":
        if obstacle:
            messages.error(request, obstacle)
        else:
            settled = getattr(dispatch_api(), decision)(campaign)
            log(
                campaign.sms,
                f"newsletters.sms_{decision}",
                user=request.user,
                data={"campaign": campaign.pk, "count": settled},
            )
            messages.success(request, done(settled))
        return redirect(status_url(campaign.sms))
    return sms_form_page(
        request,
        campaign.sms,
        forms.Form(),
        title,
        action_url(decision, campaign.pk),
        back_label=_("Ne rien changer"),
        obstacle=obstacle,
        notices=[] if obstacle else [risk(count)],
    )


@require_http_methods(["GET", "POST"])
def resend_unknown(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """The operator checked with the gateway that they did not leave: they go again."""
    return settle_unknown(request, campaign_id, "resend_unknown")


@require_http_methods(["GET", "POST"])
def confirm_unknown(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """The operator checked with the gateway that they left: they count as sent."""
    return settle_unknown(request, campaign_id, "confirm_unknown")


# -- History -----------------------------------------------------------------------------------


class UrgentAlertFormatter(LogFormatter):
    """An urgent alert in the SMS's history says who sent it."""

    label = _("Alerte SMS urgente")

    def format_message(self, log_entry) -> str:
        name = log_entry.data.get("sent_by") or log_entry.user_display_name
        return _("Alerte urgente envoyée par %(name)s") % {"name": name}


# The actions, as the SMS's history shows them (the urgent alert has its formatter).
LOG_ACTIONS = [
    ("newsletters.sms_test", _("Test du SMS"), _("SMS de test envoyé")),
    ("newsletters.sms_send", _("Envoi du SMS"), _("Envoi du SMS lancé")),
    ("newsletters.sms_schedule", _("Envoi du SMS"), _("Envoi du SMS programmé")),
    ("newsletters.sms_cancel", _("Annulation de l'envoi"), _("Envoi du SMS annulé")),
    ("newsletters.sms_pause", _("Pause de l'envoi"), _("Envoi du SMS mis en pause")),
    ("newsletters.sms_resume", _("Reprise de l'envoi"), _("Envoi du SMS repris")),
    (
        "newsletters.sms_resend_unknown",
        _("Renvoi des SMS à l'issue inconnue"),
        _("SMS à l'issue inconnue renvoyés"),
    ),
    (
        "newsletters.sms_confirm_unknown",
        _("Confirmation des SMS à l'issue inconnue"),
        _("SMS à l'issue inconnue confirmés comme envoyés"),
    ),
]
URGENT_LOG_ACTION = ("newsletters.sms_urgent", UrgentAlertFormatter)
