"""Which admin requests are pages a person opens, as opposed to the icons, scripts, data
and fragments that those pages fetch. Only a page request may be sent on to the
second-factor step, and only a page may be where that step sends the user back: a script
that asks for the icon sprite or for JSON must never receive the verification form."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import Resolver404, ResolverMatch, resolve

# Admin views reachable after the password alone: signing in and out, the second-factor
# pages, and what those pages load (the JavaScript translations and the icon sprite).
OPEN_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "accounts:enrol",
        "accounts:verify",
    }
)

# URL names of Wagtail's (and its add-ons') views that return no page of their own: icon
# sprite, script catalogues, JSON, listing fragments refreshed in place, preview frames.
NON_PAGE_NAME_ENDINGS = (
    "sprite",
    "catalog",
    "autocomplete",
    "results",
    "preview",
    "preview_on_add",
    "preview_on_edit",
)
# Namespaces of JSON APIs (Wagtail's admin API, wagtail-localize's).
NON_PAGE_NAMESPACE_PART = "api"
# What a browser sends in Sec-Fetch-Dest when a person opens a page.
PAGE_DESTINATIONS = frozenset({"document"})


def resolve_path(path: str) -> ResolverMatch | None:
    try:
        return resolve(path)
    except Resolver404:
        return None


def is_open_view(match: ResolverMatch | None) -> bool:
    return match is not None and match.view_name in OPEN_VIEWS


def is_page_view(match: ResolverMatch | None) -> bool:
    """Whether a resolved URL is a page a person can be sent to."""
    if match is None:
        return False
    if any(NON_PAGE_NAMESPACE_PART in namespace for namespace in match.namespaces):
        return False
    return not (match.url_name or "").endswith(NON_PAGE_NAME_ENDINGS)


def is_page_request(request: HttpRequest, match: ResolverMatch | None) -> bool:
    """Whether `request` opens a page: a page view, asked for by navigation rather than by a
    script. Browsers say so in Sec-Fetch-Dest; without it, a script's request is told apart
    by X-Requested-With or by an Accept header that does not ask for HTML."""
    if not is_page_view(match):
        return False
    destination = request.headers.get("Sec-Fetch-Dest")
    if destination:
        return destination in PAGE_DESTINATIONS
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return False
    accept = request.headers.get("Accept")
    return not accept or "text/html" in accept or "application/xhtml+xml" in accept


def is_page_url(path: str) -> bool:
    """Whether `path` (a path on this site, with or without a query) names a page view."""
    return is_page_view(resolve_path(path.split("?", 1)[0].split("#", 1)[0]))
