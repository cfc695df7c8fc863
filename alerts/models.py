"""The one-action alert: one decision of the town published at once as the site's banner,
an urgent SMS to the alert list and a post on every enabled network, followed on one page."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="warning")
class AlertSettings(BaseSiteSetting):
    """Who an alert reaches by SMS: the contacts who consented to this theme."""

    sms_theme = models.ForeignKey(
        "core.Theme",
        verbose_name=_("thème des alertes par SMS"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Les abonnés SMS de ce thème reçoivent les alertes (par exemple « Sécurité »)."
        ),
    )

    class Meta:
        verbose_name = _("alertes")


class Broadcast(models.Model):
    """An urgent alert of the town (flood, storm, water cut) and the channels it went out
    on: the banner it put on the site, the urgent SMS campaign, the posts on the networks;
    and, once over, the "fin d'alerte" that followed."""

    title = models.CharField(_("titre"), max_length=120)
    message = models.CharField(
        _("message"),
        max_length=300,
        help_text=_("Le texte du bandeau, du SMS et des publications : court et factuel."),
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page liée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    neighbourhoods = models.ManyToManyField(
        "core.Neighbourhood",
        verbose_name=_("quartiers concernés (SMS)"),
        blank=True,
        related_name="+",
        help_text=_("Vide : toute la commune."),
    )
    send_sms = models.BooleanField(_("envoyer un SMS urgent"), default=True)
    post_social = models.BooleanField(_("publier sur les réseaux sociaux"), default=True)
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    banner = models.ForeignKey(
        "core.Alert", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sms_campaign = models.ForeignKey(
        "newsletters.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    end_message = models.CharField(_("message de fin d'alerte"), max_length=300, blank=True)
    end_sms_campaign = models.ForeignKey(
        "newsletters.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(_("lancée le"))
    ended_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("alerte")
        verbose_name_plural = _("alertes")
        ordering = ["-started_at"]
        permissions = [("launch_alert", _("Peut lancer une alerte sur tous les canaux"))]

    def __str__(self) -> str:
        return self.title

    def subject(self, phase: str) -> str:
        """The social posts' subject for this alert's start or end."""
        return f"alert-{self.pk}-{phase}"
