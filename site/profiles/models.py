"""Resident profiles (seniors, familles…) and their landing pages of top tasks."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page, TranslatableMixin

from core.models import BasePage
from core.privacy import is_private


class Profile(TranslatableMixin, models.Model):
    """Who a page is for. Editors can rename, add or reorder profiles."""

    name = models.CharField(_("nom"), max_length=80)
    slug = models.SlugField(_("identifiant"), max_length=80)
    description = models.CharField(_("description"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("profil")
        verbose_name_plural = _("profils")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


class ProfilePage(BasePage):
    """Landing page of a profile: the tasks editors chose first, then every page tagged
    with the profile."""

    profile = models.ForeignKey(
        Profile, verbose_name=_("profil"), on_delete=models.PROTECT, related_name="landing_pages"
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("profile"),
        InlinePanel("top_tasks", label=_("Démarches les plus demandées")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("page profil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        top_tasks = [
            task.page
            for task in self.top_tasks.select_related("page")
            if task.page.live and not is_private(task.page)
        ]
        top_ids = {page.pk for page in top_tasks}
        context["top_tasks"] = [page.specific for page in top_tasks]
        context["tagged_pages"] = self.pages_for_profile().exclude(pk__in=top_ids)
        return context

    def pages_for_profile(self):
        """Live, public pages of this page's locale tagged with the profile, any page type."""
        from core.taxonomy import pages_tagged_with_profile

        return pages_tagged_with_profile(self.profile, self.locale)


class ProfileTopTask(Orderable):
    """A page an editor puts first on a profile's landing page."""

    profile_page = ParentalKey(ProfilePage, related_name="top_tasks", on_delete=models.CASCADE)
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]
