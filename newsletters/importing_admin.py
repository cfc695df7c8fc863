"""The admin's import of a CSV list, in three steps: upload (the file is kept on disk, in a
private temporary folder, never in the session or in memory), the dry-run report of every
refused row, then the confirmed import. Needs the permission to add contacts; themes are
limited to the user's reach."""

from __future__ import annotations

import csv
import secrets
import tempfile
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import FileResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from core.models import Theme

from . import scope
from .importing import ContactImport, ImportFileError, ImportReport, RowNote

IMPORT_PERMISSION = "newsletters.add_contact"
SESSION_KEY = "newsletters_import"
# Bigger than any town's list (100,000 contacts weigh about 10 MB).
MAX_UPLOAD_BYTES = 100 * 1024 * 1024
# Uploads nobody confirmed are removed after a day.
STALE_AFTER_SECONDS = 24 * 3600


def import_dir() -> Path:
    """A private folder for the files between the dry run and the import (on a shared disk
    when several web servers take turns: NEWSLETTER_IMPORT_DIR)."""
    folder = Path(settings.NEWSLETTER_IMPORT_DIR or Path(tempfile.gettempdir()) / "commune-imports")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def remove_stale_uploads(folder: Path) -> None:
    limit = time.time() - STALE_AFTER_SECONDS
    for stale in folder.glob("*.csv"):
        if stale.stat().st_mtime < limit:
            stale.unlink(missing_ok=True)


class PendingImport:
    """The upload waiting for confirmation: its token (which names its files) in the
    session, with the choices made on the form."""

    def __init__(self, request):
        self.request = request
        self.data = request.session.get(SESSION_KEY)

    def __bool__(self) -> bool:
        return bool(self.data) and self.file.exists()

    @property
    def file(self) -> Path:
        return import_dir() / f"{self.data['token']}.csv"

    @property
    def notes_file(self) -> Path:
        return import_dir() / f"{self.data['token']}-rapport.csv"

    @classmethod
    def start(cls, request, upload, list_name: str, theme_ids: list[int]) -> PendingImport:
        cls(request).discard()
        remove_stale_uploads(import_dir())
        request.session[SESSION_KEY] = {
            "token": secrets.token_hex(16),
            "file_name": Path(upload.name).name[:200],
            "list_name": list_name,
            "theme_ids": theme_ids,
        }
        pending = cls(request)
        with pending.file.open("wb") as stored:
            for chunk in upload.chunks():
                stored.write(chunk)
        return pending

    def importer(self) -> ContactImport:
        allowed = list(scope.theme_choices(self.request.user))
        return ContactImport(
            self.file,
            file_name=self.data["file_name"],
            list_name=self.data["list_name"],
            themes=[theme for theme in allowed if theme.pk in self.data["theme_ids"]],
            allowed_themes=allowed,
        )

    def discard(self) -> None:
        if self.data:
            self.file.unlink(missing_ok=True)
            self.notes_file.unlink(missing_ok=True)
        self.request.session.pop(SESSION_KEY, None)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV"),
        help_text=_(
            "Export de Brevo, de Mailchimp ou d'un tableur, séparé par des virgules ou des "
            "points-virgules. Il faut une colonne d'adresse et une date de consentement."
        ),
    )
    list_name = forms.CharField(
        label=_("Nom de la liste d'origine"),
        max_length=120,
        help_text=_("Par exemple « Mailchimp – Lettre culture » : cité dans chaque consentement."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Donnés aux lignes qui n'ont pas de colonne « thèmes » remplie."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = scope.theme_choices(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Le fichier dépasse %(size)d Mo.") % {"size": MAX_UPLOAD_BYTES // 2**20}
            )
        return upload


class ImportStepMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"
    page_title = _("Importer des contacts")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UploadView(ImportStepMixin, FormView):
    template_name = "newsletters/admin/import_upload.html"
    form_class = ImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        pending = PendingImport.start(
            self.request, data["file"], data["list_name"], [t.pk for t in data["themes"]]
        )
        try:
            pending.importer()
        except ImportFileError as error:
            pending.discard()
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return HttpResponseRedirect(reverse("newsletters_import:report"))


def write_notes(notes_file: Path):
    """Every noted row goes to the downloadable report, whatever the report keeps."""
    stream = notes_file.open("w", encoding="utf-8-sig", newline="")
    writer = csv.writer(stream, delimiter=";")
    writer.writerow([_t("Ligne"), _t("Adresse"), _t("Résultat"), _t("Détail")])

    def on_note(note: RowNote) -> None:
        writer.writerow([note.line, note.address, note.outcome.label, note.detail])

    return stream, on_note


class ReportView(ImportStepMixin, TemplateView):
    template_name = "newsletters/admin/import_report.html"

    def get(self, request, *args, **kwargs):
        pending = PendingImport(request)
        if not pending:
            messages.warning(request, _t("Aucun fichier en attente : déposez-le à nouveau."))
            return HttpResponseRedirect(reverse("newsletters_import:upload"))
        stream, on_note = write_notes(pending.notes_file)
        try:
            with stream:
                report = pending.importer().dry_run(on_note=on_note)
        except ImportFileError as error:
            pending.discard()
            messages.error(request, str(error))
            return HttpResponseRedirect(reverse("newsletters_import:upload"))
        return self.render_to_response(self.get_context_data(report=report, pending=pending))


@method_decorator(require_POST, name="dispatch")
class CommitView(ImportStepMixin, TemplateView):
    def post(self, request, *args, **kwargs):
        pending = PendingImport(request)
        if not pending:
            messages.warning(request, _t("Aucun fichier en attente : déposez-le à nouveau."))
            return HttpResponseRedirect(reverse("newsletters_import:upload"))
        if "cancel" in request.POST:
            pending.discard()
            messages.info(request, _t("Import annulé : le fichier a été supprimé."))
            return HttpResponseRedirect(reverse("newsletters_import:upload"))
        try:
            report = pending.importer().commit()
        except (ImportFileError, IntegrityError):
            # A contact created meanwhile by a sign-up: the transaction wrote nothing.
            messages.error(request, _t("L'import n'a pas pu aboutir ; rien n'a été écrit."))
            return HttpResponseRedirect(reverse("newsletters_import:report"))
        pending.discard()
        messages.success(request, committed_message(report))
        return HttpResponseRedirect(reverse("newsletters_contacts:index"))


def committed_message(report: ImportReport) -> str:
    return _t(
        "Import terminé : %(created)d contacts créés, %(merged)d contacts existants "
        "complétés, %(consents)d consentements enregistrés, %(refused)d lignes refusées."
    ) % {
        "created": report.created,
        "merged": report.merged,
        "consents": report.consents,
        "refused": report.refused_total,
    }


def download_notes(request):
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    pending = PendingImport(request)
    if not pending or not pending.notes_file.exists():
        return HttpResponseRedirect(reverse("newsletters_import:upload"))
    return FileResponse(
        pending.notes_file.open("rb"),
        as_attachment=True,
        filename="rapport-import.csv",
        content_type="text/csv; charset=utf-8",
    )


class ImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(IMPORT_PERMISSION)


class ContactImportViewSet(ViewSet):
    """Upload → dry-run report → import."""

    icon = "upload"
    menu_label = _("Importer des contacts")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", UploadView.as_view(), name="upload"),
            path("verification/", ReportView.as_view(), name="report"),
            path("rapport.csv", download_notes, name="download"),
            path("importer/", CommitView.as_view(), name="commit"),
        ]
