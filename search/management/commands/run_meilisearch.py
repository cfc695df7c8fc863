"""Runs the development Meilisearch server in the foreground (make demo starts it).

Production does not use this command: it runs the official release as a service.
"""

import signal
from pathlib import Path
from types import FrameType
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from search.server import DEFAULT_PORT, MeilisearchError, MeilisearchServer

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def _interrupt(signum: int, frame: FrameType | None) -> None:
    # The first SIGINT/SIGTERM stops the server; ignore repeats (Ctrl+C reaches the whole
    # process group and demo.sh's trap sends SIGTERM too) so they cannot cut the shutdown.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Run the local Meilisearch server on settings.MEILISEARCH_URL until interrupted."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=settings.VAR_DIR / "meilisearch",
            help="Database, dumps and log (default: var/meilisearch/).",
        )

    def handle(self, *args: object, data_dir: Path, **options: object) -> None:
        server = MeilisearchServer(data_dir, settings.MEILISEARCH_API_KEY, port=self._local_port())
        signal.signal(signal.SIGINT, _interrupt)
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            with server:
                self.stdout.write(f"Meilisearch is ready on {server.url} (log: {server.log_path})")
                code = server.wait()
        except KeyboardInterrupt:
            return
        except MeilisearchError as error:
            raise CommandError(str(error)) from error
        raise CommandError(f"Meilisearch exited with code {code}; see {server.log_path}.")

    def _local_port(self) -> int:
        """The port of MEILISEARCH_URL, which must point at this machine's loopback."""
        url = urlsplit(settings.MEILISEARCH_URL)
        if url.scheme != "http" or url.hostname not in LOCAL_HOSTS:
            raise CommandError(
                f"MEILISEARCH_URL is {settings.MEILISEARCH_URL}; run_meilisearch only serves "
                "http://127.0.0.1:<port>."
            )
        return url.port or DEFAULT_PORT
