"""What the layout of every public page shows around its content.

The main menu, the footer's statement links and the alert banner are the same on every page
of a language: they are read once (`SiteWide`) and kept in the shared cache until content
changes (a publication, a move, a deletion, an alert, an audit, a restriction, a site) or an
alert starts or ends. What depends on the page (its translations and ancestors, for the
language links, hreflang and the breadcrumb) is kept the same way, per page, until a
publication, a move or a deletion (one query when it is read again).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone, translation
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from . import page_cache
from .cached import PAGE_LISTINGS, SITE_WIDE, remembered
from .i18n import in_locale, locale_id_for
from .models import Alert
from .privacy import is_private
from .tree import children_path_range

_REQUEST_ATTRIBUTE = "_commune_layout"
# A safety net only: invalidation and the alerts' own dates decide when it is read again.
SITE_WIDE_LIFETIME = 3600  # seconds
# Apps add their links to the footer (the legal statements…) with this Wagtail hook: a
# function of (request, locale_id) returning plain dicts {"template": …, "context": {…}},
# cached with the rest of the site-wide layout, so they must not depend on the page.
FOOTER_PARTS_HOOK = "commune_footer_parts"


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    path: str  # tree path, to mark the section of the page being shown


@dataclass(frozen=True)
class AlertNotice:
    level: str
    title: str
    message: str
    link_url: str | None

    @property
    def level_label(self) -> str:
        return Alert.Level(self.level).label


@dataclass(frozen=True)
class PageLink:
    """Another page as the layout links to it: a translation of the page (languages,
    hreflang) or one of its ancestors (breadcrumb)."""

    pk: int
    title: str
    url: str
    full_url: str
    depth: int
    language_code: str
    language_name: str


@dataclass
class SiteWide:
    """The parts of the layout that do not depend on the page, for one home and language."""

    menu: list[Link] = field(default_factory=list)
    footer_parts: list[dict[str, Any]] = field(default_factory=list)
    alerts: list[AlertNotice] = field(default_factory=list)
    valid_until: float | None = None  # timestamp of the next alert's start or end

    @classmethod
    def from_plain(cls, data: dict[str, Any]) -> SiteWide:
        """Rebuilt from the plain data kept in the cache (`dataclasses.asdict`)."""
        return cls(
            menu=[Link(**link) for link in data["menu"]],
            footer_parts=data["footer_parts"],
            alerts=[AlertNotice(**alert) for alert in data["alerts"]],
            valid_until=data["valid_until"],
        )


@dataclass
class Layout:
    site_wide: SiteWide
    translations: list[PageLink] = field(default_factory=list)
    ancestors: list[PageLink] = field(default_factory=list)

    @property
    def menu(self) -> list[Link]:
        return self.site_wide.menu


def layout_for(request: HttpRequest, page: Page | None) -> Layout:
    """The layout of `page` (None for views outside the tree, like search results),
    computed once per request."""
    page = page if isinstance(page, Page) and page.pk else None
    cached = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached and cached[0] == (page.pk if page else None):
        return cached[1]
    locale_id = page.locale_id if page else locale_id_for(translation.get_language())
    layout = Layout(site_wide=site_wide_for(request, page, locale_id))
    if page:
        links = _page_links(request, page)
        layout.translations = [PageLink(**link) for link in links["translations"]]
        layout.ancestors = [PageLink(**link) for link in links["ancestors"]]
    setattr(request, _REQUEST_ATTRIBUTE, ((page.pk if page else None), layout))
    return layout


def _page_links(request: HttpRequest, page: Page) -> dict[str, list[dict[str, Any]]]:
    """The cached links of `page` to its translations and ancestors, as plain data."""
    site = Site.find_for_request(request)
    return remembered(
        PAGE_LISTINGS,
        lambda: _read_page_links(request, page),
        "page-links",
        site.pk if site else 0,
        translation.get_language(),
        page.pk,
    )


def _read_page_links(request: HttpRequest, page: Page) -> dict[str, list[dict[str, Any]]]:
    """The page's live translations and its ancestors from the home page down, one query."""
    ancestor_paths = [page.path[: depth * Page.steplen] for depth in range(2, page.depth)]
    rows = (
        Page.objects.live()
        .filter(Q(translation_key=page.translation_key) | Q(path__in=ancestor_paths))
        .select_related("locale")
        .order_by("path")
    )
    links: dict[str, list[dict[str, Any]]] = {"translations": [], "ancestors": []}
    for row in rows:
        link = asdict(_page_link(request, row))
        if row.translation_key == page.translation_key:
            links["translations"].append(link)
        if row.path in ancestor_paths:
            links["ancestors"].append(link)
    return links


