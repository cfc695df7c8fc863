"""The CNIL's rule for prospecting lists (newsletters/reconsent.py): ask contacts silent
for three years whether they still want the letters; erase those who did not answer within
the grace period. Run it daily (cron or a systemd timer)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletters.reconsent import (
    DEFAULT_GRACE_DAYS,
    DEFAULT_YEARS,
    contacts_to_ask,
    contacts_to_erase,
)
from newsletters.subscriptions import erase_contact
from newsletters.tasks.record import send_reconsent_mail


class Command(BaseCommand):
    help = (
        "Ask contacts without any activity or renewed consent for three years to renew it; "
        "erase those asked more than --grace-days ago who did not answer."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count, without sending or erasing anything."
        )
        parser.add_argument(
            "--years",
            type=int,
            default=DEFAULT_YEARS,
            help=f"Years of silence before asking (default {DEFAULT_YEARS}).",
        )
        parser.add_argument(
            "--grace-days",
            type=int,
            default=DEFAULT_GRACE_DAYS,
            help=f"Days to answer before being erased (default {DEFAULT_GRACE_DAYS}).",
        )

    def handle(self, *args, dry_run: bool, years: int, grace_days: int, **options) -> None:
        now = timezone.now()
        to_erase = contacts_to_erase(now, years, grace_days)
        to_ask = contacts_to_ask(now, years).values_list("pk", flat=True)
        if dry_run:
            self.stdout.write(
                f"{to_ask.count()} contact(s) would be asked to renew their consent, "
                f"{to_erase.count()} would be erased (dry run: nothing changed)"
            )
            return
        erased = 0
        for contact in list(to_erase):  # fetched first: deleting while reading a cursor
            erase_contact(contact)
            erased += 1
        asked = 0
        for contact_id in to_ask.iterator():
            send_reconsent_mail.enqueue(contact_id, years=years, grace_days=grace_days)
            asked += 1
        self.stdout.write(f"{asked} re-consent mail(s) enqueued, {erased} contact(s) erased")
