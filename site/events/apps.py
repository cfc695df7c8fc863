from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Agenda"

    def ready(self) -> None:
        from core.cached import forget_on_change
        from core.models import Theme
        from core.taxonomy import get_profile_model

        from .forms import FILTER_CHOICES_KEY
        from .models import event_proposed
        from .tasks import notify_on_proposal

        # Editors rename, add or remove themes and profiles in the admin.
        forget_on_change(FILTER_CHOICES_KEY, Theme, get_profile_model())
        event_proposed.connect(notify_on_proposal, dispatch_uid="events.notify_on_proposal")
