"""One row per e-mail the site sends to its staff: the state a retry reads first."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A row claimed longer ago than this belongs to a worker that died: another may take it.
CLAIM_TIMEOUT = timedelta(minutes=15)


class OutgoingMail(models.Model):
    """An e-mail telling one recipient of one event on the site (a contact form submission,
    an event proposal). Unique per notification and recipient, so that a retried task never
    sends again what was sent. Holds no message body: the task writes it from the object
    when it sends, and the error kept is an exception class and an SMTP code, never the
    server's text (which may quote an address)."""

    class Kind(models.TextChoices):
        CONTACT_FORM = "contact_form", _("Formulaire de contact")
        EVENT_PROPOSAL = "event_proposal", _("Proposition d'événement")

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        SENDING = "sending", _("Envoi en cours")
        SENT = "sent", _("Envoyé")
        FAILED = "failed", _("Échec")

    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(
        _("objet"), help_text=_("Formulaire reçu ou proposition d'événement, selon le type.")
    )
    recipient = models.EmailField(_("destinataire"), max_length=254)
    status = models.CharField(
        _("état"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.CharField(_("dernière erreur"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("dernière tentative le"), null=True, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("courriel de notification")
        verbose_name_plural = _("courriels de notification")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "recipient"], name="one_mail_per_recipient"
            )
        ]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} n° {self.object_id} ({self.get_status_display()})"

    @classmethod
    def claimable(cls) -> Q:
        """Rows a task may send: pending ones, and those a dead worker left half done."""
        stale = timezone.now() - CLAIM_TIMEOUT
        return Q(status=cls.Status.PENDING) | Q(status=cls.Status.SENDING, claimed_at__lt=stale)

    @classmethod
    def claim(cls, pk: int) -> OutgoingMail | None:
        """Take the row for this worker, or None if another has it or it is done. One
        conditional UPDATE: two workers can never both win."""
        now = timezone.now()
        won = cls.objects.filter(cls.claimable(), pk=pk).update(
            status=cls.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
        return cls.objects.get(pk=pk) if won else None

    def mark_sent(self) -> None:
        self.status = self.Status.SENT
        self.sent_at = timezone.now()
        self.last_error = ""
        self.save(update_fields=["status", "sent_at", "last_error"])

    def mark_failed_attempt(self, error: str, *, retry: bool) -> None:
        """Record `error` (no personal data); pending again if it may be retried."""
        self.status = self.Status.PENDING if retry else self.Status.FAILED
        self.last_error = error[:200]
        self.save(update_fields=["status", "last_error"])
