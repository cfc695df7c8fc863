"""Démarches: what a resident must do, bring, pay and expect, and where to go."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.fields import optional_link
from core.models import BasePage


class ProcedurePage(BasePage):
    """A démarche residents make with the town hall (identity card, school registration…):
    who may make it, the documents to bring, cost, delay, the online service and where to
    go."""

    who = models.TextField(_("qui peut faire la démarche ?"), blank=True)
    documents = StreamField(
        [("document", blocks.CharBlock(label=_("Pièce à fournir"), max_length=250))],
        verbose_name=_("pièces à fournir"),
        blank=True,
    )
    cost = models.CharField(_("coût"), max_length=250, blank=True)
    delay = models.CharField(_("délai"), max_length=250, blank=True)
    online_url = models.URLField(_("démarche en ligne"), blank=True)
    place = optional_link("places.PlacePage", _("où s'adresser ?"), related_name="procedures")

    content_panels = (
        BasePage.content_panels[:2]
        + [
            MultiFieldPanel(
                [
                    FieldPanel("who"),
                    FieldPanel("documents"),
                    FieldPanel("cost"),
                    FieldPanel("delay"),
                    FieldPanel("online_url"),
                    FieldPanel("place"),
                ],
                heading=_("L'essentiel"),
            ),
        ]
        + BasePage.content_panels[2:]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("who"),
        index.SearchField("documents"),
    ]
    parent_page_types = ["core.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("démarche")

    def get_json_ld(self, request=None):
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": self.title,
            "description": self.intro,
            "url": self.full_url,
            "serviceType": self.title,
            "provider": {"@type": "GovernmentOrganization", "name": self.get_site().site_name},
        }
        if self.online_url:
            data["availableChannel"] = {
                "@type": "ServiceChannel",
                "serviceUrl": self.online_url,
            }
        if self.place_id:
            data["areaServed"] = self.place.schema_place()
        return data
