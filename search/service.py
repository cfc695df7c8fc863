"""One way to search, for the results page and the JSON API alike.

Applies the editors' promoted results, asks Meilisearch, logs the query in aggregate, and
falls back to Wagtail's database backend when Meilisearch does not answer in time.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import get_page_models
from wagtail.search.utils import normalise_query_string

from core.i18n import in_locale, locale_id_for
from core.privacy import is_private

from . import engine
from .documents import DOCUMENT_TYPE, live_pages, type_label
from .language import stems
from .models import SearchQueryStat
from .vocabulary import query_params

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_SUGGESTIONS = 3
EXCERPT_WORDS = 30
# Highlight markers from Unicode's private use area: they cannot occur in page text, so the
# text can be escaped first and the markers turned into <mark> afterwards.
_MARK_START, _MARK_END = "\ue000", "\ue001"


@dataclass
class Hit:
    title: str
    url: str
    type: str
    type_label: str
    excerpt: SafeString
    promoted: bool = False
    title_html: SafeString | None = None

    def __post_init__(self) -> None:
        if self.title_html is None:
            self.title_html = escape(self.title)

    @property
    def plain_excerpt(self) -> str:
        return html.unescape(re.sub(r"</?mark>", "", str(self.excerpt)))

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "url": self.url,
            "type": self.type_label,
            "excerpt": self.plain_excerpt,
        }


@dataclass
class Facet:
    value: str
    label: str
    count: int


@dataclass
class Results:
    query: str
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    page: int = 1
    per_page: int = 10
    type_facets: list[Facet] = field(default_factory=list)
    profile_facets: list[Facet] = field(default_factory=list)
    fallback: bool = False


def clean_query(query: str) -> str:
    """Collapse whitespace and cut overlong input; everything else is just text."""
    return " ".join(query.split())[:MAX_QUERY_LENGTH]


def search(
    query: str,
    language_code: str,
    *,
    page_type: str = "",
    profile: str = "",
    page: int = 1,
    per_page: int = 10,
    log: bool = False,
    facets: bool = False,
) -> Results:
    """Search the pages and documents of one language; `facets` adds the counts per type
    and per profile (the results page shows them, the autocomplete API does not)."""
    query = clean_query(query)
    results = Results(query=query, page=page, per_page=per_page)
    if not query:
        return results
    try:
        _search_engine(results, language_code, page_type, profile, facets)
    except engine.SearchUnavailable as error:
        logger.warning("Meilisearch unavailable, using the database backend: %s", error)
        _search_database(results, language_code, page_type, profile)
    if page == 1 and not page_type and not profile:
        _promote(results, language_code)
        if log:
            SearchQueryStat.record(query, language_code, results.total)
    return results


def _search_engine(
    results: Results, language_code: str, page_type: str, profile: str, facets: bool
) -> None:
    filters = []
    if page_type:
        filters.append(f"type = {_quoted(page_type)}")
    if profile:
        filters.append(f"profile_slugs = {_quoted(profile)}")
    params = {
        # offset/limit with an estimated total is several times faster than exhaustive
        # page/hitsPerPage counting on large indexes.
        "offset": (results.page - 1) * results.per_page,
        "limit": results.per_page,
        "filter": filters,
        "facets": ["type", "profile_slugs"] if facets else [],
        "attributesToRetrieve": ["title", "url", "type", "type_label", "intro"],
        "attributesToHighlight": ["title", "intro", "content"],
        "attributesToCrop": ["intro", "content"],
        "cropLength": EXCERPT_WORDS,
        "highlightPreTag": _MARK_START,
        "highlightPostTag": _MARK_END,
    }
    query, params["matchingStrategy"] = query_params(results.query, language_code)
    if not query:  # only stop words: searching nothing would list every page
        return
    response = engine.search(language_code, query, params)
    results.total = response.get("estimatedTotalHits", 0)
    results.hits = [_hit_from_engine(hit) for hit in response["hits"]]
    distribution = response.get("facetDistribution", {})
    results.type_facets = _type_facets(distribution.get("type", {}))
    results.profile_facets = _profile_facets(distribution.get("profile_slugs", {}), language_code)


def _hit_from_engine(hit: dict) -> Hit:
    formatted = hit.get("_formatted", {})
    content, intro = formatted.get("content") or "", formatted.get("intro") or ""
    excerpt = content if _MARK_START in content and _MARK_START not in intro else intro
    return Hit(
        title=hit["title"],
        url=hit["url"],
        type=hit["type"],
        type_label=hit["type_label"],
        excerpt=_marked(excerpt or content),
        title_html=_marked(formatted.get("title") or hit["title"]),
    )


def _marked(text: str) -> SafeString:
    marked = escape(text).replace(_MARK_START, "<mark>").replace(_MARK_END, "</mark>")
    return mark_safe(marked)  # noqa: S308 - escaped above, only our own <mark> added


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def type_labels() -> dict[str, str]:
    labels = {model._meta.model_name: type_label(model) for model in get_page_models()}
    labels[DOCUMENT_TYPE] = gettext("Document")
    return labels


def _type_facets(counts: dict[str, int]) -> list[Facet]:
    labels = type_labels()
    facets = [Facet(key, labels.get(key, key), count) for key, count in counts.items()]
    return sorted(facets, key=lambda facet: (-facet.count, facet.label))


def _profile_facets(counts: dict[str, int], language_code: str) -> list[Facet]:
    from profiles.models import Profile

    if not counts:
        return []
    names = dict(
        Profile.objects.filter(
            locale_id=locale_id_for(language_code), slug__in=list(counts)
        ).values_list("slug", "name")
    )
    facets = [Facet(slug, names[slug], count) for slug, count in counts.items() if slug in names]
    return sorted(facets, key=lambda facet: (-facet.count, facet.label))


def _search_database(results: Results, language_code: str, page_type: str, profile: str) -> None:
    """Wagtail's database backend: fewer features, but a resident still gets answers."""
    results.fallback = True
    pages = live_pages(locale_id_for(language_code))
    if page_type:
        models = [m for m in get_page_models() if m._meta.model_name == page_type]
        pages = pages.type(*models) if models else pages.none()
    if profile:
        pages = pages.filter(pk__in=_pages_with_profile(profile, language_code))
    found = pages.search(results.query)
    results.total = found.count()
    start = (results.page - 1) * results.per_page
    labels = type_labels()
    for found_page in found[start : start + results.per_page]:
        specific = found_page.specific
        results.hits.append(
            Hit(
                title=specific.title,
                url=specific.get_url() or "",
                type=specific._meta.model_name,
                type_label=labels.get(specific._meta.model_name, ""),
                excerpt=escape(Truncator(getattr(specific, "intro", "")).words(EXCERPT_WORDS)),
            )
        )


