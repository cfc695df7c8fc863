"""Compose: a newsletter page rendered as a mail (MJML → HTML with mrml, plus a plain-text
part) and as its web version, once per language.

The letter's blocks are first resolved into plain values (the automatic ones read the
published news, events and procedures at that moment); the HTML part, the text part and the
web version are then all written from those same values. `freeze_campaign` stores the result
per language when a campaign starts, so every recipient and the archive show the same
content. The recipient's own values stay as markers (personalise.py), filled at sending.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import mrml
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from core.i18n import in_locale, language_code_of
from core.models import TownSettings
from events.models import EventPage
from events.templatetags.event_tags import event_start
from news.models import NewsPage

from . import personalise
from .plaintext import link, rich_text_to_text, underline, wrap

if TYPE_CHECKING:
    from .models import Campaign, CampaignEdition, NewsletterPage

# The mail's content column: 600 px less 24 px of padding on each side. Images are made
# twice as wide for sharp screens and shown at this width.
CONTENT_WIDTH = 552
IMAGE_FILTER = "width-1104|format-jpeg|jpegquality-75"
# Gmail clips a message whose HTML is longer than about 102 KB.
MAX_HTML_BYTES = 100 * 1024
SUMMARY_WORDS = 30
RELATIVE_HREF = re.compile(r'(href|src)="/(?!/)')


@dataclass(frozen=True)
class Edition:
    """A letter rendered in one language: the mail's subject, HTML and text parts (with the
    personal markers of personalise.py) and the web version (an HTML fragment shown in the
    site's layout)."""

    subject: str
    html: str
    text: str
    web_html: str


@dataclass(frozen=True)
class ListedItem:
    """A news item, an event or a procedure as a letter lists it."""

    title: str
    url: str
    meta: str = ""  # its date, or when and where
    meta_html: str = ""  # the same with <time> markup, for the HTML parts
    summary: str = ""


@dataclass
class LetterBlock:
    """One block of the letter, resolved: `kind` names its templates
    (newsletters/mail/<kind>.mjml and newsletters/web/<kind>.html) and its text writer."""

    kind: str
    value: dict[str, Any]


@dataclass
class Letter:
    """Everything a letter shows, in one language, read once for its three renderings."""

    language: str
    direction: str
    title: str
    subject: str
    preheader: str
    intro: str
    town_name: str
    theme_name: str
    web_url: str
    archive_url: str
    blocks: list[LetterBlock] = field(default_factory=list)


def render_edition(page: NewsletterPage, language: str) -> Edition:
    """The letter in `language` (the page should be in that locale): its subject, its mail
    parts with the personal markers, and its web version."""
    with translation.override(language):
        letter = read_letter(page, language)
        return Edition(
            subject=letter.subject,
            html=mail_html(letter),
            text=mail_text(letter),
            web_html=web_html(letter),
        )


def render_web_version(page: NewsletterPage, language: str) -> str:
    """The letter's web version alone, as it reads today (before any campaign froze it)."""
    with translation.override(language):
        return web_html(read_letter(page, language))


def web_html(letter: Letter) -> str:
    return render_to_string("newsletters/web/letter.html", {"letter": letter})


def neutral_values(page: NewsletterPage, language: str) -> dict[str, str]:
    """Marker values for a reader who is nobody in particular (the admin's preview): the
    personal links lead to the archive of the letters."""
    archive_url = archive_url_of(page)
    return {
        personalise.UNSUBSCRIBE_URL: archive_url,
        personalise.PREFERENCES_URL: archive_url,
        personalise.FIRST_NAME: "",
        personalise.GREETING: personalise.greeting("", language),
    }


# -- Freezing a campaign ---------------------------------------------------------------------


def freeze_campaign(campaign: Campaign) -> list[CampaignEdition]:
    """One edition per language the letter is published in, rendered now and stored with the
    campaign (its page and the page's live translations). Idempotent: a campaign that has
    its editions keeps them, so a retried start changes nothing. Empty when the letter is no
    longer published: such a campaign must not be sent."""
    from .clicks import clicks_counted, counted_links
    from .models import CampaignEdition

    if not campaign.editions.exists():
        letters = campaign.page.get_translations(inclusive=True).live().specific()
        count_clicks = clicks_counted()
        editions = []
        for letter in letters:
            language = language_code_of(letter)
            edition = render_edition(letter, language)
            mail = edition.html
            if count_clicks:
                mail = counted_links(mail, campaign.pk, site_root_url(letter))
            editions.append(
                CampaignEdition(
                    campaign=campaign,
                    language=language,
                    subject=edition.subject,
                    html=mail,
                    text=edition.text,
                    web_html=edition.web_html,
                )
            )
        # Two workers starting the same campaign: the second one's rows are ignored.
        CampaignEdition.objects.bulk_create(editions, ignore_conflicts=True)
    return list(campaign.editions.all())


def edition_for_language(editions: list[CampaignEdition], language: str) -> CampaignEdition:
    """The edition a contact reading `language` gets: theirs, else French (the site's
    default language), else the first one."""
    by_language = {edition.language: edition for edition in editions}
    return by_language.get(language) or by_language.get(settings.LANGUAGE_CODE) or editions[0]


# -- Reading the letter ----------------------------------------------------------------------


def read_letter(page: NewsletterPage, language: str) -> Letter:
    """The letter's fields and resolved blocks, in the active language."""
    theme = in_locale(page.theme, page.locale_id) if page.theme_id else None
    root_url = site_root_url(page)
    letter = Letter(
        language=language,
        direction="rtl" if translation.get_language_bidi() else "ltr",
        title=page.title,
        subject=page.get_subject(),
        preheader=page.preheader or Truncator(page.intro).chars(150),
        intro=page.intro,
        town_name=town_name(page),
        theme_name=theme.name if theme else "",
        web_url=page.full_url or archive_url_of(page),
        archive_url=archive_url_of(page),
    )
    for block in page.body:
        resolve = BLOCK_RESOLVERS[block.block_type]
        resolved = resolve(block.value, page, root_url)
        if resolved is not None:
            letter.blocks.append(resolved)
    return letter


def site_root_url(page: Page) -> str:
    site = page.get_site() if page.pk else None
    return site.root_url.rstrip("/") if site else personalise.site_root_url()


def archive_url_of(page: Page) -> str:
    """The archive of the letters (the page's parent), else the site's home."""
    parent = page.get_parent() if page.path else None
    return (parent.full_url if parent else None) or site_root_url(page) + "/"


def town_name(page: Page) -> str:
    site = page.get_site() if page.pk else Site.objects.filter(is_default_site=True).first()
    if site is None:
        return settings.COMMUNE_TOWN_NAME
    return TownSettings.for_site(site).town_name


def absolute_url(url: str, root_url: str) -> str:
    return root_url + url if url.startswith("/") and not url.startswith("//") else url


def absolute_links(html: str, root_url: str) -> str:
    """Rich text's site-relative links and images made absolute: a mail has no site."""
    return RELATIVE_HREF.sub(lambda match: f'{match.group(1)}="{root_url}/', html)


def resolve_heading(value, page, root_url) -> LetterBlock:
    return LetterBlock("heading", {"text": value})


def resolve_text(value, page, root_url) -> LetterBlock:
    html = absolute_links(str(value), root_url)
    return LetterBlock("text", {"html": html})


def resolve_image(value, page, root_url) -> LetterBlock | None:
    if value is None:
        return None
    rendition = value.get_rendition(IMAGE_FILTER)
    width = min(CONTENT_WIDTH, rendition.width)
    decorative = getattr(value, "decorative", False)
    alt = "" if decorative else getattr(value, "contextual_alt_text", "") or value.default_alt_text
    return LetterBlock(
        "image",
        {
            "image": value,  # the web version shows it the site's way (core/blocks/image.html)
            "src": absolute_url(rendition.url, root_url),
            "alt": alt,
            "width": width,
            "height": round(rendition.height * width / rendition.width),
        },
    )


def resolve_button(value, page, root_url) -> LetterBlock | None:
    target = in_locale(value["page"], page.locale_id) if value["page"] else None
    url = (target.full_url if target and target.live else None) or value["url"]
    if not url:
        return None
    return LetterBlock("button", {"label": value["label"], "url": url})


def resolve_latest_news(value, page, root_url) -> LetterBlock | None:
    news = NewsPage.objects.in_listings().filter(locale_id=page.locale_id)
    if page.theme_id:
        news = news.filter(themes__translation_key=page.theme.translation_key)
    items = [
        ListedItem(
            title=item.title,
            url=item.full_url,
            meta=date_format(item.date, "j F Y"),
            meta_html=format_html(
                '<time datetime="{}">{}</time>',
                item.date.isoformat(),
                date_format(item.date, "j F Y"),
            ),
            summary=Truncator(item.intro).words(SUMMARY_WORDS),
        )
        for item in news.order_by("-date", "-pk")[: value["count"]]
    ]
    return listing(_("Dernières actualités"), items)


def resolve_upcoming_events(value, page, root_url) -> LetterBlock | None:
    events = EventPage.objects.upcoming().filter(locale_id=page.locale_id)
    if page.theme_id:
        events = events.filter(themes__translation_key=page.theme.translation_key)
    items = []
    for event in events.with_place_title()[: value["count"]]:
        when = event_start(event)
        where = f" · {event.location_label}" if event.location_label else ""
        items.append(
            ListedItem(
                title=event.title,
                url=event.full_url,
                meta=strip_tags(when) + where,
                meta_html=format_html("{}{}", when, where),
                summary=Truncator(event.intro).words(SUMMARY_WORDS),
            )
        )
    return listing(_("Prochains événements"), items)


def listing(title: str, items: list[ListedItem]) -> LetterBlock | None:
    """A titled list of items; nothing at all when there is none to show."""
    return LetterBlock("listing", {"title": title, "items": items}) if items else None


def resolve_featured_procedure(value, page, root_url) -> LetterBlock | None:
    procedure = in_locale(value["page"], page.locale_id) if value["page"] else None
    if procedure is None or not procedure.live:
        return None
    procedure = procedure.specific
    item = ListedItem(
        title=procedure.title,
        url=procedure.full_url,
        summary=Truncator(procedure.intro).words(SUMMARY_WORDS),
    )
    return LetterBlock("featured_procedure", {"item": item, "text": value["text"]})


BLOCK_RESOLVERS: dict[str, Callable[[Any, Any, str], LetterBlock | None]] = {
    "heading": resolve_heading,
    "text": resolve_text,
    "image": resolve_image,
    "button": resolve_button,
    "latest_news": resolve_latest_news,
    "upcoming_events": resolve_upcoming_events,
    "featured_procedure": resolve_featured_procedure,
}


# -- The HTML part ---------------------------------------------------------------------------


def mail_html(letter: Letter) -> str:
    """The letter's MJML (newsletters/mail/letter.mjml and one template per block kind)
    turned into mail HTML by mrml."""
    mjml = render_to_string("newsletters/mail/letter.mjml", {"letter": letter})
    return mrml.to_html(mjml, render_options=mrml.RenderOptions(disable_comments=True)).content


# -- The text part ---------------------------------------------------------------------------


def mail_text(letter: Letter) -> str:
    """The plain-text part: the same content, headings underlined, every link written
    out."""
    header = [letter.town_name, _("Voir la version web : %(url)s") % {"url": letter.web_url}]
    if letter.theme_name:
        header[0] += f" · {letter.theme_name}"
    parts = ["\n".join(header), underline(letter.title, "="), personalise.GREETING]
    if letter.intro:
        parts.append(wrap(letter.intro))
    parts += [TEXT_WRITERS[block.kind](block.value) for block in letter.blocks]
    parts.append(text_footer(letter))
    return "\n\n".join(part for part in parts if part) + "\n"


def heading_text(value: dict) -> str:
    return underline(value["text"], "-")


def rich_text_block_text(value: dict) -> str:
    return rich_text_to_text(value["html"])


def image_text(value: dict) -> str:
    # A decorative image says nothing; the others say what their alt text says.
    return f"[{_('Image')} : {value['alt']}]" if value["alt"] else ""


def button_text(value: dict) -> str:
    return f"{value['label']} : {value['url']}"


def item_text(item: ListedItem) -> str:
    lines = [item.title]
    if item.meta:
        lines.append(item.meta)
    if item.summary:
        lines.append(wrap(item.summary))
    lines.append(item.url)
    return "\n".join(lines)


def listing_text(value: dict) -> str:
    return "\n\n".join([underline(value["title"], "-"), *map(item_text, value["items"])])


def featured_procedure_text(value: dict) -> str:
    parts = [underline(_("Démarche à la une"), "-"), item_text(value["item"])]
    if value["text"]:
        parts.insert(1, wrap(value["text"]))
    return "\n\n".join(parts)


def text_footer(letter: Letter) -> str:
    lines = [
        link(_("Gérer mes préférences"), personalise.PREFERENCES_URL),
        link(_("Se désinscrire"), personalise.UNSUBSCRIBE_URL),
        link(_("Toutes les lettres"), letter.archive_url),
    ]
    return "-- \n" + "\n".join(lines)


TEXT_WRITERS: dict[str, Callable[[dict], str]] = {
    "heading": heading_text,
    "text": rich_text_block_text,
    "image": image_text,
    "button": button_text,
    "listing": listing_text,
    "featured_procedure": featured_procedure_text,
}
