from urllib.parse import urlsplit

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page, Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import page_cache
from .choosers import pages_in_chooser_locale
from .dashboard import add_editor_panels
from .guide import EditorsGuideView
from .management.commands.run_scheduler import SCHEDULED_JOBS_HOOK
from .models import Alert, EditorialService, Neighbourhood, Theme
from .page_warnings import PageWarningsOnCreate, PageWarningsOnEdit
from .privacy import is_private
from .ratelimit import purge_expired_counters
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


@hooks.register("register_admin_urls")
def editors_guide_url():
    return [path("guide/", EditorsGuideView.as_view(), name="commune_editors_guide")]


@hooks.register("register_admin_urls")
def page_warnings_urls():
    """Where the accessibility warnings panel sends the editor's form as they type."""
    return [
        path(
            "page-warnings/<int:page_id>/",
            PageWarningsOnEdit.as_view(),
            name="commune_page_warnings_on_edit",
        ),
        path(
            "page-warnings/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
            "<int:parent_page_id>/",
            PageWarningsOnCreate.as_view(),
            name="commune_page_warnings_on_create",
        ),
    ]


@hooks.register("construct_help_menu")
def point_help_to_our_guide(request, menu_items) -> None:
    """Wagtail has no setting for its editor guide's address: its help menu item is replaced
    by ours, under the same name and at the same place. Wagtail's release notes (in English,
    about Wagtail rather than the town's site) leave the editors' menu."""
    menu_items[:] = [
        item for item in menu_items if not item.name.startswith("whats-new-in-wagtail")
    ]
    for index, item in enumerate(menu_items):
        if item.name == "editor-guide":
            menu_items[index] = MenuItem(
                _("Guide des éditeurs"),
                reverse("commune_editors_guide"),
                name="editor-guide",
                icon_name="help",
                order=item.order,
            )


hooks.register("construct_homepage_panels", add_editor_panels)
# Every scheduler tick: the public forms' rate-limit windows that have ended.
hooks.register(SCHEDULED_JOBS_HOOK, purge_expired_counters)


@hooks.register("before_serve_page")
def allow_the_page_cache(page, request, serve_args, serve_kwargs) -> None:
    """A public page, asked for at its site's own address, may be kept for every anonymous
    reader (core.page_cache stores it unless the answer sets a cookie, such as a form's
    CSRF token). Pages of a private section, and addresses the purges do not name (another
    host name of the server), are rendered each time."""
    site = Site.find_for_request(request)  # found already by Wagtail's serve view
    if site and request.get_host() == urlsplit(site.root_url).netloc and not is_private(page):
        page_cache.allow(request)


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
            gettext("La page « %(title)s » a été publiée.")
            % {"title": page.get_admin_display_title()},
        )
