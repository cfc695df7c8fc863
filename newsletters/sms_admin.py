"""The SMS in the admin ("Lettres d'information" > "SMS"): the listing, the form with its
live counter (what the message costs as it is written: encoding, characters, segments,
recipients, cost), and each SMS's page, where it is tested, sent or scheduled and its
campaign followed (figures, the text that left, the recipients with masked numbers). The
actions themselves are in sms_actions.py. Every view is limited to the SMS addressed to a
segment in the user's reach (newsletters.scope)."""

from __future__ import annotations

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column

from connectors.sms.encoding import GSM_EXTENSION

from . import scope, sms_actions, stats
from .models import Campaign, Delivery, Segment, SmsMessage, SmsSettings
from .sms_actions import (
    action_url,
    can_send,
    can_test,
    current_campaign,
    is_locked,
    leaves_at,
    local_datetime,
    may_send_urgent,
    recipients_figures,
    sending_obstacle,
)
from .sms_counter import (
    euros,
    figures_for,
    grouped,
    script_tables,
)
from .sms_text import checked_stats, outgoing_text, text_of
from .sms_window import window_for_site
from .viewsets import (
    FIGURE_LABELS,
    LabelledCreateView,
    ReachDeleteView,
    ReachEditView,
    ReachIndexView,
    ReachInspectView,
    ReachViewSet,
    recipients_text,
)

PREVIEW = "preview"
RECIPIENTS_PER_PAGE = 50
# The figures of an SMS campaign, in the order the status view shows them.
SMS_FIGURE_LABELS = {
    "targeted": FIGURE_LABELS["targeted"],
    "pending": FIGURE_LABELS["pending"],
    "sent": FIGURE_LABELS["sent"],
    "delivered": FIGURE_LABELS["delivered"],
    "failed": FIGURE_LABELS["failed"],
    "unknown": _("Issue inconnue (à vérifier)"),
    "unsubscribed": _("Désinscrits (STOP)"),
    "skipped": FIGURE_LABELS["skipped"],
}


# -- The form --------------------------------------------------------------------------------


class SmsMessageForm(WagtailAdminModelForm):
    """An SMS as its author writes it: to an SMS segment in reach, at most as long as the
    town allows once the opt-out mention is added; urgent only for those allowed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.town = window_for_site()
        self.fields["segment"].queryset = scope.sms_segment_choices(self.for_user)
        self.fields["text"].help_text = mention_help(self.town)
        if not may_send_urgent(self.for_user):
            urgent = self.fields["urgent"]
            urgent.disabled = True
            urgent.help_text = _(
                "%(help)s Seules les personnes autorisées à envoyer les alertes urgentes "
                "peuvent cocher cette case."
            ) % {"help": urgent.help_text}

    def clean(self):
        cleaned = super().clean()
        urgent = bool(cleaned.get("urgent"))
        if urgent and not may_send_urgent(self.for_user):
            self.add_error(
                "urgent",
                _(
                    "Seule une personne autorisée à envoyer les alertes urgentes peut écrire "
                    "ou modifier une alerte urgente."
                ),
            )
        text = cleaned.get("text")
        if text:
            outgoing = outgoing_text(text, urgent=urgent, stop_mention=self.town.stop_mention)
            try:
                checked_stats(outgoing, self.town)
            except ValidationError as error:
                self.add_error("text", error)
        return cleaned


def mention_help(town: SmsSettings) -> str:
    """The text field's help: the mention added to the message, which counts in its length."""
    if not town.stop_mention:
        return ""
    return _(
        "Ajoutée à la fin de chaque SMS qui n'est pas une alerte urgente, et comptée dans sa "
        "longueur : « %(mention)s »."
    ) % {"mention": town.stop_mention}


class SmsCounterPanel(Panel):
    """The counter beside the text: computed by the server for the message as saved or as
    last submitted ("Prévisualiser" submits without saving), and as the editor types by a
    static script (newsletters/admin/sms-counter.js) with the server's tables."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletters/admin/sms_counter_panel.html"

        class Media:
            js = ["newsletters/admin/sms-counter.js"]
            css = {"all": ["newsletters/admin/sms-counter.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            town = self.form.town
            recipients = self.recipients()
            context.update(
                figures=figures_for(
                    self.form["text"].value() or "",
                    urgent=bool(self.form["urgent"].value()),
                    recipients=recipients,
                    town=town,
                ),
                tables=script_tables(town),
                recipients="" if recipients is None else recipients,
                recipients_url=reverse("newsletters_sms:recipients"),
                extension_characters=" ".join(GSM_EXTENSION.replace("\f", "")),
                preview_name=PREVIEW,
            )
            return context

        def recipients(self) -> int | None:
            """Today's recipients of the segment chosen in the form, if one is."""
            segments = self.form.fields["segment"].queryset
            segment = chosen_segment(segments, self.form["segment"].value())
            return segment.recipients().count() if segment else None


