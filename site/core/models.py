"""Shared building blocks of the public site: taxonomy snippets, town settings, alert banner
and the abstract page every public page type extends."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.search import index

from .antispam import HONEYPOT_FIELD
from .blocks import BodyBlock
from .cached import TOWN_SETTINGS, remembered
from .fields import optional_link
from .forms import LocalizedPageForm, LocalizedSnippetForm
from .panels import PageWarningsPanel
from .privacy import CachedViewRestrictionsMixin, PublicPageManager, all_pages

# The resident profiles pages are tagged with (seniors, familles…): a model of the profiles
# app, which core names without importing it (core.taxonomy.get_profile_model()).
PROFILE_MODEL = "profiles.Profile"


class Theme(TranslatableMixin, models.Model):
    """A subject residents follow (culture, travaux…): tags pages, filters the agenda and
    later names newsletter topics."""

    name = models.CharField(_("nom"), max_length=80)
    slug = models.SlugField(_("identifiant"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


class Neighbourhood(TranslatableMixin, models.Model):
    """A quartier of the town, used to place directory entries and to segment audiences."""

    name = models.CharField(_("nom"), max_length=80)
    slug = models.SlugField(_("identifiant"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("quartier")
        verbose_name_plural = _("quartiers")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


class EditorialService(models.Model):
    """A municipal service as the admin knows it: the group of its editors and the themes it
    publishes on. A page created by a member of the group comes with these themes ticked (in
    the page's locale: the themes are matched across translations)."""

    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("groupe des éditeurs"),
        on_delete=models.CASCADE,
        related_name="editorial_service",
    )
    themes = models.ManyToManyField(
        Theme,
        verbose_name=_("thèmes du service"),
        blank=True,
        related_name="editorial_services",
        help_text=_("Cochés d'office sur les pages que créent les membres du service."),
    )

    panels = [FieldPanel("group"), FieldPanel("themes", widget=forms.CheckboxSelectMultiple)]
    # Themes of the default locale only: the service's themes are matched across locales.
    base_form_class = LocalizedSnippetForm

    class Meta:
        verbose_name = _("service municipal")
        verbose_name_plural = _("services municipaux")
        ordering = ["group__name"]

    def __str__(self) -> str:
        return self.group.name

    @classmethod
    def themes_for_user(cls, user, locale) -> models.QuerySet[Theme]:
        """The themes, in `locale`, of the services `user` belongs to."""
        keys = Theme.objects.filter(editorial_services__group__user=user).values("translation_key")
        return Theme.objects.filter(locale=locale, translation_key__in=keys)


def default_town_name() -> str:
    """The deployer's name for the town (settings.COMMUNE_TOWN_NAME), until editors set it."""
    return settings.COMMUNE_TOWN_NAME


@register_setting(icon="home")
class TownSettings(BaseSiteSetting):
    """Facts about the town shown in the header, footer and structured data."""

    town_name = models.CharField(_("nom de la commune"), max_length=120, default=default_town_name)
    address = models.CharField(_("adresse de la mairie"), max_length=200, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    opening_hours = models.CharField(_("horaires d'accueil"), max_length=250, blank=True)

    panels = [
        FieldPanel("town_name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("postcode"), FieldPanel("city")],
            heading=_("Adresse"),
        ),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("opening_hours"),
    ]

    class Meta:
        verbose_name = _("informations de la commune")

    @classmethod
    def for_site(cls, site: Site) -> TownSettings:
        """The site's settings from the shared cache: every page shows them, and they change
        only when an editor saves them (core.cached then forgets them)."""
        if site is None:
            return super().for_site(site)  # Wagtail's DoesNotExist
        fields = cls._meta.concrete_fields
        values = remembered(
            TOWN_SETTINGS,
            lambda: [getattr(super(TownSettings, cls).for_site(site), f.attname) for f in fields],
            site.pk,
        )
        return cls.from_db(DEFAULT_DB_ALIAS, [f.attname for f in fields], values)


class AlertQuerySet(models.QuerySet):
    def not_over(self, at=None):
        """Alerts shown at `at` (default: now) or later."""
        at = at or timezone.now()
        return self.filter(models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=at))


