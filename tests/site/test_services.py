"""Each municipal service proposes its own news and events, tagged with its themes, through
the webmasters' moderation, and edits only the pages it owns."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from core.models import Theme
from events.models import EventIndexPage
from news.models import NewsIndexPage, NewsPage
from tests.factories import UserFactory, login_verified, page_form_data

pytestmark = pytest.mark.django_db

CULTURE = "Service culture et sports"


@pytest.fixture
def news_index(home):
    return NewsIndexPage.objects.child_of(home).get()


@pytest.fixture
def agenda(home):
    return EventIndexPage.objects.child_of(home).get()


@pytest.fixture
def contributor(client):
    user = UserFactory(groups=[CULTURE])
    login_verified(client, user)
    return user


def add_url(parent, model="newspage", app="news"):
    return reverse("wagtailadmin_pages:add", args=[app, model, parent.pk])


def news_form_data(form, **overrides):
    """What the browser sends back: the create form's initial values plus the fields typed."""
    fields = {
        "title": "Nuit des musées",
        "slug": "nuit-des-musees",
        "date": "2026-05-16",
        "intro": "La médiathèque ouvre ses portes jusqu'à minuit.",
        "themes": [theme.pk for theme in form.initial.get("themes", [])],
    }
    return page_form_data(**{**fields, **overrides})


def test_service_may_add_news_and_events_but_not_publish(news_index, agenda, contributor):
    for index in (news_index, agenda):
        perms = index.permissions_for_user(contributor)
        assert perms.can_add_subpage()
        assert not perms.can_publish_subpage()


def test_new_news_item_comes_with_the_services_themes(client, news_index, contributor):
    response = client.get(add_url(news_index))
    assert response.status_code == 200
    slugs = {theme.slug for theme in response.context["form"].initial["themes"]}
    assert slugs == {"culture", "sport"}


def test_contributor_creates_news_that_waits_for_the_webmaster(client, news_index, contributor):
    form = client.get(add_url(news_index)).context["form"]
    response = client.post(add_url(news_index), news_form_data(form, **{"action-submit": "1"}))
    assert response.status_code == 302, response.context["form"].errors
    page = NewsPage.objects.child_of(news_index).get(slug="nuit-des-musees")
    assert not page.live
    assert page.owner == contributor
    assert set(page.themes.values_list("slug", flat=True)) == {"culture", "sport"}
    assert page.themes.get(slug="culture").locale == news_index.locale
    assert not page.permissions_for_user(contributor).can_publish()
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )

    # The contributor's "publish" does not publish.
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        news_form_data(form, slug=page.slug, **{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert not page.live

    # The webmaster approves from the admin: the news item goes live.
    client.logout()
    webmaster = UserFactory(groups=["Webmestres"])
    login_verified(client, webmaster)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.themes.filter(slug="culture").exists()


def test_contributor_cannot_edit_another_services_news(client, news_index, contributor):
    colleague = UserFactory(groups=["Service éducation"])
    page = NewsPage(title="Rentrée scolaire", slug="rentree-test", owner=colleague)
    news_index.add_child(instance=page)
    assert page.permissions_for_user(colleague).can_edit()
    assert not page.permissions_for_user(contributor).can_edit()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (302, 403)


def test_service_edits_the_places_it_runs(home, contributor):
    from places.models import PlacePage

    assert PlacePage.objects.get(slug="mediatheque").permissions_for_user(contributor).can_edit()
    assert not PlacePage.objects.get(slug="ccas").permissions_for_user(contributor).can_edit()


def test_themes_of_a_new_page_are_the_parents_locale(client, news_index, contributor):
    form = client.get(add_url(news_index)).context["form"]
    assert {theme.locale_id for theme in form.fields["themes"].queryset} == {news_index.locale_id}
    assert (
        form.fields["themes"].queryset.count()
        == Theme.objects.filter(locale=news_index.locale).count()
    )
