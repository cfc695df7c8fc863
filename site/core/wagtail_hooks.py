from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .choosers import pages_in_chooser_locale
from .models import Alert, EditorialService, Neighbourhood, Theme
from .rich_text import LocalizedPageLinkHandler


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = "Bandeaux d'alerte"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "level", "starts_at", "ends_at"]
    list_filter = ["level", "locale"]


register_snippet(AlertViewSet)
register_snippet(Theme)
register_snippet(Neighbourhood)


# After Wagtail's own hook (order 0), whose handler for the "page" link type it replaces.
@hooks.register("register_rich_text_features", order=1)
def localize_page_links_in_one_query(features) -> None:
    features.register_link_type(LocalizedPageLinkHandler)


class EditorialServiceViewSet(SnippetViewSet):
    """Which themes each service's editors publish on (ticked on their new pages)."""

    model = EditorialService
    icon = "group"
    list_display = ["group"]


register_snippet(EditorialServiceViewSet)


hooks.register("construct_page_chooser_queryset", pages_in_chooser_locale)
