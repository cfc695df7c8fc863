"""Équipements: town facilities with address, coordinates, opening hours and exceptions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from core.models import BasePage, Neighbourhood

WEEKDAYS = [
    (0, _("lundi")),
    (1, _("mardi")),
    (2, _("mercredi")),
    (3, _("jeudi")),
    (4, _("vendredi")),
    (5, _("samedi")),
    (6, _("dimanche")),
]
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class PlaceIndexPage(BasePage):
    """The list of the town's facilities (équipements) below it, by name."""

    subpage_types = ["places.PlacePage"]

    class Meta:
        verbose_name = _("liste des équipements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["places"] = PlacePage.objects.child_of(self).in_listings().order_by("title")
        return context


class PlacePage(BasePage):
    """A town facility (town hall, library, pool, gym…): address and map position, contact,
    weekly opening hours and their exceptions, and its accessibility for disabled people."""

    class Kind(models.TextChoices):
        MAIRIE = "mairie", _("Mairie et services administratifs")
        CULTURE = "culture", _("Culture")
        SPORT = "sport", _("Sport")
        SOCIAL = "social", _("Social et solidarité")
        SECURITE = "securite", _("Sécurité")
        TECHNIQUE = "technique", _("Services techniques")
        EDUCATION = "education", _("Enfance et éducation")

    kind = models.CharField(_("type d'équipement"), max_length=20, choices=Kind.choices)
    address = models.CharField(_("adresse"), max_length=200)
    postcode = models.CharField(_("code postal"), max_length=10)
    city = models.CharField(_("ville"), max_length=120)
    neighbourhood = models.ForeignKey(
        Neighbourhood, verbose_name=_("quartier"), null=True, blank=True, on_delete=models.SET_NULL
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    accessibility = models.TextField(
        _("accessibilité"), blank=True, help_text=_("Accès de plain-pied, boucle magnétique…")
    )

    content_panels = (
        BasePage.content_panels[:2]
        + [
            FieldPanel("kind"),
            MultiFieldPanel(
                [
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                    FieldPanel("neighbourhood"),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                ],
                heading=_("Adresse"),
            ),
            MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
            InlinePanel("opening_hours", label=_("Horaires d'ouverture")),
            InlinePanel("opening_exceptions", label=_("Fermetures et horaires exceptionnels")),
            FieldPanel("accessibility"),
        ]
        + BasePage.content_panels[2:]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("address"),
        index.SearchField("opening_hours_text"),
        index.SearchField("accessibility"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["places.PlaceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("équipement")

    def weekly_hours(self) -> list[tuple[str, list[OpeningHours]]]:
        """Each weekday with its opening intervals, closed days included."""
        by_day: dict[int, list[OpeningHours]] = {day: [] for day, _label in WEEKDAYS}
        for hours in self.opening_hours.all():
            by_day[hours.weekday].append(hours)
        return [(label, sorted(by_day[day], key=lambda h: h.opens)) for day, label in WEEKDAYS]

    def opening_hours_text(self) -> str:
        """The opening hours as the page shows them, for full-text search."""
        days = [
            f"{label} " + ", ".join(f"{h.opens:%H:%M}-{h.closes:%H:%M}" for h in hours)
            for label, hours in self.weekly_hours()
            if hours
        ]
        label = _("Horaires d'ouverture")
        return f"{label} : " + " ; ".join(days) if days else ""

    def upcoming_exceptions(self, days: int = 60) -> list[OpeningException]:
        today = timezone.localdate()
        return [
            exception
            for exception in self.opening_exceptions.all()
            if today <= exception.date <= today + timedelta(days=days)
        ]

    def schema_place(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "@type": "CivicStructure",
            "name": self.title,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.address,
                "postalCode": self.postcode,
                "addressLocality": self.city,
                "addressCountry": "FR",
            },
        }
        if self.latitude is not None and self.longitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        return data

    def get_json_ld(self, request=None):
        data = {"@context": "https://schema.org", **self.schema_place(), "url": self.full_url}
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        data["openingHoursSpecification"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": SCHEMA_DAYS[hours.weekday],
                "opens": hours.opens.strftime("%H:%M"),
                "closes": hours.closes.strftime("%H:%M"),
            }
            for hours in self.opening_hours.all()
        ]
        data["specialOpeningHoursSpecification"] = [
            exception.schema() for exception in self.upcoming_exceptions(days=365)
        ]
        return data


class OpeningHours(Orderable):
    """One opening interval of a facility on a weekday."""

    place = ParentalKey(PlacePage, related_name="opening_hours", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=WEEKDAYS)
    opens = models.TimeField(_("ouverture"))
    closes = models.TimeField(_("fermeture"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("horaire")

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("L'heure de fermeture doit suivre l'ouverture.")})


class OpeningException(Orderable):
    """A closure or special hours of a facility on one date (bank holiday, works…)."""

    place = ParentalKey(PlacePage, related_name="opening_exceptions", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("fermé toute la journée"), default=True)
    opens = models.TimeField(_("ouverture"), null=True, blank=True)
    closes = models.TimeField(_("fermeture"), null=True, blank=True)
    label = models.CharField(_("motif"), max_length=120, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("closed")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("label"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("horaire exceptionnel")
        ordering = ["date"]

    def clean(self):
        if not self.closed and not (self.opens and self.closes):
            raise ValidationError(_("Indiquez les horaires ou cochez « fermé toute la journée »."))

    def schema(self) -> dict[str, Any]:
        day = self.date.isoformat()
        spec = {"@type": "OpeningHoursSpecification", "validFrom": day, "validThrough": day}
        if self.closed:
            spec.update(opens="00:00", closes="00:00")
        else:
            spec.update(opens=self.opens.strftime("%H:%M"), closes=self.closes.strftime("%H:%M"))
        return spec
