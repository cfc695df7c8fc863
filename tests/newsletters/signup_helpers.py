"""What the sign-up tests share: the form's data, and the links found in a received mail."""

from __future__ import annotations

import re
from email.message import EmailMessage
from html.parser import HTMLParser
from urllib.parse import urlsplit

from tests.newsletters.factories import demo_theme


def signup_data(email: str, *slugs: str) -> dict:
    """What the sign-up form posts for this address and these themes."""
    return {"email": email, "themes": [demo_theme(slug).pk for slug in slugs]}


def text_of(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(("html",)).get_content()


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def links_in(message: EmailMessage) -> dict[str, list[str]]:
    """The links of each part: the plain-text addresses and the HTML hrefs."""
    parser = _Hrefs()
    parser.feed(html_of(message))
    return {"text": re.findall(r"https?://\S+", text_of(message)), "html": parser.hrefs}


def path_of(url: str) -> str:
    """The link as the test client requests it (the mail carries the site's full address)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
