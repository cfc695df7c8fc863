"""Admin of the letters' audience: contacts (with their consent history), segments (with a
live recipient count), campaigns (read-only, with their statistics), the suppression list,
and the import of a CSV list. Every view is limited to what the user may reach
(newsletters.scope): a service's contributors see only their themes' part."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from core.models import Neighbourhood, Theme
from profiles.models import Profile

from . import scope, stats
from .models import Campaign, Channel, Consent, Contact, Segment, Suppression
from .models.audience import address_hash, normalise_email
from .phones import MobileNumberField, parse_mobile
from .subscriptions import block_for_good

NEWSLETTERS_MENU_HOOK = "register_newsletters_menu_item"


# -- views limited to what the user may reach --------------------------------------------


class ReachMixin:
    """`reach(user, queryset)` narrows the rows a view may show (set by the viewset)."""

    reach = None

    def limit(self, queryset: QuerySet) -> QuerySet:
        return self.reach(self.request.user, queryset) if self.reach else queryset


class ReachIndexView(ReachMixin, generic.IndexView):
    # Wagtail's French cannot know a model's gender ("Ajouter un(e) contact").
    add_label = None

    @cached_property
    def add_item_label(self):
        return self.add_label or super().add_item_label

    def get_base_queryset(self):
        return self.limit(super().get_base_queryset())


class LabelledCreateView(generic.CreateView):
    new_label = None

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if self.new_label:
            items[-1] = {**items[-1], "label": self.new_label}
        return items


class ReachEditView(ReachMixin, generic.EditView):
    def get_queryset(self):
        return self.limit(super().get_queryset())


class ReachDeleteView(ReachMixin, generic.DeleteView):
    def get_queryset(self):
        return self.limit(super().get_queryset())


class ReachInspectView(ReachMixin, generic.InspectView):
    def get_object(self, queryset=None):
        objects = self.limit(self.model._default_manager.all())
        return get_object_or_404(objects, pk=unquote(str(self.pk)))

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value


class ReachHistoryView(ReachMixin, generic.HistoryView):
    def get_base_object_queryset(self):
        return self.limit(super().get_base_object_queryset())


class ReachUsageView(ReachMixin, generic.UsageView):
    def get_base_object_queryset(self):
        return self.limit(super().get_base_object_queryset())


class ReachViewSet(ModelViewSet):
    """A model viewset whose every view is limited by `reach`."""

    reach = None
    # "Ajouter un contact", "Nouveau contact": set by each viewset.
    add_label = None
    new_label = None
    index_view_class = ReachIndexView
    add_view_class = LabelledCreateView
    edit_view_class = ReachEditView
    delete_view_class = ReachDeleteView
    inspect_view_class = ReachInspectView
    history_view_class = ReachHistoryView
    usage_view_class = ReachUsageView
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            reach=self.reach, add_label=self.add_label, new_label=self.new_label, **kwargs
        )


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Rows written by the machinery (campaigns, their figures): only "view"."""

    writable_actions: tuple[str, ...] = ()

    def user_has_permission(self, user, action):
        allowed = action == "view" or action in self.writable_actions
        return allowed and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [a for a in actions if a == "view" or a in self.writable_actions]
        return super().users_with_any_permission(allowed)


class AddOnlyPolicy(ReadOnlyPolicy):
    """The suppression list: addresses are added (hashed) and never changed."""

    writable_actions = ("add",)


# -- choices in the user's reach ------------------------------------------------------------


def default_locale_choices(model) -> QuerySet:
    return model.objects.filter(locale=Locale.get_default())


def live_consents_of(user) -> Prefetch:
    """Each listed contact's live consents in the user's reach, for the themes column."""
    consents = scope.consents_in_reach(user, Consent.objects.filter(withdrawn_at__isnull=True))
    return Prefetch(
        "consents", queryset=consents.select_related("theme"), to_attr="live_consents_shown"
    )


# -- contacts --------------------------------------------------------------------------------


