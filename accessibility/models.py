"""The data behind the two legal statements: the RGAA audits editors record in the admin, the
automated check runs, and the statement pages generated from both."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Site

from core.fields import optional_link
from core.models import BasePage

from .budgets import HOME_BUDGET, PAGE_BUDGET
from .forms import AccessibilityAuditForm
from .panels import CriterionTitlePanel
from .rgaa import criteria, criterion_choices

RGAA_CRITERIA = 106  # RGAA 4.1 counts 106 criteria


class ComplianceStatus(models.TextChoices):
    """The three statuses of the RGAA statement, fixed by the law's implementing decree."""

    FULL = "full", _("totalement conforme")
    PARTIAL = "partial", _("partiellement conforme")
    NONE = "none", _("non conforme")


def compliance_status(rate: Decimal | None) -> ComplianceStatus:
    """100 % of criteria met: full; at least 50 %: partial; below, or no audit: none."""
    if rate is None or rate < 50:
        return ComplianceStatus.NONE
    return ComplianceStatus.FULL if rate == 100 else ComplianceStatus.PARTIAL


def compliance_rate(met: int | None, applicable: int | None) -> Decimal | None:
    """The share of applicable criteria met, in percent, rounded down to one decimal so that
    99.95 % never reads as 100 %."""
    if not applicable or met is None:
        return None
    return (Decimal(100 * met) / applicable).quantize(Decimal("0.1"), rounding=ROUND_DOWN)


class AccessibilityAuditQuerySet(models.QuerySet):
    def newest_first(self) -> AccessibilityAuditQuerySet:
        return self.order_by("-audit_date", "-pk")

    def latest_audit(self) -> AccessibilityAudit | None:
        return self.newest_first().prefetch_related("findings", "results").first()


