from django.core.management.base import BaseCommand
from wagtail.models import Locale

from demo.translations import export_untranslated
from home.models import HomePage


class Command(BaseCommand):
    help = "Add the demo's untranslated source strings to site/demo/translations/*.po."

    def handle(self, *args, **options):
        home = HomePage.objects.get(depth=2, locale=Locale.get_default())
        for language, count in export_untranslated(home).items():
            self.stdout.write(f"{language}: {count} strings still to translate")
