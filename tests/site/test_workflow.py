"""Service contributors edit their own section only and go through the webmasters'
moderation; scheduled pages go live on time."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from core.models import SectionPage
from tests.factories import ContentPageFactory, UserFactory, login_verified, page_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def culture_section(home):
    return SectionPage.objects.child_of(home).get(slug="culture-sport")


@pytest.fixture
def education_section(home):
    return SectionPage.objects.child_of(home).get(slug="enfance-education")


@pytest.fixture
def contributor(client):
    user = UserFactory(groups=["Service culture et sports"])
    login_verified(client, user)
    return user


@pytest.fixture
def webmaster():
    return UserFactory(groups=["Webmestres"])


def edit_form_data(page, **overrides):
    fields = {"title": page.title, "slug": page.slug, "intro": page.intro}
    return page_form_data(**{**fields, **overrides})


def test_contributor_cannot_publish_in_own_section(culture_section, contributor):
    perms = culture_section.permissions_for_user(contributor)
    assert perms.can_add_subpage()
    assert perms.can_edit()
    assert not perms.can_publish()
    assert not perms.can_publish_subpage()


def test_contributor_cannot_edit_another_services_section(client, education_section, contributor):
    page = education_section.get_children().first()
    assert not page.permissions_for_user(contributor).can_edit()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (302, 403)


def test_publish_action_from_contributor_only_saves_a_draft(client, culture_section, contributor):
    page = ContentPageFactory(
        parent=culture_section, title="Fête de la musique", publish=False, live=False
    )
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(
        url, edit_form_data(page, title="Fête de la musique 2027", **{"action-publish": "1"})
    )

    # Accepted, as a draft: the contributor is sent back to the edit form, no error shown.
    assert response.status_code == 302
    assert response.url == url
    page.refresh_from_db()
    assert page.get_latest_revision().as_object().title == "Fête de la musique 2027"
    # Neither published nor sent to the webmasters behind the contributor's back.
    assert not page.live
    assert page.has_unpublished_changes
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    assert Client().get(page.url).status_code == 404


def test_submission_waits_for_webmaster_approval(client, culture_section, contributor, webmaster):
    page = ContentPageFactory(
        parent=culture_section, title="Saison culturelle", publish=False, live=False
    )
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, edit_form_data(page, **{"action-submit": "1"}))
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert state.workflow.name == "Validation par les webmestres"
    page.refresh_from_db()
    assert not page.live
    task_state = state.current_task_state
    # The webmaster approves: the page goes live.
    task_state.task.specific.on_action(task_state, webmaster, "approve")
    page.refresh_from_db()
    assert page.live


def test_contributor_may_not_approve(culture_section, contributor):
    page = ContentPageFactory(parent=culture_section, publish=False, live=False)
    page.save_revision()
    state = page.get_workflow().start(page, contributor)
    actions = state.current_task_state.task.specific.get_actions(page, contributor)
    assert actions == []


def test_scheduled_page_goes_live_when_due(culture_section):
    page = ContentPageFactory(
        parent=culture_section, title="Programme de printemps", publish=False, live=False
    )
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live
    # Time passes: the approved revision is now due.
    due = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = due.isoformat()
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=due, content=revision.content
    )
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
