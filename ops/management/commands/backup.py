"""Back up the database and the media files into one archive (see ops.backup)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write an archive of the database and the media files, with a manifest of checksums "
        "and of the schema, and print its path."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=None,
            help="folder of the archives (default: COMMUNE_BACKUP_DIR, var/backups/)",
        )

    def handle(self, *args, output_dir: Path | None = None, **options):
        try:
            path = create_backup(output_dir or settings.COMMUNE_BACKUP_DIR)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(path))
