import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages every minute (Wagtail's publish_scheduled)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs.")

    def handle(self, *args, interval: int, **options):
        running = True

        def stop(*_):
            nonlocal running
            running = False

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while running:
            call_command("publish_scheduled", verbosity=0)
            for _ in range(interval):
                if not running:
                    break
                time.sleep(1)
