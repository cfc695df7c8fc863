import logging
import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail import hooks

# Apps register a function under this hook to have it run by the scheduler at every tick
# (e.g. newsletters relaunches campaigns whose workers died).
SCHEDULED_JOBS_HOOK = "commune_scheduled_jobs"
logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Every minute: publish and unpublish scheduled pages (Wagtail's publish_scheduled) "
        "and run the jobs apps register under the commune_scheduled_jobs hook."
    )

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
            for job in hooks.get_hooks(SCHEDULED_JOBS_HOOK):
                try:
                    job()
                except Exception:  # one failing job must not stop the others nor the loop
                    logger.exception("Scheduled job %s failed", job.__name__)
            for _ in range(interval):
                if not running:
                    break
                time.sleep(1)