class ContactFilterSet(WagtailFilterSet):
    theme = ModelChoiceFilter(
        label=_("Thème consenti"),
        queryset=lambda request: scope.theme_choices(request.user),
        method="filter_theme",
    )
    channel = ChoiceFilter(
        label=_("Canal consenti"), choices=Channel.choices, method="filter_channel"
    )
    language = ChoiceFilter(label=_("Langue"), choices=settings.LANGUAGES)
    neighbourhood = ModelChoiceFilter(
        label=_("Quartier"), queryset=lambda request: default_locale_choices(Neighbourhood)
    )

    class Meta:
        model = Contact
        fields = ["theme", "channel", "language", "neighbourhood"]

    def filter_theme(self, queryset, name, value):
        return queryset.filter(
            consents__theme=value, consents__withdrawn_at__isnull=True
        ).distinct()

    def filter_channel(self, queryset, name, value):
        return queryset.filter(
            consents__channel=value, consents__withdrawn_at__isnull=True
        ).distinct()


class ContactIndexView(ReachIndexView):
    def get_base_queryset(self):
        contacts = super().get_base_queryset().select_related("neighbourhood")
        return contacts.prefetch_related(live_consents_of(self.request.user))


def consented_themes(contact: Contact) -> str:
    themes = sorted({consent.theme.name for consent in contact.live_consents_shown})
    return ", ".join(themes)


