"""The worker side of dispatch: a campaign starts (its content frozen, one delivery row per
recipient created in bulk) and send tasks claim batches of rows and send them.

Claims: on PostgreSQL a batch is chosen with SELECT … FOR UPDATE SKIP LOCKED, so two workers
never wait on each other; on SQLite a single conditional UPDATE takes the batch (SQLite runs
one writer at a time, so two workers can never take the same row). Every later change of a
row is a conditional UPDATE on its claim token and state: a worker whose lease ran out and
whose rows were taken over cannot send them.

A row's life: queued → claimed → handed over → sent (or deferred, failed, bounced). "Handed
over" is committed at the point of no return (newsletters/mail.py), "sent" as soon as the
server has answered. A row found claimed after a crash was never delivered and is sent
again. A row found handed over is the protocol's blind spot: the server may have taken the
mail or not (it takes responsibility only with its 250 answer), so it is sent again with
the same Message-ID, by which mailbox providers recognise a duplicate; its row says so.

On PostgreSQL a sender's commits do not wait for the disk (synchronous_commit off), except
the hand-over's: a commit is visible to every worker at once and survives the worker's
death, and only a crash of the database server itself could forget the last fraction of a
second of them. Forgetting a row's outcome leaves it handed over, which is sent again as
above; the hand-over, which tells "never delivered" from "maybe delivered", waits for the
disk. Waiting twice per mail cost more time than all the rest of its sending.
"""

from __future__ import annotations

import logging
import re
import secrets
import smtplib
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db import connection as db_connection
from django.db.models import F, Min, Q
from django.utils import timezone

from . import mail, personalise
from .models import Campaign, CampaignEdition, Contact, Delivery, Suppression
from .models.audience import Channel
from .rendering import edition_for_language, freeze_campaign

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
UNFINISHED = [
    Delivery.State.QUEUED,
    Delivery.State.CLAIMED,
    Delivery.State.HANDED_OVER,
    Delivery.State.DEFERRED,
]
THROTTLE_CODES = {421, 429, 451, 454}
HARD_BOUNCE = re.compile(r"\b5\.1\.\d+\b")
ADDRESS = re.compile(r"[^\s<>\"']+@[^\s<>\"']+")


class ClaimLost(Exception):
    """Another worker took the row over (this one's lease ran out): do not send it."""


class HourlyLimitReached(Exception):
    pass


def lease() -> timedelta:
    return timedelta(seconds=settings.NEWSLETTER_CLAIM_LEASE)


# Starting -------------------------------------------------------------------------------


def freeze_letter(campaign: Campaign) -> bool:
    """Freeze the letter's editions; False when it was unpublished since it was scheduled
    (nothing must leave)."""
    return bool(freeze_campaign(campaign))


