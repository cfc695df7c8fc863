"""The newsletters' place in the Wagtail admin."""

from django.urls import include, path
from wagtail import hooks

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
    from .campaign_actions import LOG_ACTIONS

    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