class ConsentHistoryPanel(Panel):
    """The contact's consents, withdrawn ones included: date, theme, channel, origin, the
    wording shown, withdrawal. Read-only: it is the proof the CNIL asks for."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletters/admin/consent_history_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["consents"] = consent_history(self.request.user, self.instance)
            return context


def consent_history(user, contact: Contact) -> QuerySet[Consent]:
    if not contact.pk:
        return Consent.objects.none()
    consents = contact.consents.select_related("theme").order_by("-given_at", "-pk")
    return scope.consents_in_reach(user, consents)


class ContactInspectView(ReachInspectView):
    template_name = "newsletters/admin/contact_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["consents"] = consent_history(self.request.user, self.object)
        return context


class ContactDeleteView(ReachDeleteView):
    """Deleting a contact is erasing them, as the preference centre does: only the
    fingerprints of their address and number stay on the suppression list, so that a later
    import does not bring the person back."""

    def delete_action(self):
        with transaction.atomic():
            block_for_good(self.object)
            super().delete_action()

    @property
    def confirmation_message(self) -> str:
        return _(
            "Supprimer ce contact ? Son adresse et son numéro seront bloqués : aucun import "
            "ni aucune inscription ne pourra les ajouter de nouveau."
        )


class ContactForm(WagtailAdminModelForm):
    """A contact in the admin: the mobile number is typed as people write it and stored in
    E.164; a landline or a mistyped number is refused with what to fix."""

    phone = MobileNumberField(
        label=_("Téléphone mobile"),
        required=False,
        help_text=_(
            "Écrit comme vous le souhaitez (06 12 34 56 78, 0690 12 34 56, +32 470 12 34 56) : "
            "il est enregistré au format international."
        ),
    )


class ContactViewSet(ReachViewSet):
    model = Contact
    add_label = _("Ajouter un contact")
    new_label = _("Nouveau contact")
    icon = "user"
    menu_order = 100
    reach = staticmethod(scope.contacts_in_reach)
    index_view_class = ContactIndexView
    inspect_view_class = ContactInspectView
    delete_view_class = ContactDeleteView
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "first_name",
        "phone",
        "language",
        "neighbourhood",
        "profiles",
        "created_at",
        "last_activity_at",
    ]
    filterset_class = ContactFilterSet
    search_fields = ["email", "first_name"]
    search_backend_name = None
    list_display = [
        "email",
        "first_name",
        Column("themes", label=_("Thèmes consentis"), accessor=consented_themes),
        "language",
        "neighbourhood",
        "last_activity_at",
    ]
    list_export = [
        "email",
        "first_name",
        "phone",
        "language",
        "neighbourhood",
        "created_at",
        "last_activity_at",
    ]
    export_headings = {
        "email": _("Adresse électronique"),
        "first_name": _("Prénom"),
        "phone": _("Téléphone mobile"),
        "language": _("Langue"),
        "neighbourhood": _("Quartier"),
        "created_at": _("Créé le"),
        "last_activity_at": _("Dernière activité le"),
    }
    export_filename = "contacts"
    edit_handler = ObjectList(
        [
            FieldPanel("email"),
            FieldPanel("first_name"),
            FieldPanel("phone"),
            FieldPanel("language"),
            FieldPanel("neighbourhood"),
            FieldPanel("profiles", widget=forms.CheckboxSelectMultiple),
            ConsentHistoryPanel(heading=_("Historique des consentements")),
        ],
        base_form_class=ContactForm,
    )


# -- segments --------------------------------------------------------------------------------


def limit_criteria(form: forms.Form, user) -> None:
    """Offer the default locale's choices, and only the themes in the user's reach."""
    form.fields["themes"].queryset = scope.theme_choices(user)
    form.fields["profiles"].queryset = default_locale_choices(Profile)
    form.fields["neighbourhoods"].queryset = default_locale_choices(Neighbourhood)


class SegmentForm(WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        label=_("langues"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vide : toutes les langues."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_criteria(self, self.for_user)


class SegmentCriteriaForm(forms.Form):
    """The criteria of a segment being edited, as its form sends them to the live count."""

    channel = forms.ChoiceField(choices=Channel.choices)
    themes = forms.ModelMultipleChoiceField(queryset=Theme.objects)
    profiles = forms.ModelMultipleChoiceField(queryset=Profile.objects, required=False)
    neighbourhoods = forms.ModelMultipleChoiceField(queryset=Neighbourhood.objects, required=False)
    languages = forms.MultipleChoiceField(choices=settings.LANGUAGES, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        limit_criteria(self, user)

    def recipients_count(self) -> int:
        data = self.cleaned_data
        return Segment.recipients_matching(
            channel=data["channel"],
            theme_ids=[theme.pk for theme in data["themes"]],
            profile_ids=[profile.pk for profile in data["profiles"]],
            neighbourhood_ids=[n.pk for n in data["neighbourhoods"]],
            languages=data["languages"],
        ).count()


def recipients_text(count: int) -> str:
    return ngettext("%(count)s destinataire", "%(count)s destinataires", count) % {
        "count": number_format(count, force_grouping=True)
    }


class RecipientCountPanel(Panel):
    """How many contacts the segment reaches now; updated as its criteria change (by a
    static script asking the count view), and on save in any case."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletters/admin/recipient_count_panel.html"

        class Media:
            js = ["newsletters/admin/segment-count.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            if self.instance.pk:
                context["count_text"] = recipients_text(self.instance.recipients().count())
            context["count_url"] = reverse("newsletters_segments:count")
            return context


class SegmentViewSet(ReachViewSet):
    model = Segment
    add_label = _("Ajouter un segment")
    new_label = _("Nouveau segment")
    icon = "group"
    menu_order = 200
    reach = staticmethod(scope.segments_in_reach)
    search_fields = ["name"]
    search_backend_name = None
    list_filter = ["channel"]
    list_display = [
        "name",
        "channel",
        Column(
            "recipients",
            label=_("Destinataires aujourd'hui"),
            accessor=lambda segment: recipients_text(segment.recipients().count()),
        ),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("channel"),
            FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            FieldPanel("profiles", widget=forms.CheckboxSelectMultiple),
            FieldPanel("neighbourhoods", widget=forms.CheckboxSelectMultiple),
            FieldPanel("languages"),
            RecipientCountPanel(heading=_("Destinataires")),
        ],
        base_form_class=SegmentForm,
    )

    def count_view(self, request: HttpRequest) -> JsonResponse:
        """The live count for criteria being edited: {"count": n, "text": "n destinataires"}."""
        policy = self.permission_policy
        if not policy.user_has_any_permission(request.user, ["add", "change"]):
            raise Http404
        form = SegmentCriteriaForm(request.GET, user=request.user)
        if not form.is_valid():
            return JsonResponse({"count": None, "text": str(_("Choisissez au moins un thème."))})
        count = form.recipients_count()
        return JsonResponse({"count": count, "text": recipients_text(count)})

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("count/", self.count_view, name="count")]


# -- campaigns -------------------------------------------------------------------------------


def campaigns_in_reach(user, campaigns: QuerySet[Campaign]) -> QuerySet[Campaign]:
    return campaigns.filter(segment__in=scope.segments_in_reach(user, Segment.objects.all()))


class CampaignIndexView(ReachIndexView):
    def get_base_queryset(self):
        campaigns = super().get_base_queryset().select_related("page", "segment")
        return stats.with_stats(campaigns)