def _pages_with_profile(profile_slug: str, language_code: str) -> list[int]:
    from core.taxonomy import pages_tagged_with_profile
    from profiles.models import Profile

    chosen = Profile.objects.filter(slug=profile_slug, locale_id=locale_id_for(language_code))
    ids: list[int] = []
    for item in chosen:
        ids.extend(pages_tagged_with_profile(item, item.locale).values_list("pk", flat=True))
    return ids


def _promote(results: Results, language_code: str) -> None:
    """Editors' promoted pages for this exact query go first, without duplicates."""
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(results.query))
        .select_related("page")
        .order_by("sort_order")
    )
    locale_id = locale_id_for(language_code)
    promoted: list[Hit] = []
    for promotion in promotions:
        hit = _promoted_hit(promotion, locale_id)
        if hit is not None:
            promoted.append(hit)
    if promoted:
        urls = {hit.url for hit in promoted}
        already_found = sum(1 for hit in results.hits if hit.url in urls)
        results.hits = promoted + [hit for hit in results.hits if hit.url not in urls]
        results.total += len(promoted) - already_found


def _promoted_hit(promotion: SearchPromotion, locale_id: int | None) -> Hit | None:
    if promotion.page is None:
        if not promotion.external_link_url:
            return None
        return Hit(
            title=promotion.external_link_text or promotion.external_link_url,
            url=promotion.external_link_url,
            type="link",
            type_label=gettext("Lien conseillé"),
            excerpt=escape(promotion.description),
            promoted=True,
        )
    page = in_locale(promotion.page, locale_id).specific
    # A page of a private section is not in the index: promoting it must not show its
    # title and address either.
    if not page.live or is_private(page):
        return None
    return Hit(
        title=page.title,
        url=page.get_url() or "",
        type=page._meta.model_name,
        type_label=gettext("Recommandé"),
        excerpt=escape(promotion.description or getattr(page, "intro", "")),
        promoted=True,
    )


def suggestions(query: str, language_code: str) -> list[str]:
    """Searches worth trying when `query` found nothing: each of its words that finds
    something on its own, then the week's most searched queries that found something."""
    candidates = [word for word in clean_query(query).split() if stems(word, language_code)]
    if len(candidates) < 2:
        candidates = []
    candidates += SearchQueryStat.objects.popular_with_results(language_code)
    found: list[str] = []
    for candidate in dict.fromkeys(candidates):
        if candidate.lower() != query.lower() and _finds_something(candidate, language_code):
            found.append(candidate)
            if len(found) == MAX_SUGGESTIONS:
                break
    return found


def _finds_something(query: str, language_code: str) -> bool:
    sent, strategy = query_params(query, language_code)
    params = {"limit": 0, "matchingStrategy": strategy}
    try:
        response = engine.search(language_code, sent, params)
    except engine.SearchUnavailable:
        return False
    return response.get("estimatedTotalHits", 0) > 0
