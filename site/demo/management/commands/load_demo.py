from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.db import refresh_planner_statistics
from demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Load (or refresh) the fictional town of Villeneuve-sur-Lys. Safe to run twice."

    def handle(self, *args, **options):
        # One rebuild of Wagtail's reference index at the end rather than a worker task
        # per saved object: translation syncs replace inline children (profile top tasks),
        # and tasks queued for the replaced rows would fail once they are gone.
        with disable_reference_index_auto_update():
            counts = DemoLoader(stdout=self.stdout).run()
        call_command("rebuild_references_index", verbosity=0)
        refresh_planner_statistics()
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(self.style.SUCCESS("Demo commune loaded."))
