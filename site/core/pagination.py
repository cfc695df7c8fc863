"""Pagination that never errors on a bad page number in the query string."""

from django.core.paginator import Page, Paginator


def paginate(request, object_list, per_page: int = 12) -> Page:
    return Paginator(object_list, per_page).get_page(request.GET.get("page"))
