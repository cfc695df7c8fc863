"""What editors upload in the admin is what its name says.

Wagtail already reads an uploaded image to check that its content matches its extension,
and limits its size (WAGTAILIMAGES_MAX_UPLOAD_SIZE); SVG is left out of
WAGTAILIMAGES_EXTENSIONS since an SVG can carry scripts. For documents Wagtail checks only
the extension (WAGTAILDOCS_EXTENSIONS) and the size (WAGTAILDOCS_MAX_UPLOAD_SIZE): the
document form below also reads the file, so that an HTML page, a program or an SVG named
`.pdf` is refused. It is Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), used by
the single and the multiple upload and when an editor replaces a document's file.
"""

from __future__ import annotations

import codecs
import os
import zipfile
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

HEAD_BYTES = 8192  # enough for every signature below
ZIP_SIGNATURE = b"PK\x03\x04"
# Control characters that a text file (CSV) may hold.
TEXT_CONTROLS = frozenset(b"\t\n\r\f")


def _is_pdf(head: bytes, file: File) -> bool:
    return head.startswith(b"%PDF-")


def _zip_names(head: bytes, file: File) -> set[str]:
    """Names in the ZIP archive that `file` is, or none. The archive must start the file:
    a ZIP reader also accepts one appended to an HTML page."""
    if not head.startswith(ZIP_SIGNATURE):
        return set()
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return set()


def _office_open_xml(folder: str) -> Callable[[bytes, File], bool]:
    """A Word or Excel file: a ZIP with a content types list and its main part's folder."""

    def check(head: bytes, file: File) -> bool:
        names = _zip_names(head, file)
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)

    return check


def _open_document(mime_type: str) -> Callable[[bytes, File], bool]:
    """An OpenDocument file: a ZIP whose first entry, `mimetype`, is stored uncompressed,
    so its type can be read at a fixed place (as the OpenDocument standard requires)."""
    signature = b"mimetype" + mime_type.encode("ascii")

    def check(head: bytes, file: File) -> bool:
        return head[30 : 30 + len(signature)] == signature and "mimetype" in _zip_names(head, file)

    return check


def _is_text(head: bytes, file: File) -> bool:
    """Plain text such as CSV: no binary bytes, and not markup (HTML, SVG, XML), which a
    browser could run."""
    text = head.removeprefix(codecs.BOM_UTF8)
    if any(byte < 0x20 and byte not in TEXT_CONTROLS for byte in text):
        return False
    return not text.lstrip().startswith(b"<")


# One check per extension of WAGTAILDOCS_EXTENSIONS: an extension without one is refused.
CONTENT_CHECKS: dict[str, Callable[[bytes, File], bool]] = {
    "pdf": _is_pdf,
    "docx": _office_open_xml("word/"),
    "xlsx": _office_open_xml("xl/"),
    "odt": _open_document("application/vnd.oasis.opendocument.text"),
    "ods": _open_document("application/vnd.oasis.opendocument.spreadsheet"),
    "csv": _is_text,
}


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].lower().removeprefix(".")


def content_matches_extension(file: File) -> bool:
    """Whether the file's content is of the kind its extension says (False when no check
    knows the extension)."""
    check = CONTENT_CHECKS.get(extension_of(file.name))
    if check is None:
        return False
    file.seek(0)
    head = file.read(HEAD_BYTES)
    try:
        return check(head, file)
    finally:
        file.seek(0)  # the storage saves the file from its start


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, which also refuses a file whose content does not match its
    extension."""

    def clean_file(self) -> File | None:
        file = self.cleaned_data.get("file")
        if not file or "file" not in self.changed_data:
            return file
        extension = extension_of(file.name)
        # Wagtail's own check refuses an extension that is not allowed, with its message.
        if extension in settings.WAGTAILDOCS_EXTENSIONS and not content_matches_extension(file):
            raise ValidationError(
                _(
                    "Le contenu de ce fichier ne correspond pas à son extension "
                    "« .%(extension)s ». Enregistrez-le dans ce format depuis le logiciel "
                    "qui l'a créé, puis envoyez-le à nouveau."
                ),
                code="content_mismatch",
                params={"extension": extension},
            )
        return file

    def add_error(self, field: str | None, error) -> None:
        """One message per refused file: Wagtail's model check of the extension runs after
        the form's checks and, on a file they refused, only adds a contradicting message
        (an empty extension)."""
        errors = getattr(error, "error_dict", None)
        if field is None and errors and "file" in errors and self.has_error("file"):
            del errors["file"]
            if not errors:
                return
        super().add_error(field, error)
