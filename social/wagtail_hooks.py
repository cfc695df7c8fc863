"""Social networks in the admin: the "Diffusion" panel's widget on shareable pages, the
report of every post (Rapports › Réseaux sociaux), the webmaster's warning before a token
expires, and the scheduler's watch over posts whose outcome is unknown."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.management.commands.run_scheduler import SCHEDULED_JOBS_HOOK
from core.sharing import DIFFUSION_WIDGET_HOOK

from . import views
from .dashboard import TokenExpiryPanel

urlpatterns = [
    path("", views.PostReportView.as_view(), name="report"),
    path("results/", views.PostReportView.as_view(results_only=True), name="report_results"),
    path("compter/", views.count, name="count"),
    path("page/<int:page_id>/publier-a-nouveau/", views.again, name="again"),
    path("page/<int:page_id>/retirer/", views.remove, name="remove"),
    path("publication/<int:post_id>/decision/", views.decide, name="decide"),
]


@hooks.register("register_admin_urls")
def register_social_urls():
    return [path("reseaux-sociaux/", include((urlpatterns, "social"), namespace="social"))]


@hooks.register(DIFFUSION_WIDGET_HOOK)
def diffusion_widget():
    from .widgets import DiffusionWidget

    return DiffusionWidget


class PostReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.posts_policy.user_has_any_permission(request.user, ["view", "change"])


@hooks.register("register_reports_menu_item")
def register_post_report():
    return PostReportMenuItem(
        _("Réseaux sociaux"), reverse("social:report"), icon_name="globe", order=800
    )


@hooks.register("construct_homepage_panels")
def warn_before_tokens_expire(request, panels):
    if views.posts_policy.user_has_permission(request.user, "change"):
        panels.append(TokenExpiryPanel())


@hooks.register(SCHEDULED_JOBS_HOOK)
def watch_posts() -> None:
    """Every scheduler tick: settle unknown outcomes, revive posts whose task was lost."""
    from .tasks import watch_posts

    watch_posts()