class Alert(TranslatableMixin, models.Model):
    """A site-wide banner (flood warning, strike, road closure) shown between two dates."""

    class Level(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Vigilance")
        URGENT = "urgent", _("Urgence")

    title = models.CharField(_("titre"), max_length=120)
    message = models.CharField(_("message"), max_length=300)
    level = models.CharField(_("niveau"), max_length=10, choices=Level.choices, default=Level.INFO)
    link_page = optional_link("wagtailcore.Page", _("page liée"))
    starts_at = models.DateTimeField(_("début"), default=timezone.now)
    ends_at = models.DateTimeField(_("fin"), null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("level"),
        FieldPanel("link_page"),
        MultiFieldPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Période")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("bandeau d'alerte")
        verbose_name_plural = _("bandeaux d'alerte")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title


class BasePage(CachedViewRestrictionsMixin, Page):
    """Fields and behaviour every public page shares: a plain-words intro, a body of
    accessible blocks, and the profiles and themes it concerns."""

    intro = models.TextField(_("chapô"), blank=True, help_text=_("Une ou deux phrases simples."))
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)
    profiles = ParentalManyToManyField(PROFILE_MODEL, verbose_name=_("profils"), blank=True)
    themes = ParentalManyToManyField(Theme, verbose_name=_("thèmes"), blank=True)

    # Subclasses rebuild their panels from slices of this list: [:2] is title and intro,
    # [2:] the body and its warnings panel, and most page types put their own fields in
    # between. NewsPage cuts at [:1] to put its date after the title; DirectoryIndexPage and
    # ProfilePage add their fields after the warnings. Keep the warnings right after the body
    # they check.
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        PageWarningsPanel(),
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [
                FieldPanel("profiles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classement"),
        )
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("locale"),
    ]

    objects = PublicPageManager()
    # Taxonomy choices in the page's own locale; a new page gets its author's service themes.
    base_form_class = LocalizedPageForm

    # True on page types whose own text stands in for the PDF documents they link to (a
    # publication and its HTML summary): the editor's checks then ask for no other
    # alternative.
    has_html_alternative = False

    class Meta:
        abstract = True

    def get_json_ld(self, request=None) -> dict[str, Any] | None:
        """schema.org data describing the page, or None when it has none."""
        return None

    def get_meta_description(self) -> str:
        return self.search_description or self.intro


class SectionPage(BasePage):
    """A rubrique: groups the procedures and information pages of one area of town life."""

    subpage_types = [
        "core.SectionPage",
        "core.ContentPage",
        "core.ContactFormPage",
        "procedures.ProcedurePage",
        "directory.DirectoryIndexPage",
        "publications.PublicationIndexPage",
        "places.PlaceIndexPage",
    ]

    class Meta:
        verbose_name = _("rubrique")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = all_pages().child_of(self).in_listings().order_by("path").specific()
        return context


class ContentPage(BasePage):
    """A free information page (waste collection days, job offers, legal notices…)."""

    subpage_types = ["core.ContentPage"]

    class Meta:
        verbose_name = _("page de contenu")


class PersonalDetail(models.TextChoices):
    """A detail of their own a contact form asks the resident for, valued as the HTML
    `autocomplete` token that lets browsers fill it in (RGAA 11.13, WCAG 1.3.5)."""

    NAME = "name", _("nom")
    EMAIL = "email", _("courriel")
    TEL = "tel", _("téléphone")


class ContactFormField(AbstractFormField):
    """One field of a contact form, as the editor set it up."""

    page = ParentalKey("ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")
    purpose = models.CharField(
        _("donnée personnelle"),
        max_length=16,
        choices=PersonalDetail.choices,
        blank=True,
        help_text=_(
            "Si le champ demande le nom, le courriel ou le téléphone de la personne, son "
            "navigateur pourra le remplir à sa place."
        ),
    )

    panels = [*AbstractFormField.panels, FieldPanel("purpose")]