def chosen_segment(segments: QuerySet[Segment], chosen) -> Segment | None:
    """The segment among `segments` whose id was sent (as typed in a form or a query)."""
    chosen = str(chosen or "")
    return segments.filter(pk=int(chosen)).first() if chosen.isdigit() else None


# -- Views -----------------------------------------------------------------------------------


def latest_status(sms: SmsMessage) -> str:
    """The state of the SMS's latest campaign, as the listing shows it."""
    if not sms.latest_status:
        return _("Pas encore envoyé")
    return Campaign.Status(sms.latest_status).label


class SmsIndexView(ReachIndexView):
    """The SMS with the state of their latest campaign, each opening its page."""

    def get_base_queryset(self):
        latest = Campaign.objects.filter(sms=OuterRef("pk")).order_by("-created_at", "-pk")
        messages_in_reach = super().get_base_queryset().select_related("segment")
        return messages_in_reach.annotate(latest_status=Subquery(latest.values("status")[:1]))

    def get_edit_url(self, instance):
        # The SMS's page is where it is read, tested, sent and followed.
        return reverse(self.inspect_url_name, args=[instance.pk])


class PreviewMixin:
    """The "Prévisualiser" button checks the form and shows it again with the server's counter,
    without saving. Once saved, the SMS's page opens: that is where it is sent."""

    def form_valid(self, form):
        if PREVIEW in self.request.POST:
            self.form = form
            messages.info(self.request, _("Aperçu mis à jour : rien n'est encore enregistré."))
            return self.render_to_response(self.get_context_data(form=form))
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("newsletters_sms:inspect", args=[self.object.pk])


class SmsCreateView(PreviewMixin, LabelledCreateView):
    """A new SMS, from the town's default sender name, signed by its author."""

    def get_initial(self):
        return {**super().get_initial(), "sender": window_for_site().default_sender}

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class SmsEditView(PreviewMixin, ReachEditView):
    """An SMS already scheduled or sent opens read-only, on its page."""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if is_locked(self.object):
            return self.read_only()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if is_locked(self.object):
            return self.read_only()
        return super().post(request, *args, **kwargs)

    def read_only(self) -> HttpResponse:
        messages.warning(
            self.request,
            _(
                "Ce SMS est programmé ou envoyé : il ne peut plus être modifié. Pour un autre "
                "message, créez un nouveau SMS."
            ),
        )
        return redirect(reverse("newsletters_sms:inspect", args=[self.object.pk]))


class SmsDeleteView(ReachDeleteView):
    """Only an SMS never sent (its campaigns are its history)."""

    def get_queryset(self):
        return super().get_queryset().filter(campaigns__isnull=True)


