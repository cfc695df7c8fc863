"""Admin: a read-only listing of the notification e-mails, under Reports, so that the
webmaster sees what failed. Nothing can be added, edited or deleted from it."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import OutgoingMail


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only "view", for those granted it (and superusers): the rows are the tasks' state."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


register_permission_policy(OutgoingMail, ReadOnlyPermissionPolicy(OutgoingMail))


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    icon = "mail"
    menu_label = _("Courriels de notification")
    menu_hook = "register_reports_menu_item"
    menu_order = 910
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields: list[str] = []  # the add and edit views exist but the policy refuses them
    list_display = ["kind", "object_id", "recipient", "status", "attempts", "last_error", "sent_at"]
    list_filter = ["status", "kind"]
    inspect_view_fields = [
        "kind",
        "object_id",
        "recipient",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "claimed_at",
        "sent_at",
    ]


outgoing_mail_viewset = OutgoingMailViewSet("courriels-notification")


@hooks.register("register_admin_viewset")
def register_outgoing_mail_viewset():
    return outgoing_mail_viewset
