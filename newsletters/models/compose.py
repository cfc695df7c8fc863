"""Compose: the newsletter is a Wagtail page (written, reviewed and translated like any
page); the archive lists the ones sent, each with its web version."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.models import BasePage

from ..blocks import NewsletterBodyBlock


class NewsletterIndexPage(BasePage):
    """The archive of the town's letters: every newsletter sent, newest first, each readable
    on the web."""

    subpage_types = ["newsletters.NewsletterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("archive des lettres d'information")


class NewsletterPage(BasePage):
    """One letter of the town (the weekly general letter, the monthly culture letter…):
    written as a page, sent as an e-mail to a segment, then shown in the archive as its web
    version."""

    subject = models.CharField(
        _("objet du courriel"),
        max_length=200,
        blank=True,
        help_text=_("Vide : le titre de la lettre."),
    )
    preheader = models.CharField(
        _("phrase d'aperçu"),
        max_length=150,
        blank=True,
        help_text=_("Le texte que les messageries montrent après l'objet."),
    )
    theme = models.ForeignKey(
        "core.Theme",
        verbose_name=_("thème de la lettre"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    segment = models.ForeignKey(
        "newsletters.Segment",
        verbose_name=_("destinataires"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The letter's own blocks replace the page body's: each one renders to MJML.
    body = StreamField(NewsletterBodyBlock(), verbose_name=_("contenu de la lettre"), blank=True)

    content_panels = BasePage.content_panels[:1] + [
        FieldPanel("subject"),
        FieldPanel("preheader"),
        FieldPanel("theme"),
        FieldPanel("segment"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["newsletters.NewsletterIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lettre d'information")

    def get_subject(self) -> str:
        return self.subject or self.title
