"""Click counting, off by default (no tracking without consent). When the town turns it on
(LetterStatsSettings), a campaign's links are rewritten when it starts to pass through the
site: `/lettres/lien/<token>/` counts one click for that link of that campaign, then sends
the resident on. The token is signed, so the site redirects only to links it wrote itself;
it names the campaign and the link, never the recipient."""

from __future__ import annotations

import html
import re

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from .models import LetterStatsSettings

CLICK_SALT = "newsletters.click"
# The links of a rendered mail; the personal ones are markers (%%…%%), not http(s) links.
LINK = re.compile(r'href="(https?://[^"]+)"')


def clicks_counted(site: Site | None = None) -> bool:
    """Whether the town counts clicks (on the default site unless told)."""
    site = site or Site.objects.filter(is_default_site=True).first()
    return bool(site) and LetterStatsSettings.for_site(site).count_clicks


def counted_links(mail_html: str, campaign_id: int, root_url: str) -> str:
    """The mail's links, each through the site's counting address."""

    def through_the_site(match: re.Match) -> str:
        url = html.unescape(match.group(1))
        token = signing.dumps([campaign_id, url], salt=CLICK_SALT, compress=True)
        with translation.override(settings.LANGUAGE_CODE):
            path = reverse("newsletters:follow_link", args=[token])
        return f'href="{root_url}{path}"'

    return LINK.sub(through_the_site, mail_html)


def read_link(token: str) -> tuple[int, str] | None:
    """(campaign id, link) of a counting token; None when it was not signed by the site."""
    try:
        campaign_id, url = signing.loads(token, salt=CLICK_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(campaign_id, int) or not isinstance(url, str):
        return None
    return campaign_id, url
