"""Dispatch: a campaign is one sending of a newsletter to a segment; its editions are the
content frozen, once per language, when it starts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .audience import Channel


class Campaign(models.Model):
    """One sending of a newsletter (or an SMS message) to a segment, and its progress: when
    it was scheduled, started, paused, finished or cancelled. The recipients are fixed as
    delivery rows when it starts; the content as one edition per language."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Programmée")
        SENDING = "sending", _("Envoi en cours")
        PAUSED = "paused", _("En pause")
        SENT = "sent", _("Envoyée")
        CANCELLED = "cancelled", _("Annulée")

    page = models.ForeignKey(
        "newsletters.NewsletterPage",
        verbose_name=_("lettre"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="campaigns",
    )
    channel = models.CharField(
        _("canal"), max_length=8, choices=Channel.choices, default=Channel.EMAIL
    )
    segment = models.ForeignKey(
        "newsletters.Segment",
        verbose_name=_("segment"),
        on_delete=models.PROTECT,
        related_name="campaigns",
    )
    status = models.CharField(
        _("état"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    scheduled_at = models.DateTimeField(_("envoi prévu le"))
    started_at = models.DateTimeField(_("commencée le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lancée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    # Refreshed by the send tasks after every batch: a campaign whose heartbeat stops while
    # rows remain lost its workers, and the scheduler starts new ones.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("campagne")
        verbose_name_plural = _("campagnes")
        ordering = ["-scheduled_at", "-pk"]
        permissions = [("send_campaign", _("Peut envoyer une campagne"))]

    def __str__(self) -> str:
        subject = self.page.title if self.page_id else self.get_channel_display()
        return f"{subject} ({self.get_status_display()})"


class CampaignEdition(models.Model):
    """A campaign's content in one language, frozen when it starts: the subject, the HTML
    and plain-text parts with placeholders for the personal links, and the web version. Every
    recipient and the archive show the same automatic blocks."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campagne"), on_delete=models.CASCADE, related_name="editions"
    )
    language = models.CharField(_("langue"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("objet"), max_length=255)
    html = models.TextField(_("version HTML"))
    text = models.TextField(_("version texte"))
    web_html = models.TextField(_("version web"))

    class Meta:
        verbose_name = _("édition")
        verbose_name_plural = _("éditions")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "language"], name="one_edition_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} [{self.language}]"
