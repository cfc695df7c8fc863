"""Pagination that never errors on a bad page number in the query string."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

# Beyond this page number, a listing is not kept rendered (core's cache_fragment tag): a
# crawler walking made-up numbers would fill the cache with copies of the last page.
LAST_KEPT_PAGE = 50


def paginate(request, object_list, per_page: int = 12) -> Page:
    return Paginator(object_list, per_page).get_page(request.GET.get("page"))


def unfiltered_page_number(request: HttpRequest) -> int | None:
    """The page number of a listing asked for without filters (no query string, or only
    `?page=N` with a plain number up to LAST_KEPT_PAGE): the key of its kept rendering.
    None for anything else, which is rendered each time."""
    if set(request.GET) - {"page"}:
        return None
    number = request.GET.get("page", "1")
    if not number.isascii() or not number.isdigit() or not 1 <= int(number) <= LAST_KEPT_PAGE:
        return None
    return int(number)
