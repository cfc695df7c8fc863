"""Admin strings editors read: no "None" where Wagtail has no name for what it counts."""

import re

import pytest

from tests.factories import UserFactory, login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def webmaster(client):
    user = UserFactory(groups=["Webmestres"])
    login_verified(client, user)
    return user


def count_label(html: str) -> str:
    match = re.search(r"\b\d+-\d+ (?:sur|of) \d+[^<.]*", html)
    assert match, "no result count"
    return " ".join(match.group(0).split())


def test_page_search_counts_pages(client, webmaster):
    html = client.get("/admin/pages/search/", {"q": "Piscine municipale"}).text
    label = count_label(html)
    assert re.fullmatch(r"1-\d+ sur \d+ pages?", label), label


def test_page_search_in_english_counts_pages(client, webmaster):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(webmaster)
    profile.preferred_language = "en"
    profile.save()
    html = client.get("/admin/pages/search/", {"q": "piscine"}).text
    assert re.fullmatch(r"1-\d+ of \d+ pages?", count_label(html))


def test_explorer_count_keeps_wagtails_name(client, webmaster, home):
    html = client.get(f"/admin/pages/{home.pk}/", {"q": "piscine"}).text
    assert re.match(r"1-\d+ sur \d+ pages? dans", count_label(html))
