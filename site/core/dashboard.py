"""What an editor does first, on the admin's dashboard: Wagtail already lists the pages
awaiting their review and their pages in moderation; these panels add the accessibility
warnings of the pages to review, their drafts and the alerts shown on the site right now."""

from __future__ import annotations

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from .models import Alert
from .panels import page_warnings


class MyDraftsPanel(Component):
    """The pages the editor owns that have changes not yet online (new drafts included)."""

    name = "commune_my_drafts"
    template_name = "core/admin/my_drafts_panel.html"
    order = 205
    limit = 10

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["drafts"] = (
            Page.objects.filter(owner=self.user, has_unpublished_changes=True)
            .select_related("locale")
            .order_by("-latest_revision_created_at")[: self.limit]
        )
        return context


class ActiveAlertsPanel(Component):
    """The alert banners shown on the site now, with a link to change them."""

    name = "commune_active_alerts"
    template_name = "core/admin/active_alerts_panel.html"
    order = 100

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        now = timezone.now()
        context["alerts"] = Alert.objects.not_over(now).filter(starts_at__lte=now)
        return context


class ReviewWarningsPanel(Component):
    """The accessibility warnings of the revisions awaiting the reviewer, right under
    Wagtail's list of them: a webmaster who approves from that list, without opening the
    editor, sees what the editor's panel would have told them."""

    name = "commune_review_warnings"
    template_name = "core/admin/review_warnings_panel.html"
    order = 221  # Wagtail's "awaiting your review" is 220
    limit = 10

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        states = (
            TaskState.objects.reviewable_by(self.user)
            .select_related("revision")
            .order_by("-started_at")[: self.limit]
        )
        reviews = []
        for state in states:
            # The revision under review, not the live page nor a later draft.
            page = state.revision.as_object()
            warnings = page_warnings(page) if isinstance(page, Page) else []
            if warnings:
                reviews.append({"page": page, "warnings": warnings})
        context["reviews"] = reviews
        return context


def add_editor_panels(request, panels) -> None:
    """Hook `construct_homepage_panels`."""
    panels.append(ReviewWarningsPanel(request.user))
    panels.append(ActiveAlertsPanel())
    panels.append(MyDraftsPanel(request.user))
