"""Dispatch: a campaign is one sending of a newsletter to a segment; its editions are the
content frozen, once per language, when it starts."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..sms_settings_form import SmsSettingsForm
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
    sms = models.ForeignKey(
        "newsletters.SmsMessage",
        verbose_name=_("SMS"),
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
        if self.page_id:
            subject = self.page.title
        elif self.sms_id:
            subject = self.sms.title
        else:
            subject = self.get_channel_display()
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


def default_sms_weekdays() -> list[int]:
    return [0, 1, 2, 3, 4, 5]  # Monday to Saturday


@register_setting(icon="mobile-alt")
class SmsSettings(BaseSiteSetting):
    """How the town's SMS leave: the hours in which a campaign that is not urgent may be
    sent (by default Monday to Saturday, 08:00-20:00 Paris time, never on a public holiday:
    stricter than the operators' charter and every gateway's own rule), the opt-out mention
    added to those campaigns, the default sender name and the longest message allowed."""

    weekdays = models.JSONField(_("jours d'envoi"), default=default_sms_weekdays)
    window_start = models.TimeField(_("pas avant"), default=datetime.time(8, 0))
    window_end = models.TimeField(_("pas après"), default=datetime.time(20, 0))
    skip_public_holidays = models.BooleanField(_("jamais un jour férié"), default=True)
    alsace_moselle = models.BooleanField(
        _("jours fériés d'Alsace-Moselle"),
        default=False,
        help_text=_("Ajoute le Vendredi saint et la Saint-Étienne (26 décembre)."),
    )
    stop_mention = models.CharField(
        _("mention de désinscription"),
        max_length=40,
        default="STOP au 36111",
        help_text=_(
            "Ajoutée à la fin de chaque SMS qui n'est pas une alerte urgente, et comptée "
            "dans sa longueur."
        ),
    )
    default_sender = models.CharField(_("nom d'expéditeur par défaut"), max_length=11, blank=True)
    max_segments = models.PositiveSmallIntegerField(
        _("segments au plus par message"),
        default=3,
        help_text=_("Un message plus long est refusé (chaque segment est facturé)."),
    )

    base_form_class = SmsSettingsForm

    class Meta:
        verbose_name = _("envoi des SMS")
