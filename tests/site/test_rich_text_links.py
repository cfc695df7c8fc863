"""Links an editor puts in rich text lead to the page in the reader's language."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from core.models import SectionPage
from home.models import HomePage
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def linking_body(*pages) -> str:
    links = "".join(f'<a linktype="page" id="{page.pk}">{page.title}</a> ' for page in pages)
    return json.dumps([{"type": "paragraph", "value": f"<p>{links}</p>"}])


@pytest.fixture
def english_section():
    english_home = HomePage.objects.get(depth=2, locale=Locale.objects.get(language_code="en"))
    return SectionPage.objects.child_of(english_home).live().first()


@pytest.fixture
def french_pages():
    """French pages that have a live English translation (made by the demo's sync)."""
    english_keys = Page.objects.live().filter(locale__language_code="en").values("translation_key")
    french = Page.objects.live().filter(locale=Locale.get_default(), depth__gt=2)
    return list(french.filter(translation_key__in=english_keys).order_by("path")[:4])


def test_a_link_to_a_french_page_leads_english_readers_to_its_translation(
    client, english_section, french_pages
):
    target = french_pages[0]
    page = ContentPageFactory(
        parent=english_section, locale=english_section.locale, body=linking_body(target)
    )
    english_target = target.get_translation(english_section.locale)

    html = client.get(page.url).text
    assert f'href="{english_target.url}"' in html
    assert f'href="{target.url}"' not in html


def test_a_link_to_a_page_whose_translation_is_a_draft_stays_on_the_french_page(
    client, english_section, french_pages
):
    target = french_pages[0]
    target.get_translation(english_section.locale).unpublish()
    page = ContentPageFactory(
        parent=english_section, locale=english_section.locale, body=linking_body(target)
    )

    assert f'href="{target.url}"' in client.get(page.url).text


def test_more_links_in_a_text_cost_no_more_queries(client, english_section, french_pages):
    one_link = ContentPageFactory(
        parent=english_section, locale=english_section.locale, body=linking_body(french_pages[0])
    )
    four_links = ContentPageFactory(
        parent=english_section, locale=english_section.locale, body=linking_body(*french_pages)
    )
    for page in (one_link, four_links):
        client.get(page.url)  # fills the caches
    with CaptureQueriesContext(connection) as with_one:
        client.get(one_link.url)
    with CaptureQueriesContext(connection) as with_four:
        client.get(four_links.url)

    assert len(french_pages) == 4
    assert len(with_four) == len(with_one)


def test_a_link_follows_its_page_to_a_new_address_at_once(client, french_pages):
    target = french_pages[0].specific
    section = SectionPage.objects.live().filter(locale=target.locale).first()
    page = ContentPageFactory(parent=section, locale=section.locale, body=linking_body(target))
    assert f'href="{target.url}"' in client.get(page.url).text  # the link's address is kept

    target.slug = "nouvelle-adresse"
    target.save_revision().publish()

    html = client.get(page.url).text
    assert f'href="{Page.objects.get(pk=target.pk).url}"' in html
    assert "nouvelle-adresse" in Page.objects.get(pk=target.pk).url


@pytest.mark.parametrize("attributes", ['linktype="page"', 'linktype="page" id="abc"'])
def test_a_page_link_without_a_valid_id_is_shown_without_an_address(client, home, attributes):
    section = SectionPage.objects.live().filter(locale=home.locale).first()
    body = json.dumps([{"type": "paragraph", "value": f"<p><a {attributes}>Mairie</a></p>"}])
    page = ContentPageFactory(parent=section, locale=section.locale, body=body)

    response = client.get(page.url)

    assert response.status_code == 200
    assert "<a>Mairie</a>" in response.text