def masked_number(phone: str) -> str:
    """A recipient's number as the status view shows it: +33 6 •• •• •• 78."""
    if not phone:
        return "—"
    try:
        parsed = phonenumbers.parse(phone)
    except phonenumbers.NumberParseException:
        return "•" * 6
    national = str(parsed.national_number)
    hidden = ["••"] * ((len(national) - 3 + 1) // 2)
    return " ".join([f"+{parsed.country_code}", national[0], *hidden, national[-2:]])


def recipients_page(campaign: Campaign, number: str | None) -> Page:
    """One page of the campaign's delivery rows, in the order they were created."""
    deliveries = campaign.deliveries.select_related("contact").only(
        "pk", "state", "error", "sent_at", "contact__phone"
    )
    return WagtailPaginator(deliveries.order_by("pk"), RECIPIENTS_PER_PAGE).get_page(number)


def recipient_rows(page: Page) -> list[dict]:
    """The rows as the status view lists them: masked number, state, date and error."""
    return [
        {
            "number": masked_number(row.contact.phone) if row.contact else _("Contact effacé"),
            "state": row.get_state_display(),
            "unknown": row.state == Delivery.State.UNKNOWN,
            "error": row.error,
            "sent_at": row.sent_at,
        }
        for row in page
    ]


def shown_figures(figures: dict) -> list[tuple[str, str]]:
    """The campaign's figures as the status view lists them, with the segments and cost."""
    rows = [(label, grouped(figures[name])) for name, label in SMS_FIGURE_LABELS.items()]
    rows.append((_("Segments utilisés"), grouped(figures["segments_used"])))
    rows.append((_("Coût estimé"), euros(figures["cost"])))
    return rows


class SmsStatusView(ReachInspectView):
    """The SMS's page: the message as it leaves and what it costs, its campaign's state
    and figures, the recipients, and the actions the user may take."""

    template_name = "newsletters/admin/sms_status.html"
    page_title = _("Envoi et suivi")

    def get_delete_url(self):
        if self.object.campaigns.exists():
            return None
        return super().get_delete_url()

    def get_edit_url(self):
        return None if self.locked else super().get_edit_url()

    @cached_property
    def locked(self) -> bool:
        return is_locked(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sms, user, town = self.object, self.request.user, window_for_site()
        campaign = current_campaign(sms)
        context.update(
            sms=sms,
            locked=self.locked,
            outgoing=sms.sent_text or text_of(sms, town),
            can_test=can_test(user),
            can_send=can_send(user, sms),
            urls={name: action_url(name, sms.pk) for name in ("send_test", "send_now", "schedule")},
        )
        if not self.locked:
            context.update(
                figures=recipients_figures(sms, town), obstacle=sending_obstacle(sms, town)
            )
        if campaign:
            context.update(self.campaign_context(campaign))
        return context

    def campaign_context(self, campaign: Campaign) -> dict:
        figures = stats.sms_campaign_stats(campaign)
        page = recipients_page(campaign, self.request.GET.get("p"))
        waiting = ""
        if campaign.status == Campaign.Status.SCHEDULED:
            later = leaves_at(campaign.sms, campaign.scheduled_at)
            waiting = local_datetime(later) if later else ""
        return {
            "campaign": campaign,
            "stats": figures,
            "figure_rows": shown_figures(figures),
            "waiting_for_window": waiting,
            "recipients": recipient_rows(page),
            "recipients_page": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
            "campaign_urls": {
                name: action_url(name, campaign.pk)
                for name in ("cancel", "pause", "resume", "resend_unknown", "confirm_unknown")
            },
        }


# -- The viewset -----------------------------------------------------------------------------


class SmsMessageViewSet(ReachViewSet):
    """The menu entry "Lettres d'information" > "SMS": listing, form with its counter, the
    SMS's page, and the actions' views (sms_actions.py) under the same URLs."""

    model = SmsMessage
    add_label = _("Écrire un SMS")
    new_label = _("Nouveau SMS")
    icon = "mobile-alt"
    menu_order = 250
    reach = staticmethod(scope.sms_in_reach)
    index_view_class = SmsIndexView
    add_view_class = SmsCreateView
    edit_view_class = SmsEditView
    delete_view_class = SmsDeleteView
    inspect_view_class = SmsStatusView
    inspect_view_enabled = True
    search_fields = ["title"]
    search_backend_name = None
    list_filter = ["urgent"]
    list_display = [
        "title",
        "segment",
        "urgent",
        Column("status", label=_("Envoi"), accessor=latest_status),
        "created_at",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("segment"),
            FieldPanel("sender"),
            FieldPanel("urgent"),
            FieldPanel("text", widget=forms.Textarea(attrs={"rows": 5})),
            SmsCounterPanel(heading=_("Longueur et coût")),
        ],
        base_form_class=SmsMessageForm,
    )

    def recipients_view(self, request: HttpRequest) -> JsonResponse:
        """Today's recipients of an SMS segment in reach, for the counter: {"count": n}."""
        policy = self.permission_policy
        if not policy.user_has_any_permission(request.user, ["add", "change"]):
            raise Http404
        segment = chosen_segment(
            scope.sms_segment_choices(request.user), request.GET.get("segment")
        )
        if segment is None:
            raise Http404
        count = segment.recipients().count()
        return JsonResponse({"count": count, "text": recipients_text(count)})

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("recipients/", self.recipients_view, name="recipients"),
            path("<int:pk>/test/", sms_actions.send_test, name="send_test"),
            path("<int:pk>/send/", sms_actions.send_now, name="send_now"),
            path("<int:pk>/schedule/", sms_actions.schedule, name="schedule"),
            path("campaigns/<int:campaign_id>/cancel/", sms_actions.cancel, name="cancel"),
            path("campaigns/<int:campaign_id>/pause/", sms_actions.pause, name="pause"),
            path("campaigns/<int:campaign_id>/resume/", sms_actions.resume, name="resume"),
            path(
                "campaigns/<int:campaign_id>/resend/",
                sms_actions.resend_unknown,
                name="resend_unknown",
            ),
            path(
                "campaigns/<int:campaign_id>/confirm/",
                sms_actions.confirm_unknown,
                name="confirm_unknown",
            ),
        ]
