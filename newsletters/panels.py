"""The "Envoi" tab of a newsletter page in the admin: where the letter is tested, sent or
scheduled, and where its campaign is followed, paused, resumed or cancelled.

The tab sits inside the page's edit form, so it holds no form of its own: the test and
sending forms are in Wagtail dialogs (moved to the end of the document, outside the edit
form, when the page loads) and post to the small views of campaign_actions.py; pause and
resume are buttons that post through Wagtail's `w-action` controller.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import Panel


class CampaignPanel(Panel):
    """The letter's sending: its current campaign and the actions the user may take."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletters/admin/campaign_panel.html"

        def get_context_data(self, parent_context=None):
            from .campaign_actions import (
                ScheduleForm,
                TestSendForm,
                can_send,
                current_campaign,
                sending_obstacle,
            )

            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page.pk)
            if not page.pk:
                return context
            user = self.request.user
            campaign = current_campaign(page)
            context.update(
                page=page,
                campaign=campaign,
                campaign_url=AdminURLFinder(user).get_edit_url(campaign) if campaign else None,
                can_test=page.permissions_for_user(user).can_edit(),
                can_send=can_send(user, page),
                obstacle=sending_obstacle(page),
                test_form=TestSendForm(page=page, initial={"addresses": user.email}),
                schedule_form=ScheduleForm(),
                urls={
                    name: reverse(f"newsletters_compose:{name}", args=[page.pk])
                    for name in ("send_test", "send_now", "schedule")
                },
            )
            if campaign:
                context["campaign_urls"] = {
                    name: reverse(f"newsletters_compose:{name}", args=[campaign.pk])
                    for name in ("cancel", "pause", "resume")
                }
            return context
