"""Delete the sign-ups nobody confirmed: an address typed on the site is kept only as long
as its confirmation link can be used (run it daily, e.g. from cron)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from newsletters.subscriptions import purge_unconfirmed


class Command(BaseCommand):
    help = "Delete the newsletter sign-ups left unconfirmed for more than N days."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.NEWSLETTER_CONFIRMATION_DAYS,
            help="Age in days of the unconfirmed sign-ups to delete "
            "(default: NEWSLETTER_CONFIRMATION_DAYS, the life of a confirmation link).",
        )

    def handle(self, *args, days: int, **options) -> None:
        if days < 0:
            self.stderr.write("--days must be 0 or more")
            return
        count = purge_unconfirmed(timedelta(days=days))
        self.stdout.write(f"{count} sign-up(s) deleted")