def start_campaign(campaign_id: int, prepare: Callable[[Campaign], bool] = freeze_letter) -> int:
    """Freeze the content (`prepare`) and create the delivery rows, in one transaction: a
    crash leaves the campaign scheduled, and the retry starts from scratch. Returns the rows
    created (0 when the campaign was not due or already started)."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign_id)
        if campaign.status != Campaign.Status.SCHEDULED or campaign.scheduled_at > timezone.now():
            return 0
        if not prepare(campaign):
            Campaign.objects.filter(pk=campaign.pk).update(
                status=Campaign.Status.CANCELLED, finished_at=timezone.now()
            )
            logger.warning("Campaign %s cancelled: its content can no longer be sent", campaign_id)
            return 0
        created = create_deliveries(campaign)
        now = timezone.now()
        Campaign.objects.filter(pk=campaign.pk).update(
            # A segment that reaches nobody today: the campaign is over as it starts.
            status=Campaign.Status.SENDING if created else Campaign.Status.SENT,
            started_at=now,
            heartbeat_at=now,
            finished_at=None if created else now,
        )
    logger.info("Campaign %s started: %d deliveries", campaign_id, created)
    return created


def create_deliveries(campaign: Campaign, chunk: int = 5000) -> int:
    """One row per recipient the segment reaches now, in the recipient's language when the
    campaign has an edition in it (French otherwise). Streams the segment: memory does not
    grow with the number of recipients. Each chunk of recipients is one INSERT of (contact,
    language) pairs, the other columns being constants: building and saving a model
    instance per recipient took most of the start of a large campaign."""
    languages = set(campaign.editions.values_list("language", flat=True))
    recipients = campaign.segment.recipients().values_list("pk", "language").order_by("pk")
    insert = DeliveryInsert(campaign)
    created = 0
    batch: list[tuple[int, str]] = []
    with db_connection.cursor() as cursor:
        for contact_id, language in recipients.iterator(chunk_size=chunk):
            language = language if language in languages else settings.LANGUAGE_CODE
            batch.append((contact_id, language))
            if len(batch) >= min(chunk, insert.max_rows):
                created += insert.run(cursor, batch)
                batch = []
        if batch:
            created += insert.run(cursor, batch)
    return created


class DeliveryInsert:
    """INSERT … SELECT of new delivery rows for a campaign from (contact id, language)
    pairs, skipping a contact that already has one. Every other column takes the value a
    new row of the model gets, prepared for the database once."""

    def __init__(self, campaign: Campaign) -> None:
        meta = Delivery._meta
        fields = [field for field in meta.concrete_fields if not field.primary_key]
        prototype = Delivery(campaign=campaign, language="")
        varying = {"contact": "column1", "language": "column2"}
        self.constants = [
            field.get_db_prep_save(field.pre_save(prototype, add=True), db_connection)
            for field in fields
            if field.name not in varying
        ]
        quote = db_connection.ops.quote_name
        self.columns = ", ".join(quote(field.column) for field in fields)
        self.selected = ", ".join(varying.get(field.name, "%s") for field in fields)
        self.table = quote(meta.db_table)
        limit = db_connection.features.max_query_params
        self.max_rows = (limit - len(self.constants)) // 2 if limit else 10**9

    def run(self, cursor, pairs: list[tuple[int, str]]) -> int:
        """Insert a row per pair; returns how many were created."""
        values = ", ".join(["(%s, %s)"] * len(pairs))
        # VALUES names its columns column1, column2 on PostgreSQL and SQLite alike; SQLite
        # needs the WHERE to read ON CONFLICT as the INSERT's clause.
        cursor.execute(
            f"INSERT INTO {self.table} ({self.columns}) SELECT {self.selected} "
            f"FROM (VALUES {values}) AS recipient WHERE true ON CONFLICT DO NOTHING",
            [*self.constants, *(value for pair in pairs for value in pair)],
        )
        return cursor.rowcount


# Claiming -------------------------------------------------------------------------------


def claimable(now: datetime) -> Q:
    """Rows a worker may take now: queued, deferred and due, or left by a dead worker."""
    return (
        Q(state=Delivery.State.QUEUED)
        | Q(state=Delivery.State.DEFERRED, not_before__lte=now)
        | Q(state=Delivery.State.CLAIMED, lease_until__lt=now)
    )


def claim_batch(campaign_id: int, token: str, size: int) -> list[Delivery]:
    """Take up to `size` rows for this worker and return them with their contact."""
    now = timezone.now()
    rows = Delivery.objects.filter(claimable(now), campaign_id=campaign_id)
    claim = {
        "state": Delivery.State.CLAIMED,
        "claim_token": token,
        "lease_until": now + lease(),
        "attempts": F("attempts") + 1,
    }
    if db_connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            ids = list(
                rows.select_for_update(skip_locked=True)
                .order_by("pk")
                .values_list("pk", flat=True)[:size]
            )
            rows.filter(pk__in=ids).update(**claim)
    else:
        rows.filter(pk__in=rows.order_by("pk").values("pk")[:size]).update(**claim)
    return list(
        Delivery.objects.filter(claim_token=token, state=Delivery.State.CLAIMED)
        .select_related("contact")
        .only(
            "pk",
            "campaign_id",
            "language",
            "attempts",
            "contact__email",
            "contact__phone",
            "contact__first_name",
        )
        .order_by("pk")
    )


RESENT_AFTER_CRASH = "interrompu pendant la remise : renvoyé avec le même Message-ID"


def settle_abandoned(campaign_id: int) -> None:
    """Rows a dead worker left. Handed over but without the server's answer recorded: the
    server may or may not have taken responsibility for the mail (RFC 5321 gives it only
    with its 250 answer), so the row is sent again, with the same Message-ID, by which
    mailbox providers recognise a duplicate. Claimed too many times (a mail that kills its
    worker): failed."""
    now = timezone.now()
    expired = Delivery.objects.filter(campaign_id=campaign_id, lease_until__lt=now)
    uncertain = expired.filter(state=Delivery.State.HANDED_OVER).update(
        state=Delivery.State.QUEUED, error=RESENT_AFTER_CRASH
    )
    if uncertain:
        logger.warning("Campaign %s: %d interrupted hand-overs sent again", campaign_id, uncertain)
    fail_rows_that_kill_workers(campaign_id)


def fail_rows_that_kill_workers(campaign_id: int) -> None:
    """Rows claimed again and again by workers that died with them: failed, not retried."""
    Delivery.objects.filter(
        campaign_id=campaign_id,
        state=Delivery.State.CLAIMED,
        lease_until__lt=timezone.now(),
        attempts__gte=MAX_ATTEMPTS,
    ).update(state=Delivery.State.FAILED, error="trop de tentatives interrompues")


def still_sending(campaign_id: int) -> bool:
    """Whether the campaign is still to be sent (not paused, cancelled or finished)."""
    status = Campaign.objects.filter(pk=campaign_id).values_list("status", flat=True)
    return status.first() == Campaign.Status.SENDING


# Sending --------------------------------------------------------------------------------


@dataclass
class Outcome:
    state: str
    error: str = ""
    throttled: bool = False
    provider_id: str = ""


def redact(reply: bytes | str, limit: int = 200) -> str:
    """A server's or provider's reply without the addresses it may quote."""
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    return ADDRESS.sub("<adresse>", text)[:limit]


def classify(code: int, reply: bytes | str) -> Outcome:
    """What an SMTP (or HTTP) refusal means for the row."""
    reason = f"{code} {redact(reply)}".strip()
    if 400 <= code < 500 or code in (429,):
        return Outcome(Delivery.State.DEFERRED, reason, throttled=code in THROTTLE_CODES)
    if HARD_BOUNCE.search(reason):  # 5.1.1 unknown user, 5.1.2 bad domain…
        return Outcome(Delivery.State.BOUNCED, reason)
    return Outcome(Delivery.State.FAILED, reason)


def outcome_of(error: BaseException) -> Outcome:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(error.recipients.values()), (450, b""))
        return classify(code, reply)
    if isinstance(error, smtplib.SMTPResponseException):
        return classify(error.smtp_code, error.smtp_error)
    status = getattr(error, "status_code", None)  # anymail's API errors
    if status:
        if status == 429 or status >= 500:
            return Outcome(Delivery.State.DEFERRED, f"HTTP {status}", throttled=status == 429)
        return Outcome(Delivery.State.FAILED, f"HTTP {status}")
    # Disconnected, refused, reset, timed out: the server never said no.
    return Outcome(Delivery.State.DEFERRED, type(error).__name__)


class SendingRate:
    """Mails per second and per hour for one sending account, counted in the shared cache
    so that every worker of every machine respects the same budget. Within a second a
    worker takes slots by blocks that double as it proves it uses them (1, 2, 4…, at most a
    tenth of the rate), so it makes a few cache writes a second and never holds many slots
    it does not use; the hour's budget counts the mails actually sent. A throttling answer
    halves this worker's own pace for the rest of its run."""

    def __init__(self, account: str) -> None:
        self.account = account
        self.per_second = int(settings.NEWSLETTER_MAILS_PER_SECOND)
        self.per_hour = settings.NEWSLETTER_MAILS_PER_HOUR
        self.largest_block = max(1, self.per_second // 10)
        self.second = -1
        self.slots = self.block = self.sent = 0
        self.pause = 0.0

    def take(self) -> None:
        """Wait for a slot; raises HourlyLimitReached when the hour's budget is spent."""
        if self.pause:
            time.sleep(self.pause)
        while True:
            now = time.time()
            if int(now) != self.second:
                self.close_second()
                self.second, self.slots, self.block = int(now), 0, 1
            if self.slots or self.reserve():
                break
            time.sleep(max(0.0, self.second + 1 - now))
        self.slots -= 1
        self.sent += 1

    def reserve(self) -> bool:
        hour_used = self.cache_value(f"h:{self.second // 3600}") + self.sent
        if hour_used >= self.per_hour:
            raise HourlyLimitReached
        used = self.count(f"s:{self.second}", 5, self.block)
        granted = min(self.block, self.per_second - (used - self.block), self.per_hour - hour_used)
        if granted <= 0:
            return False
        self.slots, self.block = granted, min(self.block * 2, self.largest_block)
        return True

    def close_second(self) -> None:
        """Add the mails sent in the second that ended to the hour's count."""
        if self.sent:
            sent, self.sent = self.sent, 0
            self.count(f"h:{self.second // 3600}", 3700, sent)

    def count(self, window: str, lifetime: int, slots: int) -> int:
        key = f"newsletters:rate:{self.account}:{window}"
        cache.add(key, 0, lifetime)
        return cache.incr(key, slots)

    def cache_value(self, window: str) -> int:
        return cache.get(f"newsletters:rate:{self.account}:{window}", 0)

    def slow_down(self) -> None:
        self.pause = min(max(self.pause * 2, 1 / max(self.per_second, 1)), 30.0)


class Sender:
    """One worker's run over one campaign: claims batches, sends them over one reused
    connection, records each row's fate."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.worker = secrets.token_hex(6)
        self.batches = 0
        self.connection = mail.newsletter_connection()
        self.rate = SendingRate(settings.NEWSLETTER_EMAIL_BACKEND or settings.EMAIL_HOST)
        self.editions = list(CampaignEdition.objects.filter(campaign=campaign))
        self.personaliser = personalise.Personaliser(personalise.site_root_url())
        theme = list_theme(campaign)
        self.list_id = mail.list_id(theme.slug, theme.name)
        self.outcomes: Counter[str] = Counter()
        self.templates: dict[str, mail.MailTemplate] = {}
        self.hour_spent = False

    def run(self, time_budget: float) -> None:
        deadline = time.monotonic() + time_budget
        settle_abandoned(self.campaign.pk)
        try:
            with commits_not_waiting_for_disk():
                self.send_batches(deadline)
        finally:
            self.rate.close_second()
            self.connection.close()

    def send_batches(self, deadline: float) -> None:
        """Claim and send batches until the deadline, the hour's budget or the rows run out,
        or the campaign stops."""
        while (
            time.monotonic() < deadline and not self.hour_spent and still_sending(self.campaign.pk)
        ):
            self.batches += 1
            token = f"{self.worker}-{self.batches}"
            rows = claim_batch(self.campaign.pk, token, settings.NEWSLETTER_BATCH_SIZE)
            if not rows:
                break
            try:
                self.send_batch(rows, token)
            finally:
                release(token)
            Campaign.objects.filter(pk=self.campaign.pk).update(heartbeat_at=timezone.now())

    def send_batch(self, rows: list[Delivery], token: str) -> None:
        allowed = still_allowed(self.campaign, rows, Channel.EMAIL)
        last_report = time.monotonic()
        for row in rows:
            if row.contact_id not in allowed:
                self.record(row, token, Outcome(Delivery.State.SKIPPED))
                continue
            try:
                self.rate.take()
            except HourlyLimitReached:
                self.hour_spent = True
                break  # the rest is released and waits for the next hour's budget
            self.record(row, token, self.send_one(row, token))
            # A slow batch renews its lease, so no other worker takes the rest of it.
            if time.monotonic() - last_report > settings.NEWSLETTER_CLAIM_LEASE / 4:
                Delivery.objects.filter(claim_token=token, state=Delivery.State.CLAIMED).update(
                    lease_until=timezone.now() + lease()
                )
                last_report = time.monotonic()

    def send_one(self, row: Delivery, token: str) -> Outcome:
        """Send one row's mail and say what became of it."""
        edition = edition_for_language(self.editions, row.language)
        mid = mail.message_id(self.campaign.pk, row.pk)
        values = self.personaliser.values(
            delivery_id=row.pk,
            contact_id=row.contact_id,
            language=edition.language,
            first_name=row.contact.first_name,
        )
        message = self.template(edition).mail(
            to=row.contact.email, values=values, message_id=mid, connection=self.connection
        )
        handed_over = False

        def hand_over() -> None:
            nonlocal handed_over
            with transaction.atomic():
                commit_to_disk()
                won = Delivery.objects.filter(
                    pk=row.pk, claim_token=token, state=Delivery.State.CLAIMED
                ).update(state=Delivery.State.HANDED_OVER, provider_message_id=mid)
            if not won:
                raise ClaimLost
            handed_over = True

        reports_handover = getattr(self.connection, "reports_handover", False)
        try:
            self.connection.open()
            if reports_handover:
                self.connection.connection.before_final_dot = hand_over
            else:
                hand_over()
            self.connection.send_messages([message])
        except ClaimLost:
            self.connection.close()  # the DATA was left unfinished: the server drops it
            return Outcome(Delivery.State.CLAIMED)
        except Exception as error:  # noqa: BLE001 - every failure is recorded on the row
            if not connection_still_usable(error):
                self.connection.close()
            if handed_over and not isinstance(error, smtplib.SMTPResponseException):
                # The message was written but the server's answer was lost: it may or may
                # not have taken it. Sent again later, with the same Message-ID.
                return Outcome(Delivery.State.DEFERRED, "réponse du serveur perdue")
            outcome = outcome_of(error)
            if outcome.throttled:
                self.rate.slow_down()
            return outcome
        provider_id = getattr(getattr(message, "anymail_status", None), "message_id", None)
        return Outcome(Delivery.State.SENT, provider_id=provider_id or mid)

    def template(self, edition: CampaignEdition) -> mail.MailTemplate:
        """The edition's prepared message, built at its first recipient."""
        if edition.language not in self.templates:
            self.templates[edition.language] = mail.MailTemplate(
                subject=edition.subject, html=edition.html, text=edition.text, list_id=self.list_id
            )
        return self.templates[edition.language]

    def record(self, row: Delivery, token: str, outcome: Outcome) -> None:
        """Write a row's outcome, if this worker still holds it (claimed or handed over)."""
        if outcome.state == Delivery.State.CLAIMED:
            return  # lost to another worker: nothing to write
        mine = Delivery.objects.filter(
            pk=row.pk,
            claim_token=token,
            state__in=[Delivery.State.CLAIMED, Delivery.State.HANDED_OVER],
        )
        changes: dict = {"state": outcome.state}
        if outcome.state == Delivery.State.SENT:
            # Committed as soon as the server has answered: the window in which a crash
            # makes the mail go twice is this one statement long.
            changes.update(sent_at=timezone.now(), provider_message_id=outcome.provider_id)
        else:
            changes["error"] = outcome.error
        if outcome.state == Delivery.State.DEFERRED:
            if row.attempts >= MAX_ATTEMPTS:
                changes["state"] = Delivery.State.FAILED
            else:
                changes["not_before"] = timezone.now() + retry_delay(row.attempts)
        mine.update(**changes)
        self.outcomes[changes["state"]] += 1
        if changes["state"] == Delivery.State.BOUNCED:
            Suppression.add(Channel.EMAIL, row.contact.email, Suppression.Reason.HARD_BOUNCE)


@contextmanager
def commits_not_waiting_for_disk() -> Iterator[None]:
    """On PostgreSQL, this connection's commits return without waiting for the disk until
    the block ends (see the module's docstring for why that loses nothing)."""
    if db_connection.vendor != "postgresql":
        yield
        return
    with db_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        try:
            with db_connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
        except DatabaseError:
            pass  # the connection is gone, and its setting with it


def commit_to_disk() -> None:
    """Inside a transaction: its commit waits for the disk, whatever the connection says."""
    if db_connection.vendor == "postgresql":
        with db_connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO ON")


def still_allowed(campaign: Campaign, rows: list[Delivery], channel: str) -> set[int]:
    """Contacts of the batch still consenting and not suppressed: a consent withdrawn or an
    address suppressed after the campaign started is respected."""
    ids = [row.contact_id for row in rows if row.contact_id]
    contacts = Contact.objects.filter(pk__in=ids).consenting(
        campaign.segment.themes.values("pk"), channel
    )
    contacts = Suppression.exclude_suppressed(contacts, channel)
    return set(contacts.values_list("pk", flat=True))


def connection_still_usable(error: BaseException) -> bool:
    """smtplib resets the transaction after a refusal, and the connection can go on; after
    anything else, or a 421 (the server is closing), it is opened again."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code != 421


def list_theme(campaign: Campaign):
    """The theme a campaign's List-Id names: its letter's, else its segment's first."""
    if campaign.page_id and campaign.page.theme_id:
        return campaign.page.theme
    return campaign.segment.themes.order_by("pk").first()


def retry_delay(attempt: int) -> timedelta:
    """Retry base × 1, 2, 4… after the attempt that failed, at most an hour."""
    return timedelta(seconds=min(settings.NEWSLETTER_RETRY_BASE * 2 ** (attempt - 1), 3600))


def release(token: str) -> None:
    """Rows of a batch the worker did not get to (paused, hourly limit) go back to the queue."""
    Delivery.objects.filter(claim_token=token, state=Delivery.State.CLAIMED).update(
        state=Delivery.State.QUEUED, attempts=F("attempts") - 1, lease_until=None
    )


def send_pending(campaign_id: int, time_budget: float = 60.0) -> datetime | None:
    """Send what is due of the campaign for about `time_budget` seconds. Returns when the
    next send task should run (now, or when the first deferred row is due), or None when
    the campaign needs no more work (finished, paused or cancelled)."""
    campaign = Campaign.objects.select_related("page", "page__theme", "segment").get(pk=campaign_id)
    if campaign.status != Campaign.Status.SENDING:
        return None
    sender = Sender(campaign)
    sender.run(time_budget)
    logger.info("Campaign %s: %s", campaign_id, dict(sender.outcomes))
    if sender.hour_spent:
        return timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return next_run(campaign_id)


def next_run(campaign_id: int) -> datetime | None:
    """Mark the campaign sent when no row is left to send, else when to look again."""
    rows = Delivery.objects.filter(campaign_id=campaign_id, state__in=UNFINISHED)
    if not rows.exists():
        Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.SENDING).update(
            status=Campaign.Status.SENT, finished_at=timezone.now()
        )
        return None
    now = timezone.now()
    if rows.filter(claimable(now)).exists():
        return now
    due = rows.aggregate(
        deferred=Min("not_before", filter=Q(state=Delivery.State.DEFERRED)),
        leased=Min("lease_until"),
    )
    return min(d for d in (due["deferred"], due["leased"], now + lease()) if d is not None)
