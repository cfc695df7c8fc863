"""Where residents find the sign-up form: the block editors place on any page (with the
themes they chose) and the letters' own page (every theme). Both post to the same form,
which works without JavaScript."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from accessibility import checks
from core.models import ContentPage, Theme, TownSettings
from newsletters.models import NewsletterIndexPage, Signup
from newsletters.subscriptions import town_name
from tests.factories import ContentPageFactory, PageFactory
from tests.newsletters.factories import demo_theme

pytestmark = pytest.mark.django_db


class NewsletterIndexPageFactory(PageFactory):
    class Meta:
        model = NewsletterIndexPage

    title = "Lettres d'information"


def signup_block(*slugs: str, heading: str = "Restez informé") -> dict:
    return {
        "type": "newsletter_signup",
        "value": {
            "heading": heading,
            "intro": "Une lettre par mois, sans publicité.",
            "themes": [demo_theme(slug).pk for slug in slugs],
        },
    }


def checkbox_labels(html: str) -> list[str]:
    return re.findall(
        r'<input type="checkbox" name="themes" value="\d+"[^>]*> ([^<]+)</label>', html
    )


def test_the_block_offers_the_themes_its_editor_chose(client, home):
    page = ContentPageFactory(parent=home, body=json.dumps([signup_block("sport", "culture")]))
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.text
    assert "<h2>Restez informé</h2>" in html
    assert "Une lettre par mois, sans publicité." in html
    assert 'action="/lettres/inscription/"' in html
    assert "csrfmiddlewaretoken" not in html  # the page may be cached for every reader
    assert sorted(checkbox_labels(html)) == ["Culture", "Sport"]
    assert "En m&#x27;inscrivant, j&#x27;accepte de recevoir par courriel" in html

    # What the block's form posts is what the sign-up expects.
    email_name = re.search(r'<input type="email" name="(\w+)"', html).group(1)
    answer = client.post(
        "/lettres/inscription/",
        {email_name: "voisin@example.org", "themes": [demo_theme("sport").pk]},
    )
    assert (answer.status_code, answer.url) == (302, "/lettres/inscription/envoyee/")
    assert Signup.objects.get().email == "voisin@example.org"


def test_two_blocks_on_one_page_keep_their_ids_apart(client, home):
    body = [signup_block("culture"), signup_block("travaux", heading="Travaux dans ma rue")]
    html = client.get(ContentPageFactory(parent=home, body=json.dumps(body)).url).text
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert 'id="lettre1-email"' in html and 'id="lettre2-email"' in html


def test_the_letters_page_offers_every_theme(client, home):
    page = NewsletterIndexPageFactory(parent=home)
    response = client.get(page.url)
    assert response.status_code == 200
    french = Theme.objects.filter(locale=Locale.get_default())
    assert sorted(checkbox_labels(response.text)) == sorted(t.name for t in french)
    assert 'action="/lettres/inscription/"' in response.text


def test_the_editors_heading_check_knows_the_blocks_title(home):
    """The block's title is an h2: a third-level heading after it is no jump."""
    body = [signup_block("culture"), {"type": "paragraph", "value": "<h3>Archives</h3>"}]
    page = ContentPage.objects.get(pk=ContentPageFactory(parent=home, body=json.dumps(body)).pk)
    assert checks.heading_jump(page) == []


def test_the_block_names_the_town_as_its_editors_set_it(client, home):
    page = ContentPageFactory(parent=home, body=json.dumps([signup_block("culture")]))
    assert "la mairie de Villeneuve-sur-Lys sur les thèmes cochés" in client.get(page.url).text

    town = TownSettings.objects.get(site=Site.objects.get(is_default_site=True))
    town.town_name = "Villeneuve-lès-Lys"
    town.save()
    assert "la mairie de Villeneuve-lès-Lys sur les thèmes cochés" in client.get(page.url).text


def test_the_form_names_the_default_site_s_town_on_another_site(rf, settings, home):
    settings.ALLOWED_HOSTS = ["*"]
    other = Site.objects.create(hostname="autre.example", root_page=home, site_name="Autre")
    TownSettings.objects.update_or_create(site=other, defaults={"town_name": "Autre-Ville"})
    assert town_name(rf.get("/", HTTP_HOST="autre.example")) == "Villeneuve-sur-Lys"
    assert town_name(rf.get("/")) == town_name() == "Villeneuve-sur-Lys"


def test_the_block_shows_a_theme_renamed_since(client, home):
    page = ContentPageFactory(parent=home, body=json.dumps([signup_block("sport", "culture")]))
    assert sorted(checkbox_labels(client.get(page.url).text)) == ["Culture", "Sport"]

    sport = demo_theme("sport")
    sport.name = "Sports et loisirs"
    sport.save()
    assert sorted(checkbox_labels(client.get(page.url).text)) == ["Culture", "Sports et loisirs"]


def test_the_letters_page_offers_a_theme_added_since(client, home):
    page = NewsletterIndexPageFactory(parent=home)
    assert "Jumelage" not in checkbox_labels(client.get(page.url).text)

    Theme.objects.create(name="Jumelage", slug="jumelage", locale=Locale.get_default())
    assert "Jumelage" in checkbox_labels(client.get(page.url).text)


def test_the_block_costs_one_query_the_themes_of_its_value(client, home):
    """The town's name and the themes' names in the reader's language come from the shared
    cache: what the block adds to a page is Wagtail's read of the themes it names."""
    with_block = ContentPageFactory(parent=home, body=json.dumps([signup_block("sport")]))
    without = ContentPageFactory(parent=home, title="Sans formulaire", body="[]")
    counts = []
    for page in (with_block, without):
        client.get(page.url)  # what the shared cache keeps is in it
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] + 1
