from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Agenda"

    def ready(self) -> None:
        from core.cached import forget_on_change
        from core.models import Theme
        from profiles.models import Profile

        from .forms import FILTER_CHOICES_KEY

        # Editors rename, add or remove themes and profiles in the admin.
        forget_on_change(FILTER_CHOICES_KEY, Theme, Profile)
