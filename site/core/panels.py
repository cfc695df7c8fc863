"""Editor panels shared by every page type."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import Panel

# Apps add advice to the page editor by registering a function with this hook (in their
# wagtail_hooks.py): it takes a page and returns a list of warnings, each with a `rule`
# (a short identifier), a `message` and a `where` (both text for the editor).
PAGE_WARNINGS_HOOK = "commune_page_warnings"

WARNINGS_TEMPLATE = "core/panels/page_warnings_list.html"


def page_warnings(page) -> list:
    """The warnings of every function registered with PAGE_WARNINGS_HOOK, in hook order."""
    warnings = []
    for check in hooks.get_hooks(PAGE_WARNINGS_HOOK):
        warnings.extend(check(page))
    return warnings


class PageWarningsPanel(Panel):
    """Read-only: lists the warnings of the page being edited, without ever blocking
    publishing. It opens on the latest revision (for a reviewer, the one in moderation),
    then follows the form as the editor types (core/admin/page-warnings.js)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Vérifications d'accessibilité"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "accessibility_warnings"

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/page_warnings.html"

        class Media:
            js = ["core/admin/page-warnings.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["warnings"] = page_warnings(self.instance) if self.instance else []
            context["refresh_url"] = self.refresh_url()
            return context

        def refresh_url(self) -> str:
            """Where the script sends the form: the page's own address, or for a new page
            its type and parent, as Wagtail's preview does."""
            if self.instance.pk:
                return reverse("commune_page_warnings_on_edit", args=[self.instance.pk])
            parent = getattr(self.form, "parent_page", None)
            if parent is None:
                return ""
            meta = self.instance._meta
            return reverse(
                "commune_page_warnings_on_create",
                args=[meta.app_label, meta.model_name, parent.pk],
            )
