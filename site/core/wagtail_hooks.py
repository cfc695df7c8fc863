from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Alert, Neighbourhood, Theme
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


@hooks.register("after_edit_page")
def say_when_an_approval_published_the_page(request, page) -> None:
    """Wagtail only says "has been updated" when a reviewer's approval ends the workflow and
    publishes the page: say it went live."""
    approved = (
        request.POST.get("action-workflow-action")
        and request.POST.get("workflow-action-name") == "approve"
    )
    if not approved:
        return
    # The view's copy predates the publication the approval made: read the page again.
    page = Page.objects.get(pk=page.pk)
    if page.live and not page.has_unpublished_changes and not page.workflow_in_progress:
        messages.success(
            request,
            _("La page « %(title)s » a été publiée.") % {"title": page.get_admin_display_title()},
        )
