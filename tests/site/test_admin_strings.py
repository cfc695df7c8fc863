"""Admin strings editors read: no "None" where Wagtail has no name for what it counts."""

import re

import pytest

from tests.factories import page_form_data

pytestmark = pytest.mark.django_db


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


# -- settings editors notice -----------------------------------------------------------------


def test_the_admin_fetches_no_avatar_from_gravatar(client, webmaster):
    for path in ("/admin/", "/admin/account/", "/admin/pages/"):
        html = client.get(path).text
        assert "gravatar" not in html.lower(), path


def test_a_page_created_in_the_admin_gets_an_ascii_slug(client, webmaster, home):
    from core.models import ContentPage, SectionPage

    section = SectionPage.objects.child_of(home).get(slug="culture-sport")
    add_url = f"/admin/pages/add/core/contentpage/{section.pk}/"
    form_page = client.get(add_url).text
    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', form_page).group(0)
    # The slug the browser writes from the title drops accents (a false attribute is omitted).
    assert "data-w-slug-allow-unicode-value" not in slug_input
    data = page_form_data(
        title="Nuit des musées", slug="nuit-des-musees", intro="Les musées ouverts jusqu'à minuit."
    )
    # As the browser fills it from the title (Wagtail's slug widget, told not to keep accents).
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert ContentPage.objects.child_of(section).get(title="Nuit des musées").slug == (
        "nuit-des-musees"
    )
    # A page created without a slug (copies, imports) gets one from its title, in ASCII.
    page = section.add_child(instance=ContentPage(title="Fête de la musique", live=False))
    assert page.slug == "fete-de-la-musique"
