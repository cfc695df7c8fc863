"""The letters in the admin: one "Lettres d'information" menu.

Audience and record: contacts, segments, campaigns and their figures, the suppression list,
the CSV import. Compose: the sending tab's actions on a newsletter page, and the SMS (written,
tested, sent and followed in their own views, sms_admin.py). Dispatch: the
scheduler's watch over campaigns whose workers died. Other parts add their entries to the
menu through `viewsets.NEWSLETTERS_MENU_HOOK`."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from core.management.commands.run_scheduler import SCHEDULED_JOBS_HOOK

from .importing_admin import ContactImportViewSet
from .models import Campaign, Suppression
from .sms_admin import SmsMessageViewSet
from .viewsets import (
    NEWSLETTERS_MENU_HOOK,
    AddOnlyPolicy,
    CampaignViewSet,
    ContactViewSet,
    ReadOnlyPolicy,
    SegmentViewSet,
    SuppressionViewSet,
)

# -- audience and record: contacts, segments, campaigns, suppression list, import --------

register_permission_policy(Campaign, ReadOnlyPolicy(Campaign))
register_permission_policy(Suppression, AddOnlyPolicy(Suppression))


class NewslettersViewSetGroup(ModelViewSetGroup):
    menu_label = _("Lettres d'information")
    menu_icon = "mail"
    menu_order = 350
    submenu_hook = NEWSLETTERS_MENU_HOOK
    items = (
        ContactViewSet("newsletters_contacts", url_prefix="lettres/contacts"),
        SegmentViewSet("newsletters_segments", url_prefix="lettres/segments"),
        SmsMessageViewSet("newsletters_sms", url_prefix="lettres/sms"),
        CampaignViewSet("newsletters_campaigns", url_prefix="lettres/campagnes"),
        SuppressionViewSet("newsletters_suppressions", url_prefix="lettres/adresses-bloquees"),
        ContactImportViewSet("newsletters_import", url_prefix="lettres/import"),
    )


@hooks.register("register_admin_viewset")
def register_newsletters_viewsets():
    return NewslettersViewSetGroup()


# -- Compose: the sending tab's actions on a newsletter page (campaign_actions.py) -----------


@hooks.register("register_admin_urls")
def register_compose_admin_urls():
    from . import campaign_actions as actions

    urls = [
        path("<int:page_id>/test/", actions.send_test, name="send_test"),
        path("<int:page_id>/send/", actions.send_now, name="send_now"),
        path("<int:page_id>/schedule/", actions.schedule, name="schedule"),
        path("campaigns/<int:campaign_id>/cancel/", actions.cancel, name="cancel"),
        path("campaigns/<int:campaign_id>/pause/", actions.pause, name="pause"),
        path("campaigns/<int:campaign_id>/resume/", actions.resume, name="resume"),
    ]
    return [
        path(
            "newsletters/compose/",
            include((urls, "newsletters_compose"), namespace="newsletters_compose"),
        )
    ]


@hooks.register("register_log_actions")
def register_compose_log_actions(actions):
    from . import campaign_actions, sms_actions

    for action, label, message in campaign_actions.LOG_ACTIONS + sms_actions.LOG_ACTIONS:
        actions.register_action(action, label, message)
    urgent_action, urgent_formatter = sms_actions.URGENT_LOG_ACTION
    actions.register_action(urgent_action)(urgent_formatter)


# -- Dispatch ------------------------------------------------------------------------------


@hooks.register(SCHEDULED_JOBS_HOOK)
def relaunch_stalled_campaigns() -> None:
    """Every scheduler tick: new send tasks for campaigns whose workers died."""
    from .dispatch import relaunch_stalled

    relaunch_stalled()
