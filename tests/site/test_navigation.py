"""Every procedure is reachable in at most three clicks from the home page: crawl the
rendered site breadth-first, following only links a resident can click."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

import pytest
from wagtail.models import Locale

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


def test_home_offers_quick_links_and_profile_entries(client):
    html = client.get("/").text
    assert "En 1 clic" in html
    for profile in (
        "Seniors",
        "Familles",
        "Jeunes",
        "Professionnels",
        "Associations",
        "Nouveaux habitants",
    ):
        assert profile in html
