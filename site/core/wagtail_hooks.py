from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Alert, Neighbourhood, Theme


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
