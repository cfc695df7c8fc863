"""The pages the layout of every public page links to, read in one query per request.

The header menu, the language links, the breadcrumb and the footer's statements each cost a
query of their own, and a page query costs more in the ORM than in the database. They all
come from the page tree, so one query with one condition per use fetches them, and the
template tags share its result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, Subquery
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page, Site

from .i18n import locale_id_for
from .privacy import is_private
from .tree import children_path_range

_REQUEST_ATTRIBUTE = "_commune_layout"


@dataclass
class Layout:
    menu: list[Page] = field(default_factory=list)
    translations: list[Page] = field(default_factory=list)
    ancestors: list[Page] = field(default_factory=list)
    statements: dict[type[Page], Page] = field(default_factory=dict)


def layout_for(request: HttpRequest, page: Page | None) -> Layout:
    """The layout's pages for `page` (None for views outside the tree, like search results),
    computed once per request."""
    page = page if isinstance(page, Page) and page.pk else None
    cached = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached and cached[0] == (page.pk if page else None):
        return cached[1]
    layout = _read_layout(request, page)
    setattr(request, _REQUEST_ATTRIBUTE, ((page.pk if page else None), layout))
    return layout


def _read_layout(request: HttpRequest, page: Page | None) -> Layout:
    from accessibility.models import (
        AccessibilityAudit,
        AccessibilityStatementPage,
        EcoDesignStatementPage,
    )

    locale_id = page.locale_id if page else locale_id_for(translation.get_language())
    statement_types = {
        ContentType.objects.get_for_model(model).pk: model
        for model in (AccessibilityStatementPage, EcoDesignStatementPage)
    }
    home_path = page.path[: 2 * Page.steplen] if page and page.depth >= 2 else None
    home_path = home_path or _site_home_path(request, locale_id)
    ancestor_paths = _ancestor_paths(page)

    conditions = Q(locale_id=locale_id, content_type_id__in=statement_types)
    if home_path:
        conditions |= Q(depth=3, path__range=children_path_range(home_path), show_in_menus=True)
    if page:
        conditions |= Q(translation_key=page.translation_key)
    if ancestor_paths:
        conditions |= Q(path__in=ancestor_paths)

    latest_audit = AccessibilityAudit.objects.newest_first()
    rows = (
        Page.objects.live()
        .filter(conditions)
        .select_related("locale")
        .annotate(
            audit_met=Subquery(latest_audit.values("met_criteria")[:1]),
            audit_applicable=Subquery(latest_audit.values("applicable_criteria")[:1]),
        )
        .order_by("path")
    )

    layout = Layout()
    for row in rows:
        if _in_menu(row, home_path):
            layout.menu.append(row)
        if page and row.translation_key == page.translation_key:
            layout.translations.append(row)
        if row.path in ancestor_paths:
            layout.ancestors.append(row)
        statement_type = statement_types.get(row.content_type_id)
        if statement_type and row.locale_id == locale_id:
            layout.statements.setdefault(statement_type, row)  # the first in tree order
    return layout


def _in_menu(row: Page, home_path: str | None) -> bool:
    """A public section of the home page shown in menus (the query's menu condition)."""
    return (
        home_path is not None
        and row.depth == 3
        and row.show_in_menus
        and row.path.startswith(home_path)
        and not is_private(row)
    )


def _ancestor_paths(page: Page | None) -> list[str]:
    """Tree paths of the page's ancestors from the home page down (the root excluded)."""
    if page is None:
        return []
    return [page.path[: depth * Page.steplen] for depth in range(2, page.depth)]


def _site_home_path(request: HttpRequest, locale_id: int | None) -> str | None:
    """Tree path of the request's site home in the active language, for views outside the
    tree (search results): the site's root page, or its translation (one more query)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if locale_id is None or root.locale_id == locale_id:
        return root.path
    translation_path = (
        Page.objects.filter(translation_key=root.translation_key, locale_id=locale_id)
        .values_list("path", flat=True)
        .first()
    )
    return translation_path or root.path