class AccessibilityAudit(ClusterableModel):
    """An RGAA conformity audit, as its report gives it: the statement shows the latest."""

    audit_date = models.DateField(_("date de l'audit"))
    auditor = models.CharField(
        _("réalisé par"),
        max_length=200,
        help_text=_("Le prestataire ou le service qui a mené l'audit."),
    )
    # Computed from the grid (`results`) when it is filled; entered by hand for an audit
    # whose report gives totals only.
    applicable_criteria = models.PositiveSmallIntegerField(
        _("critères applicables"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(RGAA_CRITERIA)],
        help_text=_("Calculé d'après la grille quand elle est remplie."),
    )
    met_criteria = models.PositiveSmallIntegerField(
        _("critères respectés"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(RGAA_CRITERIA)],
        help_text=_("Calculé d'après la grille quand elle est remplie."),
    )
    audited_pages = models.TextField(
        _("pages auditées"), help_text=_("Une page par ligne : son nom, puis son adresse.")
    )
    test_environment = models.TextField(
        _("environnement de test"),
        help_text=_("Une combinaison par ligne, par exemple « NVDA 2024.4 et Firefox 128 »."),
    )
    tools = models.TextField(
        _("outils d'évaluation"), blank=True, help_text=_("Un outil par ligne.")
    )
    technologies = models.CharField(
        _("technologies utilisées"), max_length=200, default="HTML5, CSS, JavaScript"
    )

    objects = AccessibilityAuditQuerySet.as_manager()
    base_form_class = AccessibilityAuditForm

    panels = [
        FieldRowPanel([FieldPanel("audit_date"), FieldPanel("auditor")]),
        FieldRowPanel(
            [FieldPanel("applicable_criteria"), FieldPanel("met_criteria")],
            heading=_("Résultat"),
        ),
        InlinePanel(
            "results",
            heading=_("Grille d'audit RGAA 4.1"),
            label=_("Critère"),
            help_text=_(
                "Un résultat par critère, comme dans la grille du rapport d'audit. Remplie, "
                "elle couvre les 106 critères et donne le résultat ci-dessus."
            ),
        ),
        InlinePanel(
            "findings",
            heading=_("Autres contenus non accessibles"),
            label=_("Élément"),
            help_text=_("Contenus non soumis à l'obligation, ou décrits hors de la grille."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audited_pages"),
                FieldPanel("test_environment"),
                FieldPanel("tools"),
                FieldPanel("technologies"),
            ],
            heading=_("Méthode"),
        ),
    ]

    class Meta:
        verbose_name = _("audit d'accessibilité")
        verbose_name_plural = _("audits d'accessibilité")
        ordering = ["-audit_date"]

    def __str__(self) -> str:
        return f"{self.auditor} ({self.audit_date:%d/%m/%Y})"

    def clean(self) -> None:
        super().clean()
        if (
            self.met_criteria is not None
            and self.applicable_criteria is not None
            and self.met_criteria > self.applicable_criteria
        ):
            raise ValidationError(
                {"met_criteria": _("Il ne peut y avoir plus de critères respectés qu'applicables.")}
            )

    @property
    def compliance_rate(self) -> Decimal | None:
        """RGAA's rate: from the grid when it is filled, else from the report's totals."""
        results = self.rated_results()
        if results:
            return grid_rate(results, self.page_names())
        return compliance_rate(self.met_criteria, self.applicable_criteria)

    def page_names(self) -> list[str]:
        """The audited pages' names, by which the grid says where a criterion fails."""
        return [page_name(entry) for entry in lines(self.audited_pages)]

    def rated_results(self) -> list[AuditCriterionResult]:
        """The grid's results that carry a status, in the referential's order."""
        order = list(criteria())
        rated = [result for result in self.results.all() if result.status]
        return sorted(rated, key=lambda result: order.index(result.criterion))

    def count_results(self) -> None:
        """Sets the two totals from the grid, when it is filled."""
        counts = grid_counts(result.status for result in self.results.all())
        if counts is not None:
            self.met_criteria, self.applicable_criteria = counts

    @property
    def failed_criteria(self) -> list[AuditCriterionResult]:
        """Non-conformities of the grid that no derogation covers."""
        return [r for r in self.rated_results() if r.is_failure and not r.derogation]

    @property
    def derogated_criteria(self) -> list[AuditCriterionResult]:
        return [r for r in self.rated_results() if r.derogation]

    @property
    def status(self) -> ComplianceStatus:
        return compliance_status(self.compliance_rate)

    def findings_of(self, kind: str) -> list[AuditFinding]:
        return [finding for finding in self.findings.all() if finding.kind == kind]

    @property
    def non_conformities(self) -> list[StatementItem]:
        """The grid's non-conformities no derogation covers, then those described apart."""
        return [
            StatementItem(
                result.criterion, result.comment or result.title, ", ".join(result.failing_pages)
            )
            for result in self.failed_criteria
        ] + self.findings_of(AuditFinding.Kind.NON_CONFORMITY)

    @property
    def derogations(self) -> list[StatementItem]:
        return [
            StatementItem(result.criterion, result.justification)
            for result in self.derogated_criteria
        ] + self.findings_of(AuditFinding.Kind.DEROGATION)

    @property
    def exempt_contents(self) -> list[AuditFinding]:
        return self.findings_of(AuditFinding.Kind.EXEMPT)


@dataclass(frozen=True)
class StatementItem:
    """A line of the statement's lists of inaccessible contents."""

    criterion: str
    description: str
    pages: str = ""  # the audited pages where it fails, when not all of them


def grid_counts(statuses: Iterable[str]) -> tuple[int, int] | None:
    """(met, applicable) from the statuses of a grid, or None when no criterion is rated."""
    statuses = [status for status in statuses if status]
    if not statuses:
        return None
    applicable = [status for status in statuses if status != CriterionStatus.NOT_APPLICABLE]
    met = [status for status in applicable if status == CriterionStatus.COMPLIANT]
    return len(met), len(applicable)


def grid_rate(results: Iterable[AuditCriterionResult], pages: list[str]) -> Decimal | None:
    """RGAA 4.1's rate: the mean over the audited pages of the share of the criteria applicable
    on each page that the page meets, rounded down as `compliance_rate`. A grid that names no
    page is read as one page, the site as a whole."""
    results = list(results)
    shares = []
    for page in pages or [None]:
        counts = grid_counts(result.status_on(page) for result in results)
        if counts and counts[1]:
            shares.append(Decimal(counts[0]) / counts[1])
    if not shares:
        return None
    return (100 * sum(shares) / len(shares)).quantize(Decimal("0.1"), rounding=ROUND_DOWN)


