"""The public results page, the JSON API behind autocomplete, and the editors' dashboard."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from .forms import PromotionFromQueryForm, SearchApiForm, SearchForm, SynonymFromQueryForm
from .models import SearchQueryStat, SynonymGroup, week_of
from .service import search, suggestions

DASHBOARD_ROWS = 20
# Whoever may edit the synonyms may read the queries that call for them.
DASHBOARD_PERMISSION = "search.change_synonymgroup"


@require_GET
def results_page(request: HttpRequest) -> TemplateResponse:
    form = SearchForm(request.GET)
    params = form.params()
    results = search(language_code=get_language(), log=True, facets=True, **params)
    page_obj = Paginator(range(results.total), results.per_page).get_page(results.page)
    context = {"form": form, "results": results, "page_obj": page_obj, "params": params}
    if results.query and not results.hits:
        context.update(_help_when_nothing_found(results.query))
    return TemplateResponse(request, "search/results.html", context)


def _help_when_nothing_found(query: str) -> dict:
    """Other searches to try and the home page's "en 1 clic" links; the template adds how
    to reach the town hall."""
    from home.models import HomePage

    language_code = get_language()
    home = HomePage.objects.live().filter(locale__language_code=language_code).first()
    return {
        "suggestions": suggestions(query, language_code),
        "quick_links": home.localized_quick_links() if home else [],
    }


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    form = SearchApiForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    results = search(**form.params())
    response = JsonResponse(
        {
            "query": results.query,
            "total": results.total,
            "results": [hit.as_json() for hit in results.hits],
        }
    )
    response["Cache-Control"] = "public, max-age=60"
    return response


@permission_required(DASHBOARD_PERMISSION, raise_exception=True)
def dashboard(request: HttpRequest) -> TemplateResponse:
    """Top and zero-result queries of a week, with a one-step fix for each empty one."""
    week = _requested_week(request)
    stats = SearchQueryStat.objects.for_week(week)
    empty = [
        (stat, PromotionFromQueryForm(initial={"query": stat.query}, auto_id=f"id_promo{n}_%s"))
        for n, stat in enumerate(stats.without_results()[:DASHBOARD_ROWS])
    ]
    return TemplateResponse(
        request,
        "search/admin/dashboard.html",
        {
            "week": week,
            "previous_week": week - timedelta(days=7),
            "next_week": week + timedelta(days=7) if week < week_of(timezone.localdate()) else None,
            "top": stats.top()[:DASHBOARD_ROWS],
            "empty": empty,
            "media": PromotionFromQueryForm().media,
        },
    )


@require_POST
@permission_required("search.add_synonymgroup", raise_exception=True)
def add_synonym(request: HttpRequest) -> HttpResponse:
    form = SynonymFromQueryForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        group = SynonymGroup(
            terms=f"{data['query']}, {data['terms']}",
            language_code=data["language_code"] or settings.LANGUAGE_CODE,
        )
        try:
            group.full_clean()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            group.save()
            messages.success(request, _("Synonymes ajoutés : %(terms)s.") % {"terms": group})
    else:
        messages.error(request, _("Indiquez les termes que cette recherche veut dire."))
    return redirect(reverse("search_dashboard") + _week_query(request))


@require_POST
@permission_required("wagtailsearchpromotions.add_searchpromotion", raise_exception=True)
def add_promotion(request: HttpRequest) -> HttpResponse:
    form = PromotionFromQueryForm(request.POST)
    if form.is_valid():
        query = Query.get(form.cleaned_data["query"])
        page = form.cleaned_data["page"]
        SearchPromotion.objects.get_or_create(
            query=query, page=page, defaults={"sort_order": query.editors_picks.count()}
        )
        messages.success(
            request,
            _("« %(page)s » est mis en avant pour « %(query)s ».")
            % {"page": page.title, "query": query.query_string},
        )
    else:
        messages.error(request, _("Choisissez la page à mettre en avant."))
    return redirect(reverse("search_dashboard") + _week_query(request))


def _date_or_none(value: str) -> date | None:
    try:
        return parse_date(value)
    except ValueError:  # well-formed but impossible, e.g. 2026-02-31
        return None


def _requested_week(request: HttpRequest) -> date:
    chosen = _date_or_none(request.GET.get("semaine", ""))
    return week_of(chosen or timezone.localdate())


def _week_query(request: HttpRequest) -> str:
    week = _date_or_none(request.POST.get("semaine", ""))
    return f"?semaine={week.isoformat()}" if week else ""
