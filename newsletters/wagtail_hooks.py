"""The letters in the admin: one "Lettres d'information" menu.

Audience and record (this block): contacts, segments, campaigns and their figures, the
suppression list, the CSV import. Other parts add their entries to the same menu through
`viewsets.NEWSLETTERS_MENU_HOOK`."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from .importing_admin import ContactImportViewSet
from .models import Campaign, Suppression
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
        CampaignViewSet("newsletters_campaigns", url_prefix="lettres/campagnes"),
        SuppressionViewSet("newsletters_suppressions", url_prefix="lettres/adresses-bloquees"),
        ContactImportViewSet("newsletters_import", url_prefix="lettres/import"),
    )


@hooks.register("register_admin_viewset")
def register_newsletters_viewsets():
    return NewslettersViewSetGroup()
