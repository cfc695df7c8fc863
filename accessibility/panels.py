"""Admin panels of the audit grid."""

from __future__ import annotations

from wagtail.admin.panels import Panel

from .rgaa import criteria


class CriterionTitlePanel(Panel):
    """Read-only: the official title of the row's RGAA criterion, so that the webmaster rates
    the question the criterion asks rather than a number (the row's select only names the
    number and theme: 106 selects of 106 full titles would weigh megabytes)."""

    @property
    def clean_name(self):
        return super().clean_name or "criterion_title"

    class BoundPanel(Panel.BoundPanel):
        template_name = "accessibility/panels/criterion_title.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            number = getattr(self.instance, "criterion", "")
            context["criterion"] = criteria().get(number) if number else None
            return context
