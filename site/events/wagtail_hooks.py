from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EventPage, EventProposal


class EventProposalViewSet(SnippetViewSet):
    """Agenda editors see who proposed each draft event and how to reach them."""

    model = EventProposal
    icon = "date"
    menu_label = _("Propositions d'événements")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["organisation", "page", "contact_name", "contact_email", "created_at"]
    inspect_view_enabled = True


register_snippet(EventProposalViewSet)


@hooks.register("commune_home_page_context")
def add_upcoming_events(home_page, request, context) -> None:
    """The home page lists the next events (home.models.HomePage.events_count)."""
    context["upcoming_events"] = SimpleLazyObject(
        lambda: (
            EventPage.objects.upcoming()
            .descendant_of(home_page)
            .with_place_title()[: home_page.events_count]
        )
    )
