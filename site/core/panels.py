"""Editor panels shared by every page type."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import Panel

# Apps add advice to the page editor by registering a function with this hook (in their
# wagtail_hooks.py): it takes a page and returns a list of warnings, each with a `rule`
# (a short identifier), a `message` and a `where` (both text for the editor).
PAGE_WARNINGS_HOOK = "commune_page_warnings"


def page_warnings(page) -> list:
    """The warnings of every function registered with PAGE_WARNINGS_HOOK, in hook order."""
    warnings = []
    for check in hooks.get_hooks(PAGE_WARNINGS_HOOK):
        warnings.extend(check(page))
    return warnings


class PageWarningsPanel(Panel):
    """Read-only: lists the warnings of the latest saved draft (the edit form's instance),
    without ever blocking publishing."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Vérifications d'accessibilité"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "accessibility_warnings"

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/page_warnings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["warnings"] = page_warnings(self.instance) if self.instance else []
            return context