def figure_column(name: str, label) -> Column:
    return Column(name, label=label, accessor=stats.ANNOTATION_PREFIX + name)


def progress_text(campaign: Campaign) -> str:
    if campaign.status not in (Campaign.Status.SENDING, Campaign.Status.PAUSED):
        return ""
    return f"{stats.annotated_stats(campaign)['progress']} %"


class CampaignInspectView(ReachInspectView):
    template_name = "newsletters/admin/campaign_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["stats"] = stats.campaign_stats(self.object)
        context["figures"] = [
            (label, context["stats"][name]) for name, label in FIGURE_LABELS.items()
        ]
        context["link_clicks"] = self.object.link_clicks.order_by("-clicks", "url")
        return context


FIGURE_LABELS = {
    "targeted": _("Ciblés"),
    "pending": _("En attente"),
    "sent": _("Envoyés"),
    "delivered": _("Distribués"),
    "bounced": _("Rejetés"),
    "complained": _("Signalés comme indésirables"),
    "unsubscribed": _("Désinscrits"),
    "failed": _("Échecs"),
    "skipped": _("Écartés"),
}


class CampaignViewSet(ReachViewSet):
    """Campaigns start from their letter's page; here they are read with their figures."""

    model = Campaign
    icon = "mail"
    menu_order = 300
    reach = staticmethod(campaigns_in_reach)
    index_view_class = CampaignIndexView
    inspect_view_class = CampaignInspectView
    inspect_view_enabled = True
    form_fields: list[str] = []  # the add and edit views exist but the policy refuses them
    list_filter = ["status", "channel"]
    list_display = [
        "__str__",
        "segment",
        "status",
        "scheduled_at",
        *(
            figure_column(name, FIGURE_LABELS[name])
            for name in (
                "targeted",
                "sent",
                "delivered",
                "bounced",
                "complained",
                "unsubscribed",
                "failed",
            )
        ),
        Column("progress", label=_("Avancement"), accessor=progress_text),
    ]
    inspect_view_fields = [
        "page",
        "segment",
        "channel",
        "status",
        "scheduled_at",
        "started_at",
        "finished_at",
        "created_by",
    ]


# -- suppression list ------------------------------------------------------------------------


class SuppressionForm(WagtailAdminModelForm):
    """An address typed by hand; only its fingerprint is stored."""

    address = forms.CharField(
        label=_("Adresse électronique ou numéro de mobile"),
        max_length=254,
        help_text=_("Seule son empreinte est conservée : l'adresse elle-même n'est pas gardée."),
    )

    class Meta:
        model = Suppression
        fields = ["channel"]

    def clean(self):
        cleaned = super().clean()
        address, channel = cleaned.get("address", ""), cleaned.get("channel")
        if not address or not channel:
            return cleaned
        try:
            address = self.normalised(address, channel)
        except forms.ValidationError as error:
            self.add_error("address", error)
            return cleaned
        if Suppression.objects.filter(channel=channel, address_hash=address_hash(address)):
            self.add_error("address", _("Cette adresse est déjà bloquée."))
        cleaned["address"] = address
        return cleaned

    def normalised(self, address: str, channel: str) -> str:
        if channel == Channel.SMS:
            return parse_mobile(address)
        address = normalise_email(address)
        try:
            validate_email(address)
        except ValidationError as error:
            raise forms.ValidationError(
                _("Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")
            ) from error
        return address

    def save(self, commit=True):
        self.instance.address_hash = address_hash(self.cleaned_data["address"])
        self.instance.reason = Suppression.Reason.ADMIN
        return super().save(commit)


class SuppressionViewSet(ReachViewSet):
    model = Suppression
    add_label = _("Bloquer une adresse")
    new_label = _("Nouvelle adresse bloquée")
    icon = "cross"
    menu_order = 400
    list_filter = ["channel", "reason"]
    list_display = [
        Column(
            "address_hash",
            label=_("Empreinte"),
            accessor=lambda suppression: f"{suppression.address_hash[:12]}…",
        ),
        "channel",
        "reason",
        "created_at",
    ]
    edit_handler = ObjectList(
        [FieldPanel("channel"), FieldPanel("address")], base_form_class=SuppressionForm
    )