# A long letter fits; a megabyte pasted by a script does not get stored.
CONTACT_MESSAGE_MAX_LENGTH = 5000


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder, giving the fields that hold a personal detail the
    `autocomplete` their editor chose, and a length limit to the message fields."""

    def create_multiline_field(self, field, options):
        options["max_length"] = CONTACT_MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            if field.purpose:
                # Wagtail's own naming: unsaved fields (previews) have no clean_name yet.
                name = field.clean_name or field.get_field_clean_name()
                formfields[name].widget.attrs["autocomplete"] = field.purpose
        return formfields


class ContactFormPage(CachedViewRestrictionsMixin, AbstractEmailForm):
    """A contact form; submissions are stored, and e-mailed to the service (`to_address`)
    by the notifications app, never inside the resident's request."""

    intro = models.TextField(_("chapô"), blank=True)
    thank_you_text = RichTextField(_("message de confirmation"), blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Champs du formulaire")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("Courriel"),
        ),
    ]
    form_builder = ContactFormBuilder
    parent_page_types = ["core.SectionPage", "home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("formulaire de contact")

    def get_form_class(self):
        from .antispam import HoneypotFormMixin

        return type("ContactForm", (HoneypotFormMixin, super().get_form_class()), {})

    def process_form_submission(self, form):
        """Store the submission and say so; unlike Wagtail's AbstractEmailForm, send nothing
        here: a failing mail server must not cost the resident an error page."""
        from .signals import contact_form_submitted

        if form.is_spam:
            return None
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        submission = FormMixin.process_form_submission(self, form)
        contact_form_submitted.send(sender=type(self), page=self, submission=submission)
        return submission

    def submission_email_recipients(self) -> list[str]:
        """The addresses a submission goes to, as Wagtail's `send_mail` reads `to_address`."""
        return [address.strip() for address in self.to_address.split(",") if address.strip()]

    def render_submission_email(self, submission) -> str:
        """The body Wagtail's `render_email` writes for the submitted form, rebuilt from the
        stored submission: the page's current fields, in their order, with the stored values
        turned back into Python values (dates, numbers, choices) by each field."""
        form = self.get_form(page=self, user=None)
        cleaned_data = {}
        for name, value in submission.form_data.items():
            field = form.fields.get(name)
            if field is None:
                continue
            try:
                cleaned_data[name] = field.to_python(value)
            except forms.ValidationError:
                cleaned_data[name] = value
        form.cleaned_data = cleaned_data
        return self.render_email(form)

    def serve(self, request, *args, **kwargs):
        from .ratelimit import rate_limited  # imports this module's RateLimitCounter

        # One limit for every contact page of the site, whatever its language: a resident
        # refused on one page may not post again on its translation.
        if request.method == "POST" and rate_limited(
            request, f"contact-{self.get_site().pk}", settings.COMMUNE_PROPOSALS_PER_HOUR * 2
        ):
            return TemplateResponse(request, "core/rate_limited.html", {"page": self}, status=429)
        return super().serve(request, *args, **kwargs)


class RateLimitCounter(models.Model):
    """One client's attempts at one public form in the current window (core.ratelimit).

    The key is the form's scope and a keyed hash of the client's address: no address is
    stored. A row whose window has ended is reused by the client's next attempt, or deleted
    by the scheduler."""

    key = models.CharField(_("clé"), max_length=100, primary_key=True)
    count = models.PositiveIntegerField(_("tentatives"))
    expires_at = models.DateTimeField(_("fin de la période"), db_index=True)

    class Meta:
        verbose_name = _("compteur de limite des formulaires")
        verbose_name_plural = _("compteurs de limite des formulaires")

    def __str__(self) -> str:
        return self.key
