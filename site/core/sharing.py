"""What the site offers the apps that share its pages on the town's social networks.

A page type that may be shared (news, events) mixes in `SharedOnSocialNetworks`: it exposes
`get_social_summary()` (title, intro, link, themes, image and its alt text) and keeps the
editors' choices for the networks in its `diffusion` field. Because that field is part of the
page, its revisions carry it: moderators approve the texts that will be posted along with the
page, previews and comparisons show them, and a scheduled page posts what was approved.

The site knows nothing of networks: the editing widget of `diffusion` comes from the app
registered under DIFFUSION_WIDGET_HOOK (social), and the `diffusion` value is that app's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel

from .i18n import language_code_of

# The sharing app registers here a function returning the form widget that edits a page's
# `diffusion` (it receives the page being edited).
DIFFUSION_WIDGET_HOOK = "commune_diffusion_widget"


@dataclass(frozen=True)
class SocialSummary:
    """A page as a post sums it up."""

    title: str
    intro: str
    url: str  # the page's public address, in its language
    language: str  # "fr", "en", "nl"
    themes: list[str] = field(default_factory=list)  # the names of the page's themes
    image: object | None = None  # a Wagtail image, the first of the body
    image_alt: str = ""  # that image's alternative text in this page ("" when decorative)


class SharedOnSocialNetworks(models.Model):
    """A page type the town may share on its social networks when it is published."""

    diffusion = models.JSONField(_("diffusion"), default=dict, blank=True)
    # Whether a page of this type is shared when its editor says nothing (news: yes).
    shared_by_default = True

    class Meta:
        abstract = True

    def wants_sharing(self) -> bool:
        """Whether the editor wants this page shared (the "Diffusion" panel's first box)."""
        return bool((self.diffusion or {}).get("share", self.shared_by_default))

    def get_social_summary(self) -> SocialSummary:
        """What posts about this page say and show."""
        image, alt = self.first_body_image()
        return SocialSummary(
            title=self.title,
            intro=self.intro,
            url=self.full_url or "",
            language=language_code_of(self),
            themes=[theme.name for theme in self.themes.all()],
            image=image,
            image_alt=alt,
        )

    def first_body_image(self) -> tuple[object | None, str]:
        """The first image of the body and its alternative text here ("" if decorative)."""
        for block in self.body:
            if block.block_type == "image" and block.value is not None:
                image = block.value
                alt = "" if getattr(image, "decorative", False) else image.contextual_alt_text
                return image, alt or ""
        return None, ""


class DiffusionPanel(FieldPanel):
    """The "Diffusion" panel: edits the page's `diffusion` with the sharing app's widget."""

    def __init__(self, field_name: str = "diffusion", **kwargs):
        kwargs.setdefault("heading", _("Diffusion sur les réseaux sociaux"))
        super().__init__(field_name, **kwargs)

    def get_form_options(self):
        options = super().get_form_options()
        widget = diffusion_widget()
        if widget is not None:
            options.setdefault("widgets", {})[self.field_name] = widget
        return options

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # The widget shows the page's own summaries and what was posted about it.
            if self.bound_field is not None:
                self.bound_field.field.widget.page = self.instance

        def is_shown(self):
            return diffusion_widget() is not None and super().is_shown()


def diffusion_widget() -> forms.Widget | type[forms.Widget] | None:
    """The widget the sharing app registered, or None when none is installed."""
    for make_widget in hooks.get_hooks(DIFFUSION_WIDGET_HOOK):
        return make_widget()
    return None
