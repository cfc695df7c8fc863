"""Audience: who the town may write to, on which theme and channel, and with what proof."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("Courriel")
    SMS = "sms", _("SMS")


class ConsentSource(models.TextChoices):
    SITE = "site", _("Formulaire du site")
    IMPORT = "import", _("Import")
    ADMIN = "admin", _("Administration")
    PREFERENCES = "preferences", _("Centre de préférences")


class WithdrawalSource(models.TextChoices):
    """How a consent was withdrawn: part of the proof, like how it was given."""

    PREFERENCES = "preferences", _("Centre de préférences")
    UNSUBSCRIBE_LINK = "unsubscribe", _("Lien de désinscription")
    PROVIDER = "provider", _("Désinscription signalée par le fournisseur")
    SMS_STOP = "sms_stop", _("Réponse STOP par SMS")
    ADMIN = "admin", _("Administration")


def normalise_email(address: str) -> str:
    """The form an address is stored and compared in: trimmed, lower-case."""
    return address.strip().lower()


def address_hash(address: str) -> str:
    """A one-way fingerprint of an address or number: what the suppression list keeps."""
    return hashlib.sha256(normalise_email(address).encode()).hexdigest()


class ContactQuerySet(models.QuerySet):
    def consenting(self, theme_ids, channel: str) -> ContactQuerySet:
        """Contacts with a live consent to one of these themes on this channel."""
        live = Consent.objects.filter(
            contact=OuterRef("pk"),
            theme__in=theme_ids,
            channel=channel,
            withdrawn_at__isnull=True,
        )
        return self.filter(Exists(live))

    def reachable_by(self, channel: str) -> ContactQuerySet:
        """Contacts with an address for the channel (a confirmed e-mail, a mobile number)."""
        if channel == Channel.EMAIL:
            return self.exclude(email__isnull=True).exclude(email="")
        return self.exclude(phone="")


class Contact(models.Model):
    """A resident who asked to hear from the town: their e-mail and/or mobile number,
    language, neighbourhood and profiles. What they may receive is in their consents, one per
    theme and channel; the contact row alone allows nothing."""

    email = models.EmailField(_("adresse électronique"), unique=True, null=True, blank=True)
    phone = models.CharField(
        _("téléphone mobile"),
        max_length=16,
        blank=True,
        db_index=True,
        help_text=_("Format international E.164, par exemple +33612345678."),
    )
    first_name = models.CharField(_("prénom"), max_length=80, blank=True)
    language = models.CharField(
        _("langue"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood",
        verbose_name=_("quartier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    profiles = models.ManyToManyField(
        "profiles.Profile", verbose_name=_("profils"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    # Opening a mail's link, changing preferences or giving a consent: the CNIL's three years
    # of inactivity count from here.
    last_activity_at = models.DateTimeField(_("dernière activité le"), default=timezone.now)
    reconsent_requested_at = models.DateTimeField(
        _("nouveau consentement demandé le"), null=True, blank=True
    )
    # Fingerprints of the address and number, matched against the suppression list in SQL.
    email_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["email", "pk"]

    def __str__(self) -> str:
        return self.email or self.phone or f"#{self.pk}"

    def save(self, *args, **kwargs):
        self.normalise()
        super().save(*args, **kwargs)

    def normalise(self) -> None:
        """Store the address in its compared form with the fingerprints the suppression list
        matches; bulk_create callers call this themselves."""
        # unique allows many NULLs, not many empty strings
        self.email = normalise_email(self.email) if self.email else None
        self.email_hash = address_hash(self.email) if self.email else ""
        self.phone_hash = address_hash(self.phone) if self.phone else ""

    def live_consents(self, channel: str | None = None) -> models.QuerySet[Consent]:
        consents = self.consents.filter(withdrawn_at__isnull=True)
        return consents.filter(channel=channel) if channel else consents


class Consent(models.Model):
    """One consent a contact gave to receive one theme on one channel: when, from where, the
    exact wording they saw, and when they withdrew it. Rows are never deleted while the
    contact exists: the history is the proof the CNIL asks for."""

    contact = models.ForeignKey(
        Contact, verbose_name=_("contact"), on_delete=models.CASCADE, related_name="consents"
    )
    theme = models.ForeignKey(
        "core.Theme", verbose_name=_("thème"), on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("canal"), max_length=8, choices=Channel.choices)
    given_at = models.DateTimeField(_("donné le"), default=timezone.now)
    source = models.CharField(_("origine"), max_length=16, choices=ConsentSource.choices)
    wording = models.TextField(_("texte présenté"))
    withdrawn_at = models.DateTimeField(_("retiré le"), null=True, blank=True)
    withdrawn_via = models.CharField(
        _("retiré par"), max_length=16, choices=WithdrawalSource.choices, blank=True
    )

    class Meta:
        verbose_name = _("consentement")
        verbose_name_plural = _("consentements")
        ordering = ["-given_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "theme", "channel"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_live_consent_per_theme_and_channel",
            )
        ]
        indexes = [models.Index(fields=["theme", "channel", "withdrawn_at"])]

    def __str__(self) -> str:
        return f"{self.theme} ({self.get_channel_display()})"


class Signup(models.Model):
    """A sign-up from the site waiting for its confirmation link (double opt-in). It becomes
    a contact with consents when confirmed; unconfirmed ones are purged after a while. One
    row per address: signing up again updates it and sends at most one mail per period."""

    email = models.EmailField(_("adresse électronique"), unique=True)
    themes = models.ManyToManyField("core.Theme", verbose_name=_("thèmes"), related_name="+")
    language = models.CharField(_("langue"), max_length=8, choices=settings.LANGUAGES)
    wording = models.TextField(_("texte présenté"))
    # Optional: a mobile number given with the sign-up receives the same themes by SMS once
    # the address is confirmed, with the SMS statement the person saw.
    phone = models.CharField(_("téléphone mobile"), max_length=16, blank=True)
    sms_wording = models.TextField(_("texte présenté pour les SMS"), blank=True)
    created_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    mailed_at = models.DateTimeField(_("lien envoyé le"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription à confirmer")
        verbose_name_plural = _("inscriptions à confirmer")

    def __str__(self) -> str:
        return self.email


class Segment(models.Model):
    """A saved audience: a theme and a channel, narrowed by profiles, neighbourhoods and
    languages. It is a query evaluated when a campaign starts, never a copied list."""

    name = models.CharField(_("nom"), max_length=120)
    channel = models.CharField(
        _("canal"), max_length=8, choices=Channel.choices, default=Channel.EMAIL
    )
    themes = models.ManyToManyField(
        "core.Theme",
        verbose_name=_("thèmes"),
        related_name="+",
        help_text=_("Les contacts qui ont consenti à au moins un de ces thèmes."),
    )
    profiles = models.ManyToManyField(
        "profiles.Profile",
        verbose_name=_("profils"),
        blank=True,
        related_name="+",
        help_text=_("Vide : tous les profils."),
    )
    neighbourhoods = models.ManyToManyField(
        "core.Neighbourhood",
        verbose_name=_("quartiers"),
        blank=True,
        related_name="+",
        help_text=_("Vide : toute la commune."),
    )
    languages = models.JSONField(
        _("langues"), default=list, blank=True, help_text=_("Vide : toutes les langues.")
    )

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["name"]
        # Without it, an editor reaches only the themes of their municipal service.
        permissions = [("address_every_theme", _("Peut s'adresser à tous les thèmes"))]

    def __str__(self) -> str:
        return self.name

    def recipients(self) -> ContactQuerySet:
        """The contacts this segment reaches now: live consent, an address for the channel,
        not suppressed, and within the profile, neighbourhood and language filters."""
        return self.recipients_matching(
            channel=self.channel,
            theme_ids=list(self.themes.values_list("pk", flat=True)),
            profile_ids=list(self.profiles.values_list("pk", flat=True)),
            neighbourhood_ids=list(self.neighbourhoods.values_list("pk", flat=True)),
            languages=self.languages,
        )

    @staticmethod
    def recipients_matching(
        *,
        channel: str,
        theme_ids: list[int],
        profile_ids: list[int],
        neighbourhood_ids: list[int],
        languages: list[str],
    ) -> ContactQuerySet:
        """The recipients of a segment with these criteria, saved or not (the admin counts
        them live while the segment is being edited)."""
        from .record import Suppression

        contacts = Contact.objects.reachable_by(channel).consenting(theme_ids, channel)
        if profile_ids:
            contacts = contacts.filter(profiles__in=profile_ids)
        if neighbourhood_ids:
            contacts = contacts.filter(neighbourhood__in=neighbourhood_ids)
        if languages:
            contacts = contacts.filter(language__in=languages)
        return Suppression.exclude_suppressed(contacts.distinct(), channel)
