"""Import the town's current list from a CSV file (Brevo, Mailchimp, a spreadsheet): a dry
run by default, which prints every refused row and why; --commit writes."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Locale

from core.models import Theme
from newsletters.importing import ContactImport, ImportFileError, ImportReport, RowNote


class Command(BaseCommand):
    help = "Import contacts and their consents from a CSV file (dry run unless --commit)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--theme",
            action="append",
            default=[],
            help="Theme identifier (slug) given to rows without a themes column; repeatable.",
        )
        parser.add_argument(
            "--list-name",
            default="",
            help="The original list's name, quoted in each consent (default: the file name).",
        )
        parser.add_argument("--commit", action="store_true", help="Write the accepted rows.")

    def handle(self, *args, **options) -> None:
        translation.activate("fr")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        themes = Theme.objects.filter(locale=Locale.get_default())
        chosen = list(themes.filter(slug__in=options["theme"]))
        unknown = set(options["theme"]) - {theme.slug for theme in chosen}
        if unknown:
            raise CommandError(f"Unknown theme(s): {', '.join(sorted(unknown))}")
        try:
            contact_import = ContactImport(
                path,
                file_name=path.name,
                list_name=options["list_name"] or path.stem,
                themes=chosen,
                allowed_themes=list(themes),
            )
            run = contact_import.commit if options["commit"] else contact_import.dry_run
            report = run(on_note=self.print_note)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        self.print_summary(report)

    def print_note(self, note: RowNote) -> None:
        detail = f" ({note.detail})" if note.detail else ""
        self.stdout.write(f"ligne {note.line}\t{note.address}\t{note.outcome.label}{detail}")

    def print_summary(self, report: ImportReport) -> None:
        fmt = report.format
        if fmt.encoding_notice:
            self.stderr.write(fmt.encoding_notice)
        verb = "importés" if report.committed else "à importer (essai, rien n'est écrit)"
        self.stdout.write(
            f"{fmt.rows} lignes ; nouveaux contacts {verb} : {report.created} ; "
            f"contacts existants fusionnés : {report.merged} ; consentements : "
            f"{report.consents} ; lignes refusées : {report.refused_total}"
        )
        for label, count in report.refused_by_reason():
            self.stdout.write(f"  {label} : {count}")
