"""The town's social network accounts (a site setting) and the posts made on them."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .settings_form import SocialSettingsForm, secret_field_name
from .vault import SECRET_NAMES


class Network(models.TextChoices):
    X = "x", "X"
    FACEBOOK = "facebook", "Facebook"
    LINKEDIN = "linkedin", "LinkedIn"
    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"


@register_setting(icon="globe")
class SocialSettings(BaseSiteSetting):
    """The town's accounts on the social networks, per site: which are on, what identifies
    them, and their secrets (tokens, passwords), stored encrypted and never shown back.

    In demonstration mode every enabled account posts through a stand-in that records what
    the network would have received and reaches nothing."""

    demo_mode = models.BooleanField(
        _("mode démonstration"),
        default=False,
        help_text=_(
            "Les publications sont enregistrées ici telles que chaque réseau les aurait "
            "reçues, sans rien envoyer."
        ),
    )
    x_enabled = models.BooleanField(_("publier sur X"), default=False)
    x_username = models.CharField(_("compte X (sans @)"), max_length=50, blank=True)
    facebook_enabled = models.BooleanField(_("publier sur Facebook"), default=False)
    facebook_page_id = models.CharField(
        _("identifiant de la page Facebook"), max_length=40, blank=True
    )
    linkedin_enabled = models.BooleanField(_("publier sur LinkedIn"), default=False)
    linkedin_organisation = models.CharField(
        _("organisation LinkedIn"),
        max_length=60,
        blank=True,
        help_text=_("Son URN, par exemple urn:li:organization:123456."),
    )
    mastodon_enabled = models.BooleanField(_("publier sur Mastodon"), default=False)
    mastodon_instance_url = models.URLField(
        _("instance Mastodon"), blank=True, help_text=_("Par exemple https://mastodon.social")
    )
    bluesky_enabled = models.BooleanField(_("publier sur Bluesky"), default=False)
    bluesky_handle = models.CharField(
        _("identifiant Bluesky"),
        max_length=120,
        blank=True,
        help_text=_("Par exemple ville.bsky.social"),
    )
    bluesky_pds_url = models.URLField(_("serveur Bluesky (PDS)"), default="https://bsky.social")
    # The accounts' secrets, encrypted (social.vault); written only by the form and by the
    # backends that refresh a token or a session.
    vault = models.TextField(editable=False, blank=True, default="")

    base_form_class = SocialSettingsForm

    class Meta:
        verbose_name = _("réseaux sociaux")

    @staticmethod
    def account_panel(network: str, heading: str, *fields: str) -> MultiFieldPanel:
        """One network's panel: its switch, identifiers and write-only secrets."""
        secrets = [secret_field_name(network, name) for name in SECRET_NAMES[network]]
        names = [f"{network}_enabled", *fields, *secrets]
        return MultiFieldPanel([FieldPanel(name) for name in names], heading=heading)

    def enabled_networks(self) -> list[str]:
        """The networks this site posts on, in the order of Network."""
        return [network.value for network in Network if getattr(self, f"{network.value}_enabled")]

    def account_settings(self, network: str) -> dict[str, str]:
        """What identifies the account on `network`, for its backend (nothing secret)."""
        return {
            "x": {"username": self.x_username},
            "facebook": {"page_id": self.facebook_page_id},
            "linkedin": {"organisation": self.linkedin_organisation},
            "mastodon": {"instance_url": self.mastodon_instance_url.rstrip("/")},
            "bluesky": {"handle": self.bluesky_handle, "pds_url": self.bluesky_pds_url.rstrip("/")},
        }[network]


class SocialPost(models.Model):
    """One summary posted (or to post) on one of the town's networks: about a page for one
    of its publications, or about an alert. Its row is what makes the town's account get it
    exactly once: a task claims it, posts, and records the network's answer here."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        SENDING = "sending", _("Envoi en cours")
        POSTED = "posted", _("Publiée")
        FAILED = "failed", _("Refusée")
        UNKNOWN = "unknown", _("Issue inconnue")
        REMOVING = "removing", _("Retrait en cours")
        REMOVED = "removed", _("Retirée")

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    # What the post is about: "page-<id>" or "alert-<id>-start" / "alert-<id>-end".
    subject = models.CharField(_("sujet"), max_length=40)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("titre"), max_length=255)  # kept when the page goes
    network = models.CharField(_("réseau"), max_length=16, choices=Network.choices)
    # 1 for the first publication; the editor's "publier à nouveau" adds a round.
    round = models.PositiveSmallIntegerField(_("publication n°"), default=1)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    text = models.TextField(_("texte"))
    link = models.URLField(_("lien"), max_length=500, blank=True)
    language = models.CharField(_("langue"), max_length=8, default="fr")
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(_("texte alternatif de l'image"), max_length=1000, blank=True)
    # "demo" when the site's demonstration mode recorded it instead of posting it.
    stand_in = models.CharField(max_length=10, blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)  # the attempt's claim (its token)
    heartbeat_at = models.DateTimeField(null=True, blank=True)  # the attempt is still alive
    # An editor asked to take the post down (deleting is idempotent: retried until done).
    removal_requested = models.BooleanField(default=False)
    posted_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    remote_id = models.CharField(max_length=255, blank=True)
    url = models.URLField(_("adresse"), max_length=500, blank=True)
    reason = models.CharField(_("motif"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("publication sur un réseau social")
        verbose_name_plural = _("publications sur les réseaux sociaux")
        ordering = ["-created_at", "network"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "subject", "network", "round"], name="one_post_per_publication"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_network_display()})"

    @property
    def key(self) -> str:
        """The idempotency key the network receives: the same for every attempt."""
        return f"commune-{self.site_id}-{self.subject}-{self.network}-{self.round}"


SocialSettings.panels = [
    FieldPanel("demo_mode"),
    SocialSettings.account_panel("x", "X", "x_username"),
    SocialSettings.account_panel("facebook", "Facebook", "facebook_page_id"),
    SocialSettings.account_panel(
        "linkedin", "LinkedIn", "linkedin_organisation", "linkedin_token_expires"
    ),
    SocialSettings.account_panel("mastodon", "Mastodon", "mastodon_instance_url"),
    SocialSettings.account_panel("bluesky", "Bluesky", "bluesky_handle", "bluesky_pds_url"),
]
