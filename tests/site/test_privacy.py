"""Private sections (Wagtail's "private" setting on a page): hidden from visitors, menus and
listings as soon as an editor sets them, public again as soon as the editor lifts them."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from core.cached import PRIVATE_PATHS, remembered
from core.models import SectionPage
from events.models import EventIndexPage, EventPage
from news.models import NewsPage
from profiles.models import ProfilePage
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return SectionPage.objects.child_of(home).live().filter(show_in_menus=True).first()


def make_private(page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def menu_links(client) -> str:
    html = client.get("/").text
    return html[html.index('id="navigation"') : html.index("</nav>", html.index('id="navigation"'))]


def test_a_private_section_leaves_the_menu_and_asks_visitors_to_sign_in(
    client, section, django_capture_on_commit_callbacks
):
    assert section.url in menu_links(client)
    with django_capture_on_commit_callbacks(execute=True):  # the editor's change commits
        restriction = make_private(section)

    assert section.url not in menu_links(client)
    response = client.get(section.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert section.url in menu_links(client)
    assert client.get(section.url).status_code == 200


def test_events_of_a_private_agenda_leave_the_home_page(client):
    agenda = EventIndexPage.objects.get(locale=Locale.get_default())
    soonest = EventPage.objects.child_of(agenda).upcoming().first()
    assert soonest.title in client.get("/").text

    make_private(agenda)
    assert soonest.title not in client.get("/").text
    assert client.get(soonest.url).status_code == 302


def test_a_page_moved_into_a_private_section_turns_private(client, home, section):
    page = ContentPageFactory(parent=home, title="Page à déplacer")
    make_private(section)
    assert client.get(page.url).status_code == 200

    page.move(section, pos="last-child")
    page.refresh_from_db()
    assert client.get(page.url).status_code == 302


def test_a_private_news_item_leaves_the_home_page(client):
    latest = NewsPage.objects.filter(locale=Locale.get_default()).live().order_by("-date").first()
    assert latest.title in client.get("/").text

    make_private(latest)
    assert latest.title not in client.get("/").text


def test_a_private_page_leaves_its_profile_page(client, home, section):
    profile_page = ProfilePage.objects.child_of(home).live().first()
    page = ContentPageFactory(parent=section, title="Permanence du service accueil")
    page.profiles.add(profile_page.profile)
    page.save_revision().publish()
    assert page.title in client.get(profile_page.url).text

    make_private(page)
    assert page.title not in client.get(profile_page.url).text


def test_a_private_top_task_leaves_its_profile_page(client, home):
    profile_page = ProfilePage.objects.child_of(home).live().first()
    task = profile_page.top_tasks.first().page
    assert f'href="{task.url}"' in client.get(profile_page.url).text

    make_private(task)
    assert f'href="{task.url}"' not in client.get(profile_page.url).text


def test_a_private_quick_link_leaves_the_home_page(client, home):
    label, page = home.specific.localized_quick_links()[0]
    assert f'href="{page.url}"' in client.get("/").text

    make_private(page)
    assert f'href="{page.url}"' not in client.get("/").text


def test_a_section_made_private_while_a_visitor_reads_the_site_stays_private(
    client, section, django_capture_on_commit_callbacks
):
    assert section.title in menu_links(client)
    with django_capture_on_commit_callbacks(execute=True):
        make_private(section)
        # Another process serves a page before the commit and caches what it still sees.
        remembered(PRIVATE_PATHS, lambda: [])

    assert section.title not in menu_links(client)