def page_list(text: str) -> list[str]:
    """Page names typed as a comma-separated list."""
    return [name.strip() for name in text.split(",") if name.strip()]


def page_name(entry: str) -> str:
    """The name of an audited page given as "name /path/" (or "name https://…")."""
    name, _space, address = entry.rpartition(" ")
    return name.strip() if name and address.startswith(("/", "http")) else entry


class CriterionStatus(models.TextChoices):
    """The three results of an RGAA criterion in an audit grid."""

    COMPLIANT = "c", _("conforme")
    NON_COMPLIANT = "nc", _("non conforme")
    NOT_APPLICABLE = "na", _("non applicable")


class CheckMethod(models.TextChoices):
    """How a criterion is checked: by automated tests, by a person, or by both."""

    AUTO = "auto", _("automatique")
    PARTIAL = "partial", _("automatique et manuelle")
    MANUAL = "manual", _("manuelle")


class AuditCriterionResult(Orderable):
    """One row of the audit grid: an RGAA 4.1 criterion, its result over the audited pages,
    and the derogation that may cover a non-conformity."""

    audit = ParentalKey(AccessibilityAudit, on_delete=models.CASCADE, related_name="results")
    criterion = models.CharField(_("critère"), max_length=5, choices=criterion_choices)
    status = models.CharField(
        _("résultat"),
        max_length=2,
        choices=CriterionStatus.choices,
        blank=True,
        help_text=_("Vide : pas encore évalué."),
    )
    derogation = models.BooleanField(_("dérogation pour charge disproportionnée"), default=False)
    justification = models.TextField(
        _("justification de la dérogation"),
        blank=True,
        help_text=_(
            "Le contenu concerné, pourquoi la charge est disproportionnée, et l'alternative."
        ),
    )
    comment = models.TextField(
        _("commentaire"),
        blank=True,
        help_text=_("Pour une non-conformité : ce qui n'est pas accessible, en termes simples."),
    )
    # Per-page results, for RGAA's rate (a mean over the audited pages): pages are named as
    # in the audit's "pages auditées".
    failing_on = models.CharField(
        _("pages non conformes"),
        max_length=500,
        blank=True,
        help_text=_(
            "Noms des pages auditées, séparés par des virgules. Vide : toutes les pages où le "
            "critère s'applique."
        ),
    )
    not_applicable_on = models.CharField(
        _("pages où le critère ne s'applique pas"),
        max_length=500,
        blank=True,
        help_text=_("Noms des pages auditées, séparés par des virgules."),
    )
    method = models.CharField(
        _("vérification"), max_length=7, choices=CheckMethod.choices, blank=True
    )
    checked_on = models.CharField(
        _("pages vérifiées"),
        max_length=500,
        blank=True,
        help_text=_("Noms des pages auditées, séparés par des virgules. Vide : toutes."),
    )
    tests = models.TextField(
        _("tests automatisés"),
        blank=True,
        help_text=_(
            "Les tests qui vérifient ce critère, un par ligne, par leur identifiant pytest "
            "(fichier::fonction)."
        ),
    )
    checked_date = models.DateField(_("date de la vérification manuelle"), null=True, blank=True)
    checked_by = models.CharField(_("vérification manuelle faite par"), max_length=200, blank=True)

    panels = [
        CriterionTitlePanel(),
        FieldRowPanel([FieldPanel("criterion"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("failing_on"), FieldPanel("not_applicable_on")]),
        FieldPanel("comment"),
        FieldRowPanel([FieldPanel("derogation"), FieldPanel("justification")]),
        FieldRowPanel([FieldPanel("method"), FieldPanel("checked_on")]),
        FieldPanel("tests"),
        FieldRowPanel([FieldPanel("checked_date"), FieldPanel("checked_by")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("résultat d'un critère")
        verbose_name_plural = _("résultats par critère")

    def __str__(self) -> str:
        return f"{self.criterion} {self.get_status_display()}"

    @property
    def title(self) -> str:
        """The criterion's official title (its question), in French."""
        criterion = criteria().get(self.criterion)
        return criterion.title if criterion else ""

    @property
    def is_failure(self) -> bool:
        return self.status == CriterionStatus.NON_COMPLIANT

    @property
    def failing_pages(self) -> list[str]:
        return page_list(self.failing_on)

    @property
    def named_pages(self) -> list[str]:
        """Every page name the row mentions, to check against the audited pages."""
        return page_list(self.failing_on + "," + self.not_applicable_on + "," + self.checked_on)

    @property
    def test_ids(self) -> list[str]:
        return lines(self.tests)

    def status_on(self, page: str | None) -> str:
        """The criterion's result on one audited page (None: on the site as a whole)."""
        if page is None or self.status in ("", CriterionStatus.NOT_APPLICABLE):
            return self.status
        if page in page_list(self.not_applicable_on):
            return CriterionStatus.NOT_APPLICABLE
        if self.is_failure and (not self.failing_pages or page in self.failing_pages):
            return CriterionStatus.NON_COMPLIANT
        return CriterionStatus.COMPLIANT

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.failing_on.strip() and not self.is_failure:
            errors["failing_on"] = _("Seul un critère non conforme a des pages non conformes.")
        automated = self.method in (CheckMethod.AUTO, CheckMethod.PARTIAL)
        by_hand = self.method in (CheckMethod.MANUAL, CheckMethod.PARTIAL)
        if automated and not self.test_ids:
            errors["tests"] = _("Nommez les tests qui vérifient ce critère.")
        if by_hand and not self.checked_date:
            errors["checked_date"] = _("Datez la vérification manuelle.")
        if by_hand and not self.checked_by.strip():
            errors["checked_by"] = _("Dites qui a fait la vérification manuelle.")
        if errors:
            raise ValidationError(errors)
        if self.derogation and self.status != CriterionStatus.NON_COMPLIANT:
            message = _("Seul un critère non conforme peut faire l'objet d'une dérogation.")
            raise ValidationError({"derogation": message})
        if self.derogation and not self.justification.strip():
            raise ValidationError(
                {"justification": _("Justifiez la dérogation : elle figure dans la déclaration.")}
            )


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def with_site_addresses(entries: list[str], root_url: str) -> list[str]:
    """Audited pages given as "name /path/": the path becomes an address on this site."""
    root_url = root_url.rstrip("/")
    completed = []
    for entry in entries:
        name, _space, address = entry.rpartition(" ")
        if address.startswith("/") and not address.startswith("//"):
            entry = f"{name} {root_url}{address}".strip()
        completed.append(entry)
    return completed


class AuditFinding(Orderable):
    """One inaccessible content of the statement: a failed criterion, a derogation for
    disproportionate burden, or a content outside the legal obligation."""

    class Kind(models.TextChoices):
        NON_CONFORMITY = "non_conformity", _("Non-conformité")
        DEROGATION = "derogation", _("Dérogation pour charge disproportionnée")
        EXEMPT = "exempt", _("Contenu non soumis à l'obligation d'accessibilité")

    audit = ParentalKey(AccessibilityAudit, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(
        _("type"), max_length=20, choices=Kind.choices, default=Kind.NON_CONFORMITY
    )
    criterion = models.CharField(
        _("critère RGAA"), max_length=10, blank=True, help_text=_("Par exemple « 1.2 ».")
    )
    description = models.TextField(
        _("description"), help_text=_("Ce qui n'est pas accessible, en termes simples.")
    )

    panels = [FieldPanel("kind"), FieldPanel("criterion"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("élément non accessible")


class CheckRunQuerySet(models.QuerySet):
    def latest_with(self, field: str) -> CheckRun | None:
        """The newest run that measured `field` (a partial run leaves the others empty)."""
        return self.filter(**{f"{field}__isnull": False}).order_by("-finished_at").first()


class CheckRun(models.Model):
    """One run of `check_accessibility`: what the statements say about automated checks."""

    finished_at = models.DateTimeField(_("date"), default=timezone.now)
    pages_checked = models.PositiveIntegerField(_("pages vérifiées"))
    axe_violations = models.PositiveIntegerField(_("violations axe-core"), null=True)
    html_errors = models.PositiveIntegerField(_("erreurs HTML"), null=True)
    # One row per page: {"page", "language", "path", "kb", "requests", "dom", "ecoindex", "grade"}
    budgets = models.JSONField(_("mesures"), null=True)

    objects = CheckRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("vérification automatique")
        verbose_name_plural = _("vérifications automatiques")
        ordering = ["-finished_at"]

    def __str__(self) -> str:
        return f"{self.finished_at:%d/%m/%Y %H:%M}"

    @classmethod
    def record(
        cls,
        pages_checked: int,
        *,
        axe_violations: int | None = None,
        html_errors: int | None = None,
        budgets: Iterable[dict] | None = None,
    ) -> CheckRun:
        return cls.objects.create(
            pages_checked=pages_checked,
            axe_violations=axe_violations,
            html_errors=html_errors,
            budgets=list(budgets) if budgets is not None else None,
        )

    @property
    def budget_rows(self) -> list[dict]:
        return self.budgets or []

    @property
    def budget_summary(self) -> list[SummaryRow]:
        """Per indicator: the home page, the median page and the least sober page."""
        rows = self.budget_rows
        if not rows:
            return []
        home = next((row for row in rows if row["path"] == "/"), rows[0])
        return [
            _summary_row(_("Poids transféré (ko)"), "kb", rows, home, decimals=1),
            _summary_row(_("Requêtes"), "requests", rows, home),
            _summary_row(_("Éléments de la page (DOM)"), "dom", rows, home),
            _summary_row(_("EcoIndex (sur 100)"), "ecoindex", rows, home, decimals=1, worst=min),
        ]


@dataclass(frozen=True)
class SummaryRow:
    label: str
    home: str
    median: str
    worst: str


def _summary_row(
    label: str, key: str, rows: list[dict], home: dict, *, decimals: int = 0, worst=max
) -> SummaryRow:
    def shown(value: float) -> str:
        return number_format(value, decimals)

    values = [row[key] for row in rows]
    return SummaryRow(
        str(label), shown(home[key]), shown(statistics.median(values)), shown(worst(values))
    )


class StatementPage(BasePage):
    """A legal statement: the editors' own words in intro and body, the rest generated."""

    parent_page_types = ["home.HomePage", "core.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True


class AccessibilityStatementPage(StatementPage):
    """The « Déclaration d'accessibilité » in the RGAA model's format, from the latest audit
    and the latest automated run."""

    multiyear_plan = optional_link("wagtaildocs.Document", _("schéma pluriannuel"))
    action_plan = optional_link("wagtaildocs.Document", _("plan d'action de l'année"))
    contact_page = optional_link(
        "wagtailcore.Page",
        _("page de contact"),
        help_text=_("Le formulaire où signaler un défaut d'accessibilité."),
    )

    content_panels = BasePage.content_panels[:2] + [
        MultiFieldPanel(
            [FieldPanel("multiyear_plan"), FieldPanel("action_plan")],
            heading=_("Engagement"),
        ),
        FieldPanel("contact_page"),
        *BasePage.content_panels[2:],
    ]

    class Meta:
        verbose_name = _("déclaration d'accessibilité")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        audit = AccessibilityAudit.objects.latest_audit()
        context["audit"] = audit
        # Audits are written in the site's source language, whatever the page's language.
        context["audit_language"] = settings.LANGUAGE_CODE
        context["status"] = audit.status if audit else ComplianceStatus.NONE
        site = Site.find_for_request(request) or self.get_site()
        # The template falls back on the town's name when the Wagtail site has none.
        context["site_name"] = site.site_name if site else ""
        context["site_url"] = site.root_url if site else ""
        context["audited_pages"] = (
            with_site_addresses(lines(audit.audited_pages), context["site_url"]) if audit else []
        )
        context["test_environment"] = lines(audit.test_environment) if audit else []
        context["tools"] = lines(audit.tools) if audit else []
        context["check_run"] = CheckRun.objects.latest_with("axe_violations")
        return context


class EcoDesignStatementPage(StatementPage):
    """The « Déclaration d'écoconception » (RGESN): the editors' commitments, the budgets and
    the figures of the latest automated measurement."""

    class Meta:
        verbose_name = _("déclaration d'écoconception")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_budget"] = PAGE_BUDGET
        context["home_budget"] = HOME_BUDGET
        context["check_run"] = CheckRun.objects.latest_with("budgets")
        return context
