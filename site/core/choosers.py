"""Page choosers that open in, and search, the locale of the page being edited.

Wagtail's page chooser filters by locale only when it is given a `locale` parameter: its
generic choosers (page fields, StreamField page blocks) send the edited object's locale,
but the rich-text link chooser sends none, so it opens on "Root" with every locale's home
page and its search mixes the languages. The `construct_page_chooser_queryset` hook below
narrows both to one locale: the one asked for, else the one of the page the editor is on
(named by the request's same-origin Referer: the chooser is fetched from the page editor),
else the editor's own language.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import HttpRequest
from django.urls import Resolver404, resolve
from wagtail.models import Locale, Page

# Page editor views, with the URL argument naming the page whose locale applies.
PAGE_EDITOR_VIEWS = {
    "wagtailadmin_pages:edit": "page_id",
    "wagtailadmin_pages:add": "parent_page_id",
}


def page_locale_from_referer(request: HttpRequest) -> Locale | None:
    referer = request.headers.get("referer")
    if not referer:
        return None
    url = urlsplit(referer)
    if url.netloc and url.netloc != request.get_host():
        return None
    try:
        match = resolve(url.path)
    except Resolver404:
        return None
    argument = PAGE_EDITOR_VIEWS.get(match.view_name)
    if argument is None or argument not in match.kwargs:
        return None
    page = Page.objects.filter(pk=match.kwargs[argument]).select_related("locale").first()
    return page.locale if page else None


def chooser_locale(request: HttpRequest) -> Locale | None:
    """The locale a page chooser should show for this request."""
    code = request.GET.get("locale")
    if code:
        return Locale.objects.filter(language_code=code).first()
    locale = page_locale_from_referer(request)
    if locale is not None:
        return locale
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def pages_in_chooser_locale(pages, request: HttpRequest):
    """Hook `construct_page_chooser_queryset`: the search and the root of the browser list
    the chooser's locale only. Below the root Wagtail already lists the parent's locale, and
    at the root an explicit `locale` (its locale switcher) is applied by Wagtail itself."""
    view = request.resolver_match.url_name if request.resolver_match else None
    if view == "wagtailadmin_choose_page_search" or (
        view == "wagtailadmin_choose_page" and not request.GET.get("locale")
    ):
        locale = chooser_locale(request)
        if locale is not None:
            pages = pages.filter(locale=locale)
    return pages
