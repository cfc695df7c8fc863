from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = _("Lettres d'information")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from anymail.signals import tracking

        from . import checks  # noqa: F401 - registers the deployment checks
        from .tracking import record_tracking_event

        # What providers report through their webhooks updates the deliveries.
        tracking.connect(record_tracking_event, dispatch_uid="newsletters.tracking")
