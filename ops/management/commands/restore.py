"""Restore an archive made by `backup`: check it, replace the database and the media files,
apply the code's newer migrations, empty the cache and rebuild the search index."""

from __future__ import annotations

from pathlib import Path

from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, restore_backup, verify_backup


class Command(BaseCommand):
    help = (
        "Replace the database and the media files with those of a backup archive, once its "
        "checksums and schema are checked, then rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="an archive written by `backup`")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, archive: Path, interactive: bool = True, **options):
        try:
            manifest = verify_backup(archive)
        except BackupError as error:
            raise CommandError(f"Refused: {error}") from error
        self.stdout.write(
            f"{archive}: checksums verified, made on {manifest['created_at']} "
            f"(release {manifest['release']})."
        )
        if (
            interactive
            and input("This replaces the database and every media file. Type 'yes' to continue: ")
            != "yes"
        ):
            raise CommandError("Restore cancelled.")
        try:
            restore_backup(archive, manifest)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("Database and media files restored.")
        # A backup from an older release gets this code's newer migrations.
        call_command("migrate", interactive=False, verbosity=0)
        # Cached menus and lookups describe the data that was just replaced.
        for cache in caches.all():
            cache.clear()
        try:
            call_command("rebuild_search_index", "--no-progress", stdout=self.stdout)
        except CommandError as error:
            raise CommandError(
                f"Database and media restored, but the search index was not rebuilt ({error}). "
                "Run `manage.py rebuild_search_index` once Meilisearch answers."
            ) from error
