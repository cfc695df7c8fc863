"""A letter rendered as a mail: MJML through mrml to an accessible HTML part, a plain-text
part written from the same content, the automatic blocks filled from the published news,
events and procedures of the letter's theme and language, and the content frozen per
language when a campaign starts."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventIndexPage
from news.models import NewsIndexPage
from newsletters import personalise
from newsletters.models import CampaignEdition
from newsletters.rendering import (
    MAX_HTML_BYTES,
    edition_for_language,
    freeze_campaign,
    render_edition,
)
from procedures.models import ProcedurePage
from tests.factories import ImageFactory
from tests.newsletters.factories import (
    CampaignFactory,
    EventPageFactory,
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    NewsPageFactory,
    all_blocks_body,
    demo_theme,
)

pytestmark = pytest.mark.django_db


class MailParts(HTMLParser):
    """What the accessibility rules look at in an HTML part."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.html_attrs: dict = {}
        self.images: list[dict] = []
        self.tables: list[dict] = []
        self.headings: list[tuple[int, str]] = []
        self.links: list[str] = []
        self.meta: dict[str, str] = {}
        self._heading: int | None = None
        self._heading_text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        elif tag == "img":
            self.images.append(attrs)
        elif tag == "table":
            self.tables.append(attrs)
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "meta" and attrs.get("name"):
            self.meta[attrs["name"]] = attrs.get("content", "")
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading, self._heading_text = int(tag[1]), ""

    def handle_data(self, data):
        if self._heading:
            self._heading_text += data

    def handle_endtag(self, tag):
        if self._heading and tag == f"h{self._heading}":
            self.headings.append((self._heading, " ".join(self._heading_text.split())))
            self._heading = None


@pytest.fixture
def archive(home):
    return NewsletterIndexPageFactory(parent=home)


@pytest.fixture
def themed_content():
    """Culture news and events of the demo town, and some that a culture letter leaves out."""
    french = Locale.objects.get(language_code="fr")
    news_index = NewsIndexPage.objects.get(locale=french)
    agenda = EventIndexPage.objects.get(locale=french)
    culture, sport = demo_theme("culture"), demo_theme("sport")
    today = timezone.localdate()
    return {
        "newest": NewsPageFactory(
            parent=news_index, title="Le festival du livre revient", themes=[culture],
            date=today + timedelta(days=1),
        ),
        "older": NewsPageFactory(
            parent=news_index, title="Bilan de la nuit des musées", themes=[culture],
            date=today - timedelta(days=2),
        ),
        "other_theme": NewsPageFactory(
            parent=news_index, title="Le stade rénové", themes=[sport],
            date=today + timedelta(days=1),
        ),
        "draft": NewsPageFactory(
            parent=news_index, title="Brouillon culturel", themes=[culture],
            date=today + timedelta(days=1), publish=False, live=False,
        ),
        "event": EventPageFactory(
            parent=agenda, title="Concert de printemps", themes=[culture],
            start=timezone.now() + timedelta(hours=1),
        ),
        "past_event": EventPageFactory(
            parent=agenda, title="Exposition terminée", themes=[culture],
            start=timezone.now() - timedelta(days=3), end=timezone.now() - timedelta(days=2),
        ),
    }  # fmt: skip


@pytest.fixture
def procedure():
    return ProcedurePage.objects.live().filter(locale__language_code="fr").first()


@pytest.fixture
def letter(archive, themed_content, procedure):
    image = ImageFactory(size=(1600, 900))
    return NewsletterPageFactory(
        parent=archive,
        title="La lettre culture de mars",
        body=all_blocks_body(image, procedure, procedure),
    )


@pytest.fixture
def edition(letter):
    return render_edition(letter, "fr")


