"""Compose: the newsletter is a Wagtail page (written, reviewed and translated like any
page); the archive lists the ones sent, each with its web version."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField

from core.i18n import language_code_of
from core.models import BasePage
from core.pagination import paginate

from ..blocks import NewsletterBodyBlock
from ..panels import CampaignPanel

# The mail preview's own policy: the mail's inline styles and its images (absolute URLs,
# possibly on a media host), nothing else; framed by the admin's preview panel only.
MAIL_PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


def sent_campaigns():
    """Campaigns of a letter in any of its languages (the page of the outer query), sent."""
    from .dispatch import Campaign

    return Campaign.objects.filter(
        page__translation_key=OuterRef("translation_key"), status=Campaign.Status.SENT
    )


class NewsletterIndexPage(BasePage):
    """The archive of the town's letters: every newsletter sent, newest first, each readable
    on the web."""

    subpage_types = ["newsletters.NewsletterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("archive des lettres d'information")

    def letters(self):
        """The letters below the archive that were sent (in any language), newest sending
        first, each with its `sent_at`."""
        sent_at = (
            sent_campaigns()
            .annotate(sent_at=Coalesce("finished_at", "started_at", "scheduled_at"))
            .order_by("-sent_at")
            .values("sent_at")[:1]
        )
        return (
            NewsletterPage.objects.child_of(self)
            .in_listings()
            .annotate(sent_at=Subquery(sent_at))
            .filter(sent_at__isnull=False)
            .order_by("-sent_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters_page"] = paginate(request, self.letters(), per_page=12)
        return context


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

    # Title, the mail's own fields, then intro, body and the accessibility warnings.
    content_panels = (
        BasePage.content_panels[:1]
        + [
            FieldPanel("subject"),
            FieldPanel("preheader"),
            FieldPanel("theme"),
            FieldPanel("segment"),
        ]
        + BasePage.content_panels[1:]
    )
    # Wagtail's three tabs (under Wagtail's own names, which its catalogue translates as on
    # every other page) and the sending one: test, send, schedule, follow the campaign.
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=gettext_lazy("Content")),
            ObjectList(BasePage.promote_panels, heading=gettext_lazy("Promote")),
            ObjectList(BasePage.settings_panels, heading=gettext_lazy("Settings")),
            ObjectList([CampaignPanel()], heading=_("Envoi")),
        ]
    )
    parent_page_types = ["newsletters.NewsletterIndexPage"]
    subpage_types: list[str] = []
    # The admin's preview: the web page, the mail as a mailbox shows it (the preview panel's
    # device buttons give the mobile and desktop widths), and its plain-text part.
    preview_modes = [
        ("", _("Page du site")),
        ("mail", _("Courriel")),
        ("text", _("Courriel (texte seul)")),
    ]

    class Meta:
        verbose_name = _("lettre d'information")

    def get_subject(self) -> str:
        return self.subject or self.title

    def frozen_edition(self):
        """The edition of this letter's language frozen by its latest started campaign, or
        None before any campaign started: what the recipients got, which the web version
        then shows."""
        from .dispatch import Campaign, CampaignEdition

        started = [Campaign.Status.SENDING, Campaign.Status.PAUSED, Campaign.Status.SENT]
        return (
            CampaignEdition.objects.filter(
                campaign__page__translation_key=self.translation_key,
                campaign__status__in=started,
                language=language_code_of(self),
            )
            .order_by("-campaign__started_at", "-pk")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        from ..rendering import render_web_version

        context = super().get_context(request, *args, **kwargs)
        edition = None if getattr(request, "is_preview", False) else self.frozen_edition()
        if edition is not None:
            context["letter_html"] = edition.web_html
        else:
            context["letter_html"] = render_web_version(self, language_code_of(self))
        return context

    def serve_preview(self, request, mode_name):
        if mode_name in ("mail", "text"):
            return self.mail_preview(mode_name)
        return super().serve_preview(request, mode_name)

    def mail_preview(self, mode_name: str) -> HttpResponse:
        """The mail as it is now (the automatic blocks read today's news and events), the
        personal links pointing at the archive."""
        from ..personalise import fill
        from ..rendering import neutral_values, render_edition

        language = self.locale.language_code
        edition = render_edition(self, language)
        values = neutral_values(self, language)
        if mode_name == "text":
            return HttpResponse(
                fill(edition.text, values), content_type="text/plain; charset=utf-8"
            )
        response = HttpResponse(fill(edition.html, values))
        response.headers["Content-Security-Policy"] = MAIL_PREVIEW_CSP
        return response


sender_name = RegexValidator(
    r"^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$",
    _(
        "Le nom d'expéditeur compte au plus 11 caractères, lettres non accentuées, chiffres "
        "ou espaces, avec au moins une lettre (par exemple MAIRIE ou VILLENEUVE)."
    ),
)


class SmsMessage(models.Model):
    """An SMS the town prepares for a segment of its contacts: a strike or a class closure
    for parents, a water cut for a street, an information campaign for seniors. It is sent
    by a campaign (newsletters/dispatch.py), inside the town's sending window unless it is
    an urgent alert; the opt-out mention is added to every message that is not urgent."""

    title = models.CharField(
        _("intitulé"),
        max_length=120,
        help_text=_("Pour l'équipe ; les destinataires ne le voient pas."),
    )
    segment = models.ForeignKey(
        "newsletters.Segment",
        verbose_name=_("destinataires"),
        on_delete=models.PROTECT,
        limit_choices_to={"channel": "sms"},
        related_name="+",
    )
    sender = models.CharField(
        _("nom d'expéditeur"),
        max_length=11,
        validators=[sender_name],
        help_text=_("Au plus 11 caractères, affiché à la place d'un numéro."),
    )
    text = models.TextField(_("texte"))
    urgent = models.BooleanField(
        _("alerte urgente"),
        default=False,
        help_text=_(
            "Part immédiatement, de jour comme de nuit, sans mention STOP. Réservé aux "
            "urgences (sécurité, fermeture imprévue) et aux personnes autorisées."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rédigé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    # What left, frozen when the campaign starts: the text with its mention, and its size.
    sent_text = models.TextField(_("texte envoyé"), blank=True, editable=False)
    segments = models.PositiveSmallIntegerField(
        _("segments par message"), default=0, editable=False
    )

    class Meta:
        verbose_name = _("SMS")
        verbose_name_plural = _("SMS")
        ordering = ["-created_at", "-pk"]
        permissions = [("send_urgent_sms", _("Peut envoyer une alerte SMS urgente"))]

    def __str__(self) -> str:
        return self.title
