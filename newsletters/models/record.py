"""Record: one delivery row per recipient of a campaign, what providers report about it,
the suppression list every campaign respects, and the clicks per link when the town
counts them."""

from __future__ import annotations

from django.db import IntegrityError, models, transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .audience import Channel, address_hash


class Delivery(models.Model):
    """One message of one campaign to one contact, and its fate. Created in bulk when the
    campaign starts (so the recipient list cannot change under it), claimed by batches by the
    workers, and updated by the provider's webhooks. Its Message-ID is derived from its id,
    so a message resent after a crash carries the same one."""

    class State(models.TextChoices):
        QUEUED = "queued", _("En file")
        CLAIMED = "claimed", _("Pris par un envoi")
        # The point of no return was passed (for SMTP: the end of the message is being
        # written) and the server has not answered yet. Found so after a crash, the mail
        # is sent again with the same Message-ID.
        HANDED_OVER = "handed_over", _("Remis au serveur")
        # An SMS whose gateway call got no answer (a timeout, a crash during the call): it
        # may have gone or not, and a duplicate costs money and trust, so it is never resent
        # blindly; the operator sees it and decides.
        UNKNOWN = "unknown", _("Issue inconnue (à vérifier)")
        SENT = "sent", _("Envoyé")
        DELIVERED = "delivered", _("Distribué")
        DEFERRED = "deferred", _("Réessai prévu")
        BOUNCED = "bounced", _("Rejeté (adresse invalide)")
        COMPLAINED = "complained", _("Signalé comme indésirable")
        UNSUBSCRIBED = "unsubscribed", _("Désinscrit")
        FAILED = "failed", _("Échec")
        SKIPPED = "skipped", _("Écarté (consentement retiré ou adresse supprimée)")
        CANCELLED = "cancelled", _("Annulé")

    campaign = models.ForeignKey(
        "newsletters.Campaign",
        verbose_name=_("campagne"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    # Erasing a contact keeps the row for the campaign's statistics, without the person.
    contact = models.ForeignKey(
        "newsletters.Contact",
        verbose_name=_("contact"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    language = models.CharField(_("langue"), max_length=8)
    state = models.CharField(_("état"), max_length=16, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    not_before = models.DateTimeField(_("pas avant"), null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    provider_message_id = models.CharField(
        _("identifiant chez le fournisseur"), max_length=255, blank=True, db_index=True
    )
    # The server's code and, for a refusal, its reason with any address removed.
    error = models.CharField(_("erreur"), max_length=255, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("envoi")
        verbose_name_plural = _("envois")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "contact"], name="one_delivery_per_campaign_and_contact"
            )
        ]
        indexes = [models.Index(fields=["campaign", "state"])]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.pk} ({self.get_state_display()})"


class ProviderEvent(models.Model):
    """What an e-mail or SMS provider reported about one message (delivered, bounced,
    complained, unsubscribed), as received by its tracking webhook. Kept without the
    recipient's address: the delivery row links it to the contact."""

    delivery = models.ForeignKey(
        Delivery,
        verbose_name=_("envoi"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    provider = models.CharField(_("fournisseur"), max_length=32)
    event_type = models.CharField(_("événement"), max_length=32)
    provider_event_id = models.CharField(max_length=255, blank=True)
    provider_message_id = models.CharField(max_length=255, blank=True)
    reason = models.CharField(_("motif"), max_length=255, blank=True)
    occurred_at = models.DateTimeField(_("survenu le"), default=timezone.now)
    received_at = models.DateTimeField(_("reçu le"), auto_now_add=True)

    class Meta:
        verbose_name = _("événement du fournisseur")
        verbose_name_plural = _("événements des fournisseurs")
        ordering = ["-received_at"]
        constraints = [
            # A provider that posts the same event twice changes nothing the second time.
            models.UniqueConstraint(
                fields=["provider", "provider_event_id"],
                condition=~models.Q(provider_event_id=""),
                name="one_row_per_provider_event",
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.event_type}"


class Suppression(models.Model):
    """An address or number the town must never write to again: a hard bounce, a spam
    complaint, or a person who erased their data. Only a fingerprint is kept, so that a
    later import cannot bring the person back without storing who they were."""

    class Reason(models.TextChoices):
        HARD_BOUNCE = "hard_bounce", _("Adresse invalide")
        COMPLAINT = "complaint", _("Signalement comme indésirable")
        ERASED = "erased", _("Données effacées à la demande de la personne")
        ADMIN = "admin", _("Ajout par l'administration")

    channel = models.CharField(_("canal"), max_length=8, choices=Channel.choices)
    address_hash = models.CharField(_("empreinte"), max_length=64)
    reason = models.CharField(_("motif"), max_length=16, choices=Reason.choices)
    created_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        verbose_name = _("adresse bloquée")
        verbose_name_plural = _("adresses bloquées")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "address_hash"], name="one_suppression_per_address"
            )
        ]

    def __str__(self) -> str:
        reason = self.get_reason_display()
        return f"{self.get_channel_display()} {self.address_hash[:12]}… ({reason})"

    @classmethod
    def add(cls, channel: str, address: str, reason: str) -> None:
        """Suppress an address (idempotent: the first reason stays)."""
        cls.objects.get_or_create(
            channel=channel, address_hash=address_hash(address), defaults={"reason": reason}
        )

    @classmethod
    def is_suppressed(cls, channel: str, address: str) -> bool:
        return cls.objects.filter(channel=channel, address_hash=address_hash(address)).exists()

    @classmethod
    def exclude_suppressed(cls, contacts: models.QuerySet, channel: str) -> models.QuerySet:
        field = "email_hash" if channel == Channel.EMAIL else "phone_hash"
        suppressed = cls.objects.filter(channel=channel, address_hash=OuterRef(field))
        return contacts.exclude(Exists(suppressed))


@register_setting(icon="link")
class LetterStatsSettings(BaseSiteSetting):
    """What the town measures about its letters. By default nothing beyond delivery: no
    open pixel, no rewritten link. Click counting, when the town turns it on, counts clicks
    per link and per campaign without knowing who clicked."""

    count_clicks = models.BooleanField(
        _("compter les clics sur les liens des lettres"),
        default=False,
        help_text=_(
            "Les liens des prochaines campagnes passent par le site, qui compte les clics par "
            "lien, sans savoir qui a cliqué. Les antivirus des messageries ouvrent parfois "
            "les liens eux-mêmes : le nombre est une indication."
        ),
    )

    class Meta:
        verbose_name = _("statistiques des lettres")


class LinkClicks(models.Model):
    """How many times one link of a campaign's mails was followed, when the town counts
    clicks (LetterStatsSettings): a total per link, never a row per person."""

    campaign = models.ForeignKey(
        "newsletters.Campaign",
        verbose_name=_("campagne"),
        on_delete=models.CASCADE,
        related_name="link_clicks",
    )
    url = models.URLField(_("lien"), max_length=2000)
    clicks = models.PositiveIntegerField(_("clics"), default=0)
    last_click_at = models.DateTimeField(_("dernier clic"), null=True)

    class Meta:
        verbose_name = _("clics sur un lien")
        verbose_name_plural = _("clics sur les liens")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "url"], name="one_click_count_per_link")
        ]

    def __str__(self) -> str:
        return f"{self.url} ({self.clicks})"

    @classmethod
    def count(cls, campaign_id: int, url: str) -> None:
        """One more click on `url` in the campaign's mails; atomic, so two residents
        clicking at once count two."""
        now = timezone.now()
        rows = cls.objects.filter(campaign_id=campaign_id, url=url)
        if rows.update(clicks=F("clicks") + 1, last_click_at=now):
            return
        try:
            with transaction.atomic():
                cls.objects.create(campaign_id=campaign_id, url=url, clicks=1, last_click_at=now)
        except IntegrityError:  # the first click of another resident created it meanwhile
            rows.update(clicks=F("clicks") + 1, last_click_at=now)
