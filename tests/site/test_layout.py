"""The pages every page's layout links to (menu, languages, breadcrumb, statements) are read
in a single query per request."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from accessibility.models import AccessibilityStatementPage, EcoDesignStatementPage
from core.layout import layout_for
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def test_a_page_layout_is_one_query(home, django_assert_num_queries):
    news = NewsPage.objects.live().filter(locale=home.locale).first()
    layout_for(RequestFactory().get("/"), home)  # warms what a running site keeps cached
    request = RequestFactory().get(news.url)

    with django_assert_num_queries(1):
        layout = layout_for(request, news)
        assert layout_for(request, news) is layout  # shared by the template tags

    sections = home.get_children().live().filter(show_in_menus=True)
    assert [page.pk for page in layout.menu] == [page.pk for page in sections]
    assert {page.locale.language_code for page in layout.translations} == {"fr", "en", "nl"}
    assert [page.pk for page in layout.ancestors] == [home.pk, news.get_parent().pk]
    assert set(layout.statements) == {AccessibilityStatementPage, EcoDesignStatementPage}
    assert all(page.locale_id == home.locale_id for page in layout.statements.values())


def test_views_outside_the_tree_get_the_menu_of_their_language(home):
    request = RequestFactory().get("/en/search/")
    with translation.override("en"):
        layout = layout_for(request, None)

    assert layout.menu and all(page.locale.language_code == "en" for page in layout.menu)
    assert layout.translations == [] and layout.ancestors == []
    assert all(page.locale.language_code == "en" for page in layout.statements.values())
