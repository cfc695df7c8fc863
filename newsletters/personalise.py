"""The personal parts of a mail. A campaign is rendered once per language with markers where
each recipient's own values go (their signed links, their first name); sending fills them
with plain string replacement, so 100,000 recipients cost 100,000 replacements, not renders."""

from __future__ import annotations

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
    with translation.override(language):
        if first_name:
            return gettext("Bonjour %(first_name)s,") % {"first_name": first_name}
        return gettext("Bonjour,")


def personal_values(
    root_url: str, *, delivery_id: int, contact_id: int, language: str, first_name: str = ""
) -> dict[str, str]:
    return {
        UNSUBSCRIBE_URL: root_url + unsubscribe_path(delivery_id, language),
        PREFERENCES_URL: root_url + preferences_path(contact_id, language),
        FIRST_NAME: first_name,
        GREETING: greeting(first_name, language),
    }


def escaped(values: dict[str, str]) -> dict[str, str]:
    """The values as they go into the HTML part: a first name is text, never markup."""
    return {marker: escape(value) for marker, value in values.items()}


def fill(template: str, values: dict[str, str]) -> str:
    """The template with each marker replaced by its value (markers not given stay)."""
    for marker, value in values.items():
        template = template.replace(marker, value)
    return template
