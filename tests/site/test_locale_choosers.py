"""Taxonomy fields and page choosers show the edited page's own locale."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from core.forms import LocalizedSnippetForm
from core.models import EditorialService, SectionPage
from news.models import NewsPage
from profiles.models import Profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_section(home):
    return SectionPage.objects.child_of(home).get(slug="culture-sport")


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.context["form"]


def test_page_form_lists_the_pages_locale_only(client, webmaster, french_section):
    # The demo has profiles in three locales: the form of a French page shows the French ones.
    assert Profile.objects.exclude(locale=french_section.locale).exists()
    form = edit_form(client, french_section)
    for name in ("profiles", "themes"):
        queryset = form.fields[name].queryset
        assert queryset.exists()
        assert set(queryset.values_list("locale_id", flat=True)) == {french_section.locale_id}
    assert list(form.fields["themes"].queryset.values_list("name", flat=True)).count("Culture") == 1


def test_translated_page_form_lists_its_locale(french_section):
    # (Synced translations are edited in wagtail-localize's editor: build Wagtail's form.)
    english = Locale.objects.get(language_code="en")
    translation = french_section.get_translation(english).specific
    form_class = type(translation).get_edit_handler().get_form_class()
    form = form_class(instance=translation, parent_page=translation.get_parent())
    assert set(form.fields["profiles"].queryset.values_list("locale_id", flat=True)) == {english.pk}


def test_page_keeps_a_tag_of_another_locale(client, webmaster, french_section):
    dutch_profile = Profile.objects.filter(locale__language_code="nl").first()
    page = NewsPage.objects.filter(locale=french_section.locale).first()
    page.profiles.add(dutch_profile)
    page.save_revision()
    form = edit_form(client, page)
    assert dutch_profile in form.fields["profiles"].queryset


def test_snippet_form_lists_the_default_locale():
    form_class = type(
        "ServiceForm",
        (LocalizedSnippetForm,),
        {"Meta": type("Meta", (), {"model": EditorialService, "fields": ["group", "themes"]})},
    )
    form = form_class()
    assert set(form.fields["themes"].queryset.values_list("locale_id", flat=True)) == {
        Locale.get_default().pk
    }


def search(client, query, referer=None, **params):
    headers = {"HTTP_REFERER": referer} if referer else {}
    response = client.get(
        reverse("wagtailadmin_choose_page_search"), {"q": query, **params}, **headers
    )
    assert response.status_code == 200
    return list(response.context["pages"])


def test_link_chooser_search_from_a_french_page_lists_french_pages(
    client, webmaster, french_section
):
    # Every locale has an agenda; the rich-text link chooser sends no locale.
    assert Page.objects.filter(slug="agenda").exclude(locale=french_section.locale).exists()
    referer = "http://testserver" + reverse("wagtailadmin_pages:edit", args=[french_section.pk])
    results = search(client, "agenda", referer)
    assert results
    assert {page.locale_id for page in results} == {french_section.locale_id}


def test_chooser_search_from_a_dutch_page_lists_dutch_pages(client, webmaster, french_section):
    dutch = Locale.objects.get(language_code="nl")
    translation = french_section.get_translation(dutch)
    referer = "http://testserver" + reverse("wagtailadmin_pages:edit", args=[translation.pk])
    results = search(client, "agenda", referer)
    assert results and {page.locale_id for page in results} == {dutch.pk}


def test_chooser_search_keeps_an_explicit_locale(client, webmaster):
    # The generic choosers (page fields) send the edited object's locale, and so does the
    # search box of a browser opened at the root with it.
    results = search(client, "agenda", locale="nl")
    assert results and {page.locale.language_code for page in results} == {"nl"}


def test_link_chooser_opens_on_the_pages_locale(client, webmaster, french_section):
    referer = "http://testserver" + reverse(
        "wagtailadmin_pages:add", args=["core", "contentpage", french_section.pk]
    )
    response = client.get(reverse("wagtailadmin_choose_page"), HTTP_REFERER=referer)
    assert response.status_code == 200
    pages = list(response.context["pagination_page"])
    assert pages and {page.locale_id for page in pages} == {french_section.locale_id}
