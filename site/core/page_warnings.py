"""The accessibility warnings panel's answer to the page editor's form, as the editor types
(see core.panels.PageWarningsPanel and core/admin/page-warnings.js)."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.response import TemplateResponse
from wagtail.admin.views.pages.preview import PreviewOnCreateView, PreviewOnEditView

from .panels import WARNINGS_TEMPLATE, page_warnings


class PageWarningsFromForm:
    """Answers the page editor's form, unsaved, with the warnings of what it holds. Built on
    Wagtail's live preview views: the same form, placeholders and permission checks, so the
    warnings always describe what the preview shows; nothing is stored."""

    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not self.validate_form(form):
            # The preview keeps showing the last valid state too: the panel stays as it is.
            return HttpResponse(status=204)
        page = form.save(commit=False)
        return TemplateResponse(
            request, WARNINGS_TEMPLATE, {"warnings": page_warnings(page), "unsaved": True}
        )


class PageWarningsOnEdit(PageWarningsFromForm, PreviewOnEditView):
    """The warnings of an existing page's edit form."""


class PageWarningsOnCreate(PageWarningsFromForm, PreviewOnCreateView):
    """The warnings of a new page's form."""
