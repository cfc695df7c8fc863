"""The admin form of an RGAA audit: its totals come from the per-criterion grid when the
grid is filled, and are typed by hand (and checked) when the report gives totals only."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .rgaa import criteria


class AccessibilityAuditForm(WagtailAdminModelForm):
    def grid_rows(self) -> list[dict]:
        formset = self.formsets.get("results")
        if formset is None or not formset.is_valid():
            return []
        return [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        from .models import grid_counts

        cleaned_data = super().clean()
        rows = self.grid_rows()
        numbers = [row["criterion"] for row in rows]
        repeated = sorted({number for number in numbers if numbers.count(number) > 1})
        if repeated:
            raise ValidationError(
                _("La grille note plusieurs fois le(s) critère(s) %(numbers)s.")
                % {"numbers": ", ".join(repeated)}
            )
        self.check_page_names(rows, cleaned_data.get("audited_pages") or "")
        rated = [row for row in rows if row.get("status")]
        if rated:
            rated_numbers = {row["criterion"] for row in rated}
            missing = [number for number in criteria() if number not in rated_numbers]
            if missing:
                raise ValidationError(
                    _(
                        "La grille remplie doit donner un résultat pour les 106 critères ; "
                        "il manque : %(numbers)s."
                    )
                    % {"numbers": ", ".join(missing)}
                )
            met, applicable = grid_counts(row["status"] for row in rated)
            cleaned_data["met_criteria"] = met
            cleaned_data["applicable_criteria"] = applicable
        else:
            for name in ("applicable_criteria", "met_criteria"):
                if cleaned_data.get(name) is None and name not in self.errors:
                    self.add_error(
                        name,
                        _("Sans grille remplie, saisissez les totaux du rapport d'audit."),
                    )
        return cleaned_data

    @staticmethod
    def check_page_names(rows: list[dict], audited_pages: str) -> None:
        """The grid's per-page results name audited pages, so that the rate can be computed
        page by page."""
        from .models import lines, page_list, page_name

        pages = {page_name(entry) for entry in lines(audited_pages)}
        named = {
            name
            for row in rows
            for field in ("failing_on", "not_applicable_on", "checked_on")
            for name in page_list(row.get(field) or "")
        }
        unknown = sorted(named - pages)
        if unknown:
            raise ValidationError(
                _("La grille nomme des pages qui ne sont pas dans les pages auditées : %(names)s.")
                % {"names": ", ".join(unknown)}
            )
