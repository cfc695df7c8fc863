"""The "Alerte" entry of the admin menu, for those allowed to launch an alert."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.status, name="status"),
]


@hooks.register("register_admin_urls")
def register_alert_urls():
    return [path("alertes/", include((urlpatterns, "alerts"), namespace="alerts"))]


class AlertMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_alert_menu():
    return AlertMenuItem(_("Alerte"), reverse("alerts:index"), icon_name="warning", order=340)


@hooks.register("register_permissions")
def alert_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="alerts", codename="launch_alert")
