"""Editor guidance before publishing: Wagtail's content checker (Axe, in the userbar and the
editor's "Checks" panel) configured for the RGAA rules editors can act on, in French.

Rules Axe cannot check from the preview (vague link text, PDF without an HTML alternative,
heavy original images…) are made server-side by `accessibility.checks` and listed in the
page editor by core's warnings panel, to which `check_page` is registered here."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from core.layout import FOOTER_PARTS_HOOK
from core.panels import PAGE_WARNINGS_HOOK

from .checks import ALT_FILE_NAME_PATTERN, check_page
from .footer import statement_links
from .models import AccessibilityAudit, AuditCriterionResult, CheckRun
from .rgaa import criteria


class CommuneContentCheckerItem(ContentCheckerItem):
    """Wagtail's checker, limited to the page content (<main>) and to rules editors can fix."""

    axe_include = ["main"]

    axe_run_only = [
        "image-alt",
        "alt-text-quality",
        "empty-heading",
        "heading-order",
        "p-as-heading",
        "link-name",
        "button-name",
        "empty-table-header",
        "frame-title",
        "input-button-name",
        "empty-meta-description",
    ]

    axe_custom_checks = [
        {"id": "check-image-alt-text", "options": {"pattern": ALT_FILE_NAME_PATTERN}},
        {"id": "check-empty-meta-description"},
    ]

    axe_messages = {
        "image-alt": {
            "error_name": _("Image sans texte alternatif"),
            "help_text": _(
                "Décrivez ce que montre l'image, ou cochez « décorative » si elle n'apporte "
                "aucune information."
            ),
        },
        "alt-text-quality": {
            "error_name": _("Texte alternatif qui ressemble à un nom de fichier"),
            "help_text": _("Décrivez ce que montre l'image plutôt que le nom de son fichier."),
        },
        "empty-heading": {
            "error_name": _("Intertitre vide"),
            "help_text": _("Donnez un texte à l'intertitre ou supprimez le bloc."),
        },
        "heading-order": {
            "error_name": _("Saut de niveau de titre"),
            "help_text": _("Les intertitres commencent au niveau 2 et ne sautent pas de niveau."),
        },
        "p-as-heading": {
            "error_name": _("Paragraphe en gras utilisé comme titre"),
            "help_text": _("Utilisez un bloc « Intertitre » plutôt qu'un paragraphe en gras."),
        },
        "link-name": {
            "error_name": _("Lien sans intitulé"),
            "help_text": _("Donnez au lien un texte qui dit où il mène."),
        },
        "button-name": {
            "error_name": _("Bouton sans intitulé"),
            "help_text": _("Donnez au bouton un texte lisible par les lecteurs d'écran."),
        },
        "empty-table-header": {
            "error_name": _("En-tête de tableau vide"),
            "help_text": _("Donnez un intitulé à chaque colonne du tableau."),
        },
        "frame-title": {
            "error_name": _("Cadre intégré sans titre"),
            "help_text": _("Donnez un titre explicite au contenu intégré."),
        },
        "input-button-name": {
            "error_name": _("Bouton de formulaire sans intitulé"),
            "help_text": _("Donnez au bouton un texte lisible par les lecteurs d'écran."),
        },
        "empty-meta-description": {
            "error_name": _("Description pour les moteurs de recherche vide"),
            "help_text": _("Remplissez le chapô ou la description de l'onglet Promotion."),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_commune_content_checker(request, items, page=None):
    """Replaces Wagtail's checker (userbar, preview and the editor's Checks panel)."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, CommuneContentCheckerItem):
            items[index] = CommuneContentCheckerItem(in_editor=item.in_editor)


hooks.register(PAGE_WARNINGS_HOOK, check_page)


class AuditCreateView(CreateView):
    """A new audit opens with its grid laid out: one row per RGAA 4.1 criterion, to rate.
    (To start from the previous audit instead, Wagtail's "Dupliquer" copies its grid.)"""

    def get_initial_form_instance(self):
        return AccessibilityAudit(
            results=[
                AuditCriterionResult(criterion=number, sort_order=order)
                for order, number in enumerate(criteria())
            ]
        )


class AccessibilityAuditViewSet(SnippetViewSet):
    """The audit data the accessibility statement is generated from."""

    model = AccessibilityAudit
    icon = "doc-full"
    menu_label = _("Audits d'accessibilité")
    menu_order = 100
    add_view_class = AuditCreateView
    list_display = ["audit_date", "auditor", "met_criteria", "applicable_criteria"]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Measurements are what a tool found: people may read them, never type them."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


register_permission_policy(CheckRun, ReadOnlyPermissionPolicy(CheckRun))


class CheckRunViewSet(SnippetViewSet):
    """The automated measurements (axe-core, HTML, page weight, EcoIndex) both statements
    quote: recorded by `manage.py check_accessibility`, read-only in the admin."""

    model = CheckRun
    icon = "time"
    menu_label = _("Mesures automatiques")
    menu_order = 200
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["finished_at", "pages_checked", "axe_violations", "html_errors"]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="accessibility", codename="view_checkrun"
        )


class StatementsGroup(SnippetViewSetGroup):
    """One menu entry for what the two legal statements are generated from."""

    items = (AccessibilityAuditViewSet, CheckRunViewSet)
    menu_label = _("Accessibilité et sobriété")
    menu_icon = "doc-full"
    menu_order = 900


register_snippet(StatementsGroup)


hooks.register(FOOTER_PARTS_HOOK, statement_links)
