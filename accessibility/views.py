"""Open data behind the eco-design statement: every page's figures of the latest measurement."""

from __future__ import annotations

import csv

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from .models import CheckRun

CSV_COLUMNS = ["page", "language", "path", "kb", "requests", "dom", "ecoindex", "grade"]


@require_GET
def measurements_csv(request: HttpRequest) -> HttpResponse:
    run = CheckRun.objects.latest_with("budgets")
    if run is None:
        raise Http404("No measurement recorded yet.")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="mesures-ecoconception-{run.finished_at:%Y-%m-%d}.csv"'
    )
    writer = csv.DictWriter(response, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(run.budget_rows)
    return response
