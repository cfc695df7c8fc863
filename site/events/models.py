"""Agenda: events, their index with filters, the iCal feed and association proposals."""

from __future__ import annotations

from datetime import datetime

from django.db import models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.fields import optional_link
from core.i18n import language_code_of
from core.models import BasePage
from core.pagination import paginate, unfiltered_page_number
from core.privacy import PublicPageQuerySet
from core.sharing import DiffusionPanel, SharedOnSocialNetworks
from core.tree import available_child_slug

from .signals import event_proposed


class EventQuerySet(PublicPageQuerySet):
    def upcoming(self, after: datetime | None = None):
        """Live events not yet over, soonest first."""
        after = after or timezone.now()
        return (
            self.in_listings()
            .filter(Q(end__gte=after) | Q(end__isnull=True, start__gte=after))
            .order_by("start", "pk")
        )

    def with_place_title(self):
        """Listings show the place's name only. A subquery rather than a join: it is read
        for the rows shown alone, and a paginator's count() drops it (and a join would stay)."""
        titles = Page.objects.filter(pk=OuterRef("place_id")).values("title")[:1]
        return self.annotate(place_title=Subquery(titles))


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(RoutablePageMixin, BasePage):
    """The town's agenda: upcoming events filtered by date, theme and audience, their iCal
    feed (ical/) and the form through which associations propose an event (proposer/)."""

    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agenda")

    def events(self):
        # Events take no children, so "below the agenda" is "child of the agenda" without
        # the depth condition that would steer the planner away from the start date index.
        return EventPage.objects.descendant_of(self).upcoming().with_place_title()

    def get_context(self, request, *args, **kwargs):
        from .forms import EventFilterForm

        context = super().get_context(request, *args, **kwargs)
        filter_form = EventFilterForm(request.GET or None, locale_id=self.locale_id)
        context["filter_form"] = filter_form
        # Read only when the agenda is rendered anew (see the template's cache_fragment).
        context["events_page"] = SimpleLazyObject(
            lambda: paginate(request, self.filtered_events(filter_form), per_page=12)
        )
        context["unfiltered_page_number"] = unfiltered_page_number(request)
        return context

    def filtered_events(self, filter_form) -> EventQuerySet:
        """The upcoming events the filters sent keep (all of them when a filter is wrong)."""
        events = self.events()
        return filter_form.filter(events) if filter_form.is_valid() else events

    def get_cached_paths(self) -> list[str]:
        """The iCal feed changes with the agenda: purged with it from the page caches."""
        return ["/", "ical/"]

    @path("ical/", name="ical")
    def ical_feed(self, request):
        from .ical import calendar_response

        return calendar_response(self, self.events()[:200], request)

    @path("proposer/", name="propose")
    def propose(self, request):
        from .views import propose_event

        return propose_event(request, self)

    @transaction.atomic
    def add_proposed_event(self, form) -> EventPage:
        """Store a valid proposal form (events.forms.EventProposalForm) as a draft event
        below the agenda, put it in the agenda's moderation workflow and send
        `event_proposed` (the notifications app tells the editors). The association's
        contact details go to an EventProposal."""
        data = form.cleaned_data
        paragraphs = "".join(
            f"<p>{escape(line)}</p>" for line in data["description"].splitlines() if line.strip()
        )
        event = EventPage(
            title=data["title"],
            slug=available_child_slug(self, data["title"], gettext("événement proposé")),
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
        self.add_child(instance=event)
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


class EventPage(SharedOnSocialNetworks, BasePage):
    """One event of town life (concert, market, council meeting): dates, a facility of the
    town or another place, audience, price and how to register."""

    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"), null=True, blank=True)
    all_day = models.BooleanField(_("toute la journée"), default=False)
    place = optional_link("places.PlacePage", _("lieu"), related_name="events")
    location = models.CharField(
        _("autre lieu"),
        max_length=250,
        blank=True,
        help_text=_("Si le lieu n'est pas un équipement."),
    )
    audience = models.CharField(_("public"), max_length=120, blank=True)
    price = models.CharField(_("tarif"), max_length=120, blank=True)
    registration_url = models.URLField(_("lien d'inscription"), blank=True)
    organiser = models.CharField(_("organisateur"), max_length=150, blank=True)

    objects = EventManager()

    content_panels = (
        BasePage.content_panels[:2]
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                    FieldPanel("all_day"),
                ],
                heading=_("Dates"),
            ),
            MultiFieldPanel([FieldPanel("place"), FieldPanel("location")], heading=_("Lieu")),
            FieldPanel("audience"),
            FieldPanel("price"),
            FieldPanel("registration_url"),
            FieldPanel("organiser"),
        ]
        + BasePage.content_panels[2:]
    )
    promote_panels = BasePage.promote_panels + [DiffusionPanel()]
    # An event is shared only when its editor ticks it in the "Diffusion" panel.
    shared_by_default = False
    search_fields = BasePage.search_fields + [
        index.FilterField("start"),
        index.SearchField("location"),
        index.SearchField("organiser"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("événement")
        indexes = [models.Index(fields=["start"])]

    @property
    def location_label(self) -> str:
        if self.place_id:
            return getattr(self, "place_title", None) or self.place.title
        return self.location

    def get_json_ld(self, request=None):
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.intro,
            "startDate": self.start.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "url": self.full_url,
            "inLanguage": language_code_of(self),
        }
        if self.end:
            data["endDate"] = self.end.isoformat()
        if self.place_id:
            data["location"] = self.place.schema_place()
        elif self.location:
            data["location"] = {"@type": "Place", "name": self.location, "address": self.location}
        if self.organiser:
            data["organizer"] = {"@type": "Organization", "name": self.organiser}
        if self.price:
            data["offers"] = {"@type": "Offer", "description": self.price, "url": self.full_url}
        return data


class EventProposal(models.Model):
    """Contact details of the association that proposed an event. Kept off the page so
    that personal data never reaches the public site or the open-data API."""

    page = models.OneToOneField(
        EventPage, on_delete=models.CASCADE, related_name="proposal", verbose_name=_("événement")
    )
    organisation = models.CharField(_("association"), max_length=150)
    contact_name = models.CharField(_("contact"), max_length=150)
    contact_email = models.EmailField(_("courriel"))
    contact_phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True)

    class Meta:
        verbose_name = _("proposition d'événement")
        verbose_name_plural = _("propositions d'événements")
        ordering = ["-created_at"]
        # Who is told of new proposals: granted to a group or an account, whatever its name.
        permissions = [
            ("receive_proposal_notifications", _("Recevoir les propositions par courriel")),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.page.title}"