def _page_link(request: HttpRequest, page: Page) -> PageLink:
    return PageLink(
        pk=page.pk,
        title=page.title,
        url=page.get_url(request) or "",
        full_url=page.get_full_url(request) or "",
        depth=page.depth,
        language_code=page.locale.language_code,
        language_name=str(page.locale.get_display_name()),
    )


def site_wide_for(request: HttpRequest, page: Page | None, locale_id: int | None) -> SiteWide:
    """The cached site-wide parts for the page's home and language, read again when stale."""
    site = Site.find_for_request(request)
    home_path = page.path[: 2 * Page.steplen] if page and page.depth >= 2 else None
    home_path = home_path or _site_home_path(site, locale_id)
    data = remembered(
        SITE_WIDE,
        lambda: asdict(_read_site_wide(request, home_path, locale_id)),
        site.pk if site else 0,
        home_path,
        locale_id,
        lifetime=_lifetime,
    )
    page_cache.expire_by(request, data["valid_until"])
    return SiteWide.from_plain(data)


def _lifetime(data: dict[str, Any]) -> int:
    """Seconds the site-wide parts stay true: until the next alert starts or ends."""
    if data["valid_until"] is None:
        return SITE_WIDE_LIFETIME
    remaining = data["valid_until"] - timezone.now().timestamp()
    return max(1, min(SITE_WIDE_LIFETIME, int(remaining)))


def _read_site_wide(request: HttpRequest, home_path: str | None, locale_id: int | None) -> SiteWide:
    site_wide = SiteWide()
    if home_path:
        site_wide.menu = _menu(request, home_path)
    for footer_parts in hooks.get_hooks(FOOTER_PARTS_HOOK):
        site_wide.footer_parts.extend(footer_parts(request, locale_id))
    valid_until = _add_alerts(site_wide, request, locale_id)
    site_wide.valid_until = valid_until.timestamp() if valid_until else None
    return site_wide


def _link(request: HttpRequest, page: Page) -> Link:
    return Link(title=page.title, url=page.get_url(request) or "", path=page.path)


def _menu(request: HttpRequest, home_path: str) -> list[Link]:
    """The home page's public sections shown in menus."""
    sections = Page.objects.live().filter(
        depth=3, path__range=children_path_range(home_path), show_in_menus=True
    )
    return [_link(request, page) for page in sections.order_by("path") if not is_private(page)]


def _add_alerts(
    site_wide: SiteWide, request: HttpRequest, locale_id: int | None
) -> datetime | None:
    """The language's active alerts; returns when the next one starts or ends."""
    now = timezone.now()
    if locale_id is None:
        locale_id = Locale.get_default().pk
    changes = []
    alerts = Alert.objects.not_over(now).filter(locale_id=locale_id).select_related("link_page")
    for alert in alerts:
        if alert.starts_at > now:
            changes.append(alert.starts_at)
            continue
        if alert.ends_at:
            changes.append(alert.ends_at)
        link = in_locale(alert.link_page, alert.locale_id)
        site_wide.alerts.append(
            AlertNotice(
                level=alert.level,
                title=alert.title,
                message=alert.message,
                link_url=link.get_url(request) if link else None,
            )
        )
    return min(changes, default=None)


def _site_home_path(site: Site | None, locale_id: int | None) -> str | None:
    """Tree path of the site's home in the active language, for views outside the tree
    (search results): the site's root page, or its translation (one more query)."""
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
