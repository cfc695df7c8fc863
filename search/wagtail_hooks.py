"""Admin: synonyms as a snippet, and the dashboard of residents' queries under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Synonymes de recherche")
    list_display = ["__str__", "language_code"]
    list_filter = ["language_code"]
    search_fields = ["terms"]


register_snippet(SynonymGroupViewSet)


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return [
        path("recherches/", views.dashboard, name="search_dashboard"),
        path("recherches/synonyme/", views.add_synonym, name="search_add_synonym"),
        path("recherches/promotion/", views.add_promotion, name="search_add_promotion"),
    ]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(views.DASHBOARD_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        _("Recherches des habitants"),
        reverse("search_dashboard"),
        icon_name="search",
        order=900,
    )
