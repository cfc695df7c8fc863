"""Every page's layout: the site-wide parts (menu, statements, alerts) and the page's own
links (languages, breadcrumb) come from the cache and are read again as soon as content
changes, the page's links in one query."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Locale, Site

from accessibility.models import AccessibilityStatementPage, EcoDesignStatementPage
from core.layout import SITE_WIDE_LIFETIME, _lifetime, layout_for
from core.models import Alert, SectionPage, TownSettings
from news.models import NewsPage
from tests.factories import UserFactory, login_verified

pytestmark = pytest.mark.django_db


def test_a_page_layout_is_one_query_on_a_warm_site(home, django_assert_num_queries):
    news = NewsPage.objects.live().filter(locale=home.locale).first()
    layout_for(RequestFactory().get("/"), home)  # warms what a running site keeps cached
    request = RequestFactory().get(news.url)
    Site.find_for_request(request)  # routing found the site before any template runs

    with django_assert_num_queries(1):
        layout = layout_for(request, news)
        assert layout_for(request, news) is layout  # shared by the template tags

    sections = home.get_children().live().filter(show_in_menus=True)
    assert [item.title for item in layout.menu] == [page.title for page in sections]
    assert {link.language_code for link in layout.translations} == {"fr", "en", "nl"}
    assert [link.pk for link in layout.ancestors] == [home.pk, news.get_parent().pk]
    footer = footer_context(layout)
    assert footer["accessibility_url"] == AccessibilityStatementPage.objects.get(
        locale=home.locale
    ).get_url(request)
    assert footer["eco_design_url"] == EcoDesignStatementPage.objects.get(
        locale=home.locale
    ).get_url(request)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_footer_marks_the_french_town_settings_on_translated_pages(client, home, language):
    """RGAA 8.7: the town's settings are entered once, in French, and stay French on an
    English or Dutch page."""
    town = TownSettings.for_site(Site.objects.get(is_default_site=True))
    translated = home.get_translation(Locale.objects.get(language_code=language))
    html = client.get(translated.url).content.decode()

    assert f'<span lang="fr">{town.address}, {town.postcode} {town.city}</span>' in html
    assert f'<span lang="fr">{town.opening_hours}</span>' in html


def test_the_french_footer_needs_no_language_mark(client, home):
    town = TownSettings.for_site(Site.objects.get(is_default_site=True))
    html = client.get(home.url).content.decode()

    assert town.opening_hours in html
    assert 'lang="fr"' not in html.split('id="pied-de-page"')[1]


def footer_context(layout) -> dict:
    """What the footer parts added by other apps (the statements) give their templates."""
    return {k: v for part in layout.site_wide.footer_parts for k, v in part["context"].items()}


def test_views_outside_the_tree_get_the_menu_of_their_language(home):
    request = RequestFactory().get("/en/search/")
    with translation.override("en"):
        layout = layout_for(request, None)

    assert layout.menu and all(item.url.startswith("/en/") for item in layout.menu)
    assert layout.translations == [] and layout.ancestors == []
    assert footer_context(layout)["accessibility_url"].startswith("/en/")


def test_a_published_section_is_in_the_next_page_menu(
    client, home, django_capture_on_commit_callbacks
):
    assert "Vie nocturne" not in client.get("/").text  # the site-wide parts are cached now

    with django_capture_on_commit_callbacks(execute=True):
        section = SectionPage(title="Vie nocturne", slug="vie-nocturne", show_in_menus=True)
        home.add_child(instance=section)
        section.save_revision().publish()

    assert 'href="/vie-nocturne/"' in client.get("/").text


def test_an_unpublished_section_leaves_the_menu(client, home, django_capture_on_commit_callbacks):
    section = home.get_children().live().filter(show_in_menus=True).first()
    assert f'href="{section.url}"' in client.get("/").text

    with django_capture_on_commit_callbacks(execute=True):
        section.specific.unpublish()

    assert f'href="{section.url}"' not in client.get("/").text


def test_a_page_links_to_its_translations_and_ancestors_as_they_are_now(
    client, home, django_capture_on_commit_callbacks
):
    news = NewsPage.objects.live().filter(locale=home.locale).first()
    english = news.get_translation(Locale.objects.get(language_code="en"))
    section = news.get_parent().specific
    html = client.get(news.url).text  # the page's links are cached now
    assert f'hreflang="en" href="{english.full_url}"' in html

    with django_capture_on_commit_callbacks(execute=True):
        english.unpublish()
        section.title = "Toute l'actualité"
        section.save_revision().publish()

    html = client.get(news.url).text
    assert 'hreflang="en"' not in html
    assert f'<a href="{section.url}">Toute l&#x27;actualité</a>' in html.split("breadcrumb")[1]


def test_a_new_alert_shows_on_the_next_page(client, home, django_capture_on_commit_callbacks):
    client.get("/")

    with django_capture_on_commit_callbacks(execute=True):
        Alert.objects.create(
            title="Coupure d'eau",
            message="Rue des Lilas, mardi de 9 h à 12 h.",
            level=Alert.Level.WARNING,
            locale=home.locale,
            link_page=home,
        )

    text = client.get("/").text
    assert "Vigilance : Coupure d&#x27;eau" in text
    assert "Rue des Lilas, mardi de 9 h à 12 h." in text


def test_the_site_wide_parts_are_read_again_when_an_alert_starts_or_ends():
    now = timezone.now()

    def lifetime(valid_until):
        return _lifetime({"valid_until": valid_until.timestamp() if valid_until else None})

    assert lifetime(None) == SITE_WIDE_LIFETIME
    assert 85 <= lifetime(now + timedelta(seconds=90)) <= 90
    assert lifetime(now + timedelta(days=2)) == SITE_WIDE_LIFETIME
    assert lifetime(now - timedelta(seconds=5)) == 1


def editable_fields(instance) -> list:
    return [field for field in instance._meta.fields if field.editable and not field.primary_key]


def test_the_town_details_cost_no_query_and_follow_an_editor_change(client, home):
    site = Site.objects.get(is_default_site=True)
    town = TownSettings.for_site(site)
    client.get("/")  # the details are cached now

    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not [query for query in queries if "core_townsettings" in query["sql"]]

    login_verified(client, UserFactory(is_superuser=True))
    response = client.post(
        f"/admin/settings/core/townsettings/{site.pk}/",
        {field.name: getattr(town, field.name) for field in editable_fields(town)}
        | {"town_name": "Lysbourg"},
    )
    assert response.status_code == 302
    client.logout()
    assert "Lysbourg" in client.get("/").text
