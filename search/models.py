"""Editors' search vocabulary (synonyms) and the aggregated log of residents' queries."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search.utils import normalise_query_string

from .vocabulary import vocabulary

MAX_TERM_LENGTH = 60
MAX_LOGGED_QUERY_LENGTH = 100
# A query with an e-mail address or a long number (phone, tax or file number) may identify
# someone: it is not logged at all.
_PERSONAL_DATA = re.compile(r"@|\d[\d .-]{5,}\d")


def split_terms(text: str) -> list[str]:
    """Terms of a synonym group: one per line or separated by commas, lower-cased."""
    terms = (normalise_query_string(term) for term in re.split(r"[,\n]", text))
    return list(dict.fromkeys(term for term in terms if term))


class SynonymGroup(models.Model):
    """Words residents use interchangeably ("cantine, restauration scolaire, self")."""

    terms = models.TextField(
        _("termes équivalents"),
        help_text=_(
            "Séparez les termes par des virgules ou mettez-en un par ligne, par exemple : "
            "cantine, restauration scolaire, self."
        ),
    )
    language_code = models.CharField(
        _("langue"),
        max_length=10,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    panels = [FieldPanel("terms"), FieldPanel("language_code")]

    class Meta:
        verbose_name = _("groupe de synonymes")
        verbose_name_plural = _("groupes de synonymes")
        ordering = ["language_code", "terms"]

    def __str__(self) -> str:
        return ", ".join(self.term_list)

    @property
    def term_list(self) -> list[str]:
        return split_terms(self.terms)

    def clean(self) -> None:
        terms = self.term_list
        if len(terms) < 2:
            raise ValidationError(
                {"terms": _("Indiquez au moins deux termes, séparés par une virgule.")}
            )
        too_long = [term for term in terms if len(term) > MAX_TERM_LENGTH]
        if too_long:
            raise ValidationError(
                {
                    "terms": _("Un terme ne dépasse pas %(max)d caractères : « %(term)s ».")
                    % {"max": MAX_TERM_LENGTH, "term": too_long[0][:80]}
                }
            )
        self.terms = ", ".join(terms)


def synonyms_for(language_code: str) -> dict[str, list[str]]:
    """Meilisearch's synonym map: the token of each group (search.vocabulary) stands for the
    stems of the group's terms, so that a query finds the pages not yet indexed again since
    the group changed."""
    terms = vocabulary(language_code).terms
    return {token: terms[token] for token in sorted(terms)}


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class SearchQueryStatQuerySet(models.QuerySet):
    def for_week(self, week: date, language_code: str | None = None):
        stats = self.filter(week=week)
        return stats.filter(language_code=language_code) if language_code else stats

    def top(self):
        return self.order_by("-searches", "query")

    def without_results(self):
        return self.filter(zero_results__gt=0).order_by("-zero_results", "query")

    def popular_with_results(self, language_code: str, limit: int = 10) -> list[str]:
        """This week's most searched queries of a language that found something."""
        stats = self.for_week(week_of(timezone.localdate()), language_code)
        found = stats.filter(searches__gt=F("zero_results")).top()
        return list(found.values_list("query", flat=True)[:limit])


class SearchQueryStat(models.Model):
    """How often a query was typed in a week, and how often it found nothing.

    Only counts: no IP address, no session, no time of day, nothing that links a query to
    a person.
    """

    week = models.DateField(_("semaine du"))
    language_code = models.CharField(_("langue"), max_length=10)
    query = models.CharField(_("recherche"), max_length=MAX_LOGGED_QUERY_LENGTH)
    searches = models.PositiveIntegerField(_("recherches"), default=0)
    zero_results = models.PositiveIntegerField(_("recherches sans résultat"), default=0)

    objects = SearchQueryStatQuerySet.as_manager()

    class Meta:
        verbose_name = _("statistique de recherche")
        verbose_name_plural = _("statistiques de recherche")
        constraints = [
            models.UniqueConstraint(
                fields=["week", "language_code", "query"], name="unique_weekly_query"
            )
        ]

    def __str__(self) -> str:
        return self.query

    @classmethod
    def record(cls, query: str, language_code: str, total: int) -> None:
        """Count one search; queries that may carry personal data are not kept."""
        query = normalise_query_string(query)[:MAX_LOGGED_QUERY_LENGTH]
        if not query or _PERSONAL_DATA.search(query):
            return
        key = {"week": week_of(timezone.localdate()), "language_code": language_code}
        increments = {"searches": F("searches") + 1}
        if total == 0:
            increments["zero_results"] = F("zero_results") + 1
        if cls.objects.filter(query=query, **key).update(**increments):
            return
        try:
            with transaction.atomic():
                cls.objects.create(query=query, searches=1, zero_results=int(total == 0), **key)
        except IntegrityError:  # another request created the row meanwhile
            cls.objects.filter(query=query, **key).update(**increments)
