"""Publications: council minutes, municipal orders and guides, each a PDF whose full text
the page gives in HTML, so that nobody needs to open the PDF to know what it says."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.fields import optional_link
from core.models import BasePage
from core.pagination import paginate


class PublicationKind(models.TextChoices):
    MINUTES = "minutes", _("Compte rendu du conseil municipal")
    ORDER = "order", _("Arrêté municipal")
    GUIDE = "guide", _("Guide")


class PublicationIndexPage(BasePage):
    """The list of the town's publications below it (minutes, orders, guides), newest
    first."""

    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = _("liste de publications")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        publications = (
            PublicationPage.objects.child_of(self)
            .in_listings()
            .select_related("document")
            .order_by("-date", "-pk")
        )
        context["publications_page"] = paginate(request, publications, 20)
        return context


class PublicationPage(BasePage):
    """An official document of the town (council minutes, municipal order, guide): the PDF
    with its date and reference, and in the body the HTML version of its text; what only the
    PDF holds (annexes, maps…) is named on the page."""

    kind = models.CharField(_("type"), max_length=20, choices=PublicationKind.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    reference = models.CharField(_("référence"), max_length=50, blank=True)
    document = optional_link("wagtaildocs.Document", _("document PDF"))
    pdf_only = models.TextField(
        _("parties seulement dans le PDF"),
        blank=True,
        help_text=_(
            "Laissez vide quand le contenu de la page reprend tout le document. Sinon, dites "
            "ce que seul le PDF contient (annexes, plans, signatures…) : la page l'annonce."
        ),
    )

    content_panels = (
        BasePage.content_panels[:2]
        + [
            FieldPanel("kind"),
            FieldPanel("date"),
            FieldPanel("reference"),
            FieldPanel("document"),
            FieldPanel("pdf_only"),
        ]
        + BasePage.content_panels[2:]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("reference"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types: list[str] = []

    # The document fields whose text the body gives in HTML (read by the editor's checks).
    html_version_of = ("document",)

    @property
    def has_html_alternative(self) -> bool:
        """The body is the HTML version of the PDF: a publication without one has none."""
        return bool(self.body)

    class Meta:
        verbose_name = _("publication")
