"""An editor panel listing the accessibility warnings of the page being edited."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .checks import check_page


class AccessibilityWarningsPanel(Panel):
    """Read-only: lists `check_page` warnings for the latest saved draft (the edit form's
    instance), without ever blocking publishing."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Vérifications d'accessibilité"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "accessibility_warnings"

    class BoundPanel(Panel.BoundPanel):
        template_name = "accessibility/panels/warnings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["warnings"] = check_page(self.instance) if self.instance else []
            return context
