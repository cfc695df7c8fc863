"""Enqueue the sending task again for every notification that still has mail to send: after
an outage of the worker, or when tasks were run by a backend that cannot defer a retry."""

from django.core.management.base import BaseCommand

from notifications.models import OutgoingMail
from notifications.tasks import send_notification


class Command(BaseCommand):
    help = "Enqueue the notification e-mails that are still pending."

    def handle(self, *args, **options) -> None:
        notifications = (
            OutgoingMail.objects.filter(OutgoingMail.claimable())
            .values_list("kind", "object_id")
            .distinct()
            .order_by("kind", "object_id")
        )
        count = 0
        for kind, object_id in notifications:
            send_notification.enqueue(kind, object_id)
            count += 1
        self.stdout.write(f"{count} notification(s) enqueued")
