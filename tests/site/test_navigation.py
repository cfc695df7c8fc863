"""Every procedure is reachable in at most three clicks from the home page: crawl the
rendered site breadth-first, following only links a resident can click."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

import pytest
from wagtail.models import Locale, Page

from demo.content import pages as demo_pages
from procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db


NOT_PAGES = ("/admin", "/documents", "/api", "/static", "/media")


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.links.append(href)


def internal_links(html: str) -> set[str]:
    parser = LinkCollector()
    parser.feed(html)
    paths = set()
    for href in parser.links:
        url = urlparse(urldefrag(href)[0])
        if url.netloc in ("", "testserver", "localhost") and url.path.startswith("/"):
            paths.add(url.path)
    return {path for path in paths if not path.startswith(NOT_PAGES)}


def click_depths(client, start: str, max_depth: int) -> dict[str, int]:
    depths = {start: 0}
    queue = deque([start])
    while queue:
        path = queue.popleft()
        if depths[path] == max_depth:
            continue
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for link in internal_links(response.text):
            if link not in depths:
                depths[link] = depths[path] + 1
                queue.append(link)
    return depths


def test_every_procedure_is_within_three_clicks_of_home(client):
    depths = click_depths(client, "/", max_depth=3)
    procedures = ProcedurePage.objects.live().filter(locale=Locale.get_default())
    assert procedures.count() >= 20
    too_far = [page.url for page in procedures if page.url not in depths]
    assert too_far == []


class LinksWithin(HTMLParser):
    """The links (href, text) inside the element `tag` that has the attributes `attrs`."""

    def __init__(self, tag: str, **attrs: str):
        super().__init__()
        self.tag, self.attrs = tag, attrs
        self.depth = 0  # how many `tag` elements deep inside the one sought
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == self.tag and (
            self.depth or all(attrs.get(name) == value for name, value in self.attrs.items())
        ):
            self.depth += 1
        if self.depth and tag == "a":
            self._href, self._text = attrs.get("href"), []

    def handle_endtag(self, tag):
        if self.depth and tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None
        if self.depth and tag == self.tag:
            self.depth -= 1

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)


def links_within(html: str, tag: str, **attrs: str) -> list[tuple[str, str]]:
    parser = LinksWithin(tag, **attrs)
    parser.feed(html)
    return parser.links


def french_page(slug: str) -> Page:
    return Page.objects.live().get(slug=slug, locale=Locale.get_default())


def assert_each_link_opens(client, links: list[tuple[str, str]]) -> None:
    for href, _ in links:
        assert client.get(href).status_code == 200, href


def test_the_main_menu_links_to_each_section_then_the_news_and_the_agenda(client):
    html = client.get("/").text

    menu = links_within(html, "nav", **{"aria-label": "Menu principal"})

    slugs = [section["slug"] for section in demo_pages.SECTIONS] + ["actualites", "agenda"]
    expected = [(french_page(slug).url, french_page(slug).title) for slug in slugs]
    assert menu == expected
    assert_each_link_opens(client, menu)


def test_home_links_to_each_quick_link_target_in_one_click(client):
    html = client.get("/").text

    quick_links = links_within(html, "section", **{"aria-labelledby": "en-1-clic"})

    expected = [(french_page(link["slug"]).url, link["label"]) for link in demo_pages.QUICK_LINKS]
    assert quick_links == expected
    assert_each_link_opens(client, quick_links)


def test_home_links_to_each_profile_page(client):
    html = client.get("/").text

    profile_links = links_within(html, "section", **{"aria-labelledby": "vous-etes"})

    expected = [
        (french_page(profile["slug"]).url, profile["name"]) for profile in demo_pages.PROFILES
    ]
    assert profile_links == expected
    assert [name for _, name in profile_links] == [
        "Seniors",
        "Familles",
        "Jeunes",
        "Professionnels",
        "Associations",
        "Nouveaux habitants",
    ]
    assert_each_link_opens(client, profile_links)
