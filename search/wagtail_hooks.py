"""Admin: a "Recherche" menu with the dashboard of residents' queries and the synonyms (a
snippet, kept out of "Fragments", a word webmasters would not look under)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from . import views
from .models import SynonymGroup

SEARCH_MENU_HOOK = "register_search_menu_item"


class SynonymGroupIndexView(IndexView):
    # Wagtail's French "Ajouter un(e) …" cannot know that a group is masculine.
    add_item_label = _("Ajouter un groupe de synonymes")


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    index_view_class = SynonymGroupIndexView
    icon = "list-ul"
    menu_label = _("Synonymes")
    list_display = ["__str__", "language_code"]
    list_filter = ["language_code"]
    search_fields = ["terms"]


class SearchViewSetGroup(SnippetViewSetGroup):
    """The "Recherche" menu: what residents look for, and the vocabulary that helps them."""

    items = (SynonymGroupViewSet,)
    menu_label = pgettext_lazy("admin menu", "Recherche")
    menu_icon = "search"
    menu_order = 800
    # The dashboard (not a viewset) joins the menu through this hook.
    submenu_hook = SEARCH_MENU_HOOK


register_snippet(SearchViewSetGroup)


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


@hooks.register(SEARCH_MENU_HOOK)
def register_dashboard_menu_item():
    return DashboardMenuItem(
        _("Recherches des habitants"),
        reverse("search_dashboard"),
        icon_name="search",
        order=0,
    )
