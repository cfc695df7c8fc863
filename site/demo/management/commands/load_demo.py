from django.core.management.base import BaseCommand

from core.db import refresh_planner_statistics
from demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Load (or refresh) the fictional town of Villeneuve-sur-Lys. Safe to run twice."

    def handle(self, *args, **options):
        counts = DemoLoader(stdout=self.stdout).run()
        refresh_planner_statistics()
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(self.style.SUCCESS("Demo commune loaded."))
