"""The personal parts of a mail. A campaign is rendered once per language with markers where
each recipient's own values go (their signed links, their first name); sending fills them
with plain string replacement, so 100,000 recipients cost 100,000 replacements, not renders."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Site

from .tokens import make_token

UNSUBSCRIBE_URL = "%%UNSUBSCRIBE_URL%%"
PREFERENCES_URL = "%%PREFERENCES_URL%%"
FIRST_NAME = "%%FIRST_NAME%%"
# "Bonjour Camille," or "Bonjour," when the contact gave no first name: a greeting built
# around FIRST_NAME alone would read "Bonjour ," for them.
GREETING = "%%GREETING%%"
MARKERS = (UNSUBSCRIBE_URL, PREFERENCES_URL, FIRST_NAME, GREETING)


def site_root_url() -> str:
    """The public site's address (the default site), without a trailing slash."""
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else "http://localhost").rstrip("/")


def unsubscribe_path(delivery_id: int, language: str) -> str:
    """One-click unsubscribe from the letter's themes: the page shown by the link in the mail
    and the target of the List-Unsubscribe POST (RFC 8058)."""
    with translation.override(language):
        return reverse("newsletters:unsubscribe", args=[make_token("unsubscribe", delivery_id)])


def preferences_path(contact_id: int, language: str) -> str:
    with translation.override(language):
        return reverse("newsletters:preferences", args=[make_token("preferences", contact_id)])


def greeting(first_name: str, language: str) -> str:
    """The mail's first line, in the recipient's language."""
    named, anonymous = greetings(language)
    return named % {"first_name": first_name} if first_name else anonymous


def greetings(language: str) -> tuple[str, str]:
    """The greeting with a first name (to fill in) and without, in this language."""
    with translation.override(language):
        return gettext("Bonjour %(first_name)s,"), gettext("Bonjour,")


def personal_values(
    root_url: str, *, delivery_id: int, contact_id: int, language: str, first_name: str = ""
) -> dict[str, str]:
    """One recipient's values (a campaign's sender uses a Personaliser for all of them)."""
    return Personaliser(root_url).values(
        delivery_id=delivery_id, contact_id=contact_id, language=language, first_name=first_name
    )


class Personaliser:
    """Recipients' values for the mails of one run. The link paths and the greetings of a
    language are worked out at its first recipient: reversing URLs and looking translations
    up cost more than the rest of a recipient's values, and the same for all of them; per
    recipient only the signed tokens are made."""

    PLACEHOLDER = "~token~"  # left as it is by reverse(), and in no path of its own

    def __init__(self, root_url: str) -> None:
        self.root_url = root_url
        self.languages: dict[str, LanguageParts] = {}

    def values(
        self, *, delivery_id: int, contact_id: int, language: str, first_name: str = ""
    ) -> dict[str, str]:
        parts = self.languages.get(language) or self.parts_for(language)
        return {
            UNSUBSCRIBE_URL: parts.unsubscribe.replace(
                self.PLACEHOLDER, make_token("unsubscribe", delivery_id)
            ),
            PREFERENCES_URL: parts.preferences.replace(
                self.PLACEHOLDER, make_token("preferences", contact_id)
            ),
            FIRST_NAME: first_name,
            GREETING: parts.named % {"first_name": first_name} if first_name else parts.anonymous,
        }

    def parts_for(self, language: str) -> LanguageParts:
        with translation.override(language):
            unsubscribe = reverse("newsletters:unsubscribe", args=[self.PLACEHOLDER])
            preferences = reverse("newsletters:preferences", args=[self.PLACEHOLDER])
        named, anonymous = greetings(language)
        parts = LanguageParts(
            self.root_url + unsubscribe, self.root_url + preferences, named, anonymous
        )
        self.languages[language] = parts
        return parts


@dataclass(frozen=True)
class LanguageParts:
    """A language's link addresses (with the token's place) and greetings."""

    unsubscribe: str
    preferences: str
    named: str
    anonymous: str


def escaped(values: dict[str, str]) -> dict[str, str]:
    """The values as they go into the HTML part: a first name is text, never markup."""
    return {marker: escape(value) for marker, value in values.items()}


def fill(template: str, values: dict[str, str]) -> str:
    """The template with each marker replaced by its value (markers not given stay)."""
    for marker, value in values.items():
        template = template.replace(marker, value)
    return template
