"""Annuaires: associations, businesses and health professionals, with filtered listings."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from core.models import BasePage, Neighbourhood
from core.pagination import paginate


class EntryKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    BUSINESS = "business", _("Commerce et entreprise")
    HEALTH = "health", _("Professionnel de santé")


class DirectoryIndexPage(BasePage):
    """An annuaire of one kind (associations, businesses or health professionals): lists
    its entries with filters."""

    kind = models.CharField(_("type d'annuaire"), max_length=20, choices=EntryKind.choices)

    content_panels = BasePage.content_panels + [FieldPanel("kind")]
    subpage_types = ["directory.DirectoryEntryPage"]

    class Meta:
        verbose_name = _("annuaire")

    def entries(self):
        return DirectoryEntryPage.objects.child_of(self).in_listings().order_by("title")

    def get_context(self, request, *args, **kwargs):
        from .forms import DirectoryFilterForm

        context = super().get_context(request, *args, **kwargs)
        entries = self.entries()
        filter_form = DirectoryFilterForm(request.GET or None, entries=entries)
        if filter_form.is_valid():
            entries = filter_form.filter(entries)
        context["filter_form"] = filter_form
        context["entries_page"] = paginate(request, entries.select_related("neighbourhood"), 20)
        return context


class DirectoryEntryPage(BasePage):
    """One entry of a directory: an association, business or health professional of the
    town, with its category and contact details."""

    category = models.CharField(_("catégorie"), max_length=80)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood, verbose_name=_("quartier"), null=True, blank=True, on_delete=models.SET_NULL
    )
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    website = models.URLField(_("site internet"), blank=True)
    contact_name = models.CharField(_("contact"), max_length=150, blank=True)
    opening_text = models.CharField(_("horaires"), max_length=250, blank=True)

    content_panels = (
        BasePage.content_panels[:2]
        + [
            FieldPanel("category"),
            MultiFieldPanel(
                [
                    FieldPanel("address"),
                    FieldPanel("neighbourhood"),
                    FieldPanel("phone"),
                    FieldPanel("email"),
                    FieldPanel("website"),
                    FieldPanel("contact_name"),
                    FieldPanel("opening_text"),
                ],
                heading=_("Coordonnées"),
            ),
        ]
        + BasePage.content_panels[2:]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("category"),
        index.FilterField("category"),
    ]
    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("fiche d'annuaire")
