from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Agenda"

    def ready(self) -> None:
        from .models import event_proposed
        from .tasks import notify_on_proposal

        event_proposed.connect(notify_on_proposal, dispatch_uid="events.notify_on_proposal")