def test_the_mail_is_an_accessible_document(edition, letter):
    parts = MailParts(edition.html)
    assert parts.html_attrs["lang"] == "fr"
    assert parts.html_attrs["dir"] == "ltr"
    assert parts.meta["color-scheme"] == "light dark"
    assert parts.tables and all(table.get("role") == "presentation" for table in parts.tables)
    # The title is the only h1; the blocks' headings follow it without skipping a level.
    levels = [level for level, _ in parts.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(after - before <= 1 for before, after in zip(levels, levels[1:], strict=False))
    assert parts.headings[0] == (1, "La lettre culture de mars")
    assert (2, "Au programme ce mois-ci") in parts.headings


def test_every_image_has_an_alt_and_its_size(edition):
    images = MailParts(edition.html).images
    assert [image["alt"] for image in images] == ["La façade de la médiathèque au printemps", ""]
    for image in images:
        assert image["src"].startswith("http") and "/media/images/" in image["src"]
        assert image["width"] == "552" and image["height"] == str(round(552 * 900 / 1600))


def test_the_mail_links_to_its_web_version_and_carries_the_personal_markers(edition, letter):
    links = MailParts(edition.html).links
    assert links[0] == letter.full_url  # "Voir la version web", first in the mail
    assert personalise.UNSUBSCRIBE_URL in links
    assert personalise.PREFERENCES_URL in links
    assert personalise.GREETING in edition.html and personalise.GREETING in edition.text
    assert "Voir la version web" in edition.html
    assert "Se désinscrire" in edition.html
    # The preheader: the text mailboxes show after the subject.
    assert "Concerts, expositions et lectures près de chez vous." in edition.html
    assert edition.subject == "La lettre culture de mars"


def test_site_links_in_the_text_are_absolute(edition, procedure):
    links = MailParts(edition.html).links
    assert procedure.full_url in links
    assert "https://www.example.org/partenaire" in links
    assert not [link for link in links if link.startswith("/")]


def test_automatic_blocks_show_the_themes_published_news_and_upcoming_events(
    edition, themed_content
):
    html = edition.html
    assert html.index("Le festival du livre revient") < html.index("Bilan de la nuit des musées")
    assert "Concert de printemps" in html
    for left_out in ("Le stade rénové", "Brouillon culturel", "Exposition terminée"):
        assert left_out not in html
    assert "Démarche à la une" in html
    assert "Les délais s&#x27;allongent avant l&#x27;été." in html


def test_the_text_part_has_the_same_content_and_every_link(edition, themed_content):
    text = edition.text
    for link in MailParts(edition.html).links:
        assert link in text, link
    assert "La lettre culture de mars\n=========================" in text
    assert "Au programme ce mois-ci\n-----------------------" in text
    assert "sur le site (http" in " ".join(text.split())  # a link follows its label
    assert "- Concerts\n- Expositions" in text
    assert "[Image : La façade de la médiathèque au printemps]" in text
    assert "Le festival du livre revient" in text and "Le stade rénové" not in text
    assert "<" not in text.replace("<br>", "")  # no markup left


def test_the_web_version_shows_the_same_content_in_the_sites_markup(edition):
    web = edition.web_html
    assert "<h1>La lettre culture de mars</h1>" in web
    assert "Le festival du livre revient" in web and "Concert de printemps" in web
    assert "style=" not in web  # the site's CSP allows no inline style
    assert "%%" not in web  # nobody's personal links


def test_a_large_letter_stays_under_gmails_clipping_size(archive, themed_content, procedure):
    image = ImageFactory()
    paragraph = "<p>" + "Le conseil municipal a voté le budget de la saison culturelle. " * 12
    body = all_blocks_body(image, procedure, procedure)
    body += [{"type": "text", "value": paragraph + "</p>"} for _ in range(20)]
    body += [{"type": "heading", "value": f"Rubrique {n}"} for n in range(10)]
    body += [{"type": "latest_news", "value": {"count": 10}}]
    letter = NewsletterPageFactory(parent=archive, body=body)
    edition = render_edition(letter, "fr")
    assert len(edition.text) > 15_000  # a long letter indeed
    assert len(edition.html.encode()) < MAX_HTML_BYTES


def test_each_language_gets_its_edition_frozen_when_the_campaign_starts(letter, themed_content):
    english = Locale.objects.get(language_code="en")
    translation = letter.copy_for_translation(english, copy_parents=True)
    translation.title = "The March culture letter"
    translation.save_revision().publish()
    campaign = CampaignFactory(page=letter)

    editions = freeze_campaign(campaign)

    by_language = {edition.language: edition for edition in editions}
    assert set(by_language) == {"fr", "en"}
    assert 'lang="en"' in by_language["en"].html
    assert "The March culture letter" in by_language["en"].html
    # French news are not listed in the English letter.
    assert "Le festival du livre revient" not in by_language["en"].html
    assert "Le festival du livre revient" in by_language["fr"].html
    # Frozen: news published afterwards change nothing, even if the start is retried.
    NewsPageFactory(
        parent=themed_content["newest"].get_parent(),
        title="Publiée après le départ",
        themes=[demo_theme()],
        date=timezone.localdate() + timedelta(days=2),
    )
    freeze_campaign(campaign)
    assert CampaignEdition.objects.filter(campaign=campaign).count() == 2
    assert "Publiée après le départ" not in campaign.editions.get(language="fr").html
    # A Dutch reader gets the French edition.
    assert edition_for_language(editions, "nl").language == "fr"
    assert edition_for_language(editions, "en").language == "en"


def test_the_letters_blocks_are_offered_for_translation(letter):
    from wagtail_localize.models import StringSegment, TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(letter)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "Au programme ce mois-ci" in strings
    assert "Tout le programme" in strings
    assert "La façade de la médiathèque au printemps" in strings


@pytest.mark.browser
def test_axe_core_finds_no_violation_in_the_mail_in_light_and_dark_mode(edition):
    """The HTML part as a mailbox shows it, in headless Chromium, with the images blocked
    (readable without them) and no request leaving the machine."""
    from accessibility.axe import run_axe
    from accessibility.browser import chromium, fresh_page

    with chromium() as browser, fresh_page(browser) as page:
        page.route("**/*", lambda route: route.abort())
        page.set_content(edition.html)
        light = run_axe(page)
        page.emulate_media(color_scheme="dark")
        dark = run_axe(page)
        text_colour = page.evaluate("() => getComputedStyle(document.querySelector('h1')).color")
    assert light == [], light
    assert dark == [], dark
    assert text_colour == "rgb(236, 236, 236)"  # light text on the dark background


def test_personal_values_fill_the_greeting_with_or_without_a_first_name():
    assert personalise.greeting("Camille", "fr") == "Bonjour Camille,"
    assert personalise.greeting("", "fr") == "Bonjour,"
