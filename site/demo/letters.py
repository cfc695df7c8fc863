"""The demo town's newsletters: the letters' archive, the segments and letters (two sent,
one waiting to be sent), a few hundred fictional subscribers with their consents, and the
two sent campaigns with their frozen editions, delivery rows and provider reports; and the
SMS side: mobile numbers and SMS consents for a quarter of them, an information SMS and an
urgent alert already sent.

Nothing is sent while loading: the sent campaigns are written as they would stand after
their sending. Running it again adds nothing: contacts are matched on their address, and a
letter that already has its campaign keeps it. The people and their choices are drawn from
a seeded generator, so every load invents the same town.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from connectors.sms.encoding import analyse
from core.models import Neighbourhood, Theme
from newsletters.mail import message_id
from newsletters.models import (
    Campaign,
    Consent,
    Contact,
    Delivery,
    NewsletterIndexPage,
    NewsletterPage,
    ProviderEvent,
    Segment,
    SmsMessage,
    Suppression,
)
from newsletters.models.audience import Channel, ConsentSource, WithdrawalSource
from newsletters.rendering import freeze_campaign
from newsletters.sms_text import outgoing_text
from newsletters.sms_window import window_for_site
from profiles.models import Profile

from .content import newsletters as content
from .content import pages as pages_content
from .streams import body_stream

SEED = 59999
# The campaigns' provider, as named in the tracking webhooks' events.
PROVIDER = "Brevo"
SENDER_USERNAME = "webmestre"
DAYS_PER_YEAR = 365


@dataclass
class Taxonomies:
    """The demo's themes, neighbourhoods and profiles (French), by slug."""

    themes: dict[str, Theme]
    neighbourhoods: dict[str, Neighbourhood]
    profiles: dict[str, Profile]


@dataclass
class Subscriber:
    """A fictional resident to create, with the consents they gave and withdrew."""

    email: str
    first_name: str
    language: str
    neighbourhood: str | None
    profiles: list[str]
    themes: list[str]
    source: str
    wording: str
    given_at: datetime
    last_activity_at: datetime
    withdrawn: dict[str, datetime] = field(default_factory=dict)


# -- Pages -----------------------------------------------------------------------------------


def ensure_archive(home: Page, ensure_page) -> NewsletterIndexPage:
    """The archive of the letters, below the home page (`ensure_page` is the loader's)."""
    return ensure_page(
        home,
        NewsletterIndexPage,
        content.ARCHIVE["slug"],
        content.ARCHIVE["title"],
        intro=content.ARCHIVE["intro"],
    )


def ensure_segments(taxonomies: Taxonomies) -> dict[str, Segment]:
    segments = {}
    for data in content.SEGMENTS:
        segment, _ = Segment.objects.get_or_create(name=data["name"])
        segment.channel = Channel.EMAIL
        segment.languages = data.get("languages", [])
        segment.save()
        segment.themes.set([taxonomies.themes[slug] for slug in data["themes"]])
        segment.neighbourhoods.set(
            [taxonomies.neighbourhoods[slug] for slug in data.get("neighbourhoods", [])]
        )
        segment.profiles.set([taxonomies.profiles[slug] for slug in data.get("profiles", [])])
        segments[segment.name] = segment
    return segments


def ensure_letters(
    archive: NewsletterIndexPage,
    segments: dict[str, Segment],
    taxonomies: Taxonomies,
    ensure_page,
    resolve,
    resolve_image,
) -> list[NewsletterPage]:
    """The letters below the archive, published (the unsent one too, so that the webmaster
    can send it from its "Envoi" tab)."""
    letters = []
    for data in content.LETTERS:
        letter = ensure_page(
            archive,
            NewsletterPage,
            data["slug"],
            data["title"],
            subject=data["subject"],
            preheader=data["preheader"],
            intro=data["intro"],
            theme=taxonomies.themes[data["theme"]],
            segment=segments[data["segment"]],
        )
        letter.body = body_stream(data["body"], resolve, resolve_image)
        letter.save_revision().publish()
        letters.append(letter)
    return letters


# -- Subscribers -----------------------------------------------------------------------------


def weighted(rng: random.Random, choices: list[tuple]) -> tuple:
    return rng.choices(choices, weights=[choice[1] for choice in choices])[0]


def fictional_subscribers(now: datetime) -> list[Subscriber]:
    """The same few hundred residents at every load; the first ones have been silent for
    more than three years."""
    rng = random.Random(SEED)
    seen: set[str] = set()
    subscribers = []
    for number in range(content.CONTACT_COUNT):
        first_name = rng.choice(content.FIRST_NAMES)
        last_name = rng.choice(content.LAST_NAMES)
        email = unique_address(first_name, last_name, seen)
        silent = number < content.SILENT_CONTACT_COUNT
        if silent:
            given_at = now - timedelta(days=rng.randint(DAYS_PER_YEAR * 3 + 60, DAYS_PER_YEAR * 5))
            last_activity_at = given_at + timedelta(days=rng.randint(0, 30))
        else:
            given_at = now - timedelta(days=rng.randint(1, DAYS_PER_YEAR * 2), hours=rng.random())
            last_activity_at = given_at + (now - given_at) * rng.random()
        source, _, wording = weighted(rng, content.CONSENT_SOURCES)
        themes = chosen_themes(rng)
        subscribers.append(
            Subscriber(
                email=email,
                first_name=first_name,
                language=weighted(rng, content.LANGUAGES)[0],
                neighbourhood=rng.choice(
                    [*(slug for slug, _ in pages_content.NEIGHBOURHOODS), None]
                ),
                profiles=rng.sample(content.PROFILE_SLUGS, rng.choice([0, 1, 1, 2])),
                themes=themes,
                source="import" if silent else source,
                wording=wording + "\nThèmes cochés : " + ", ".join(themes),
                given_at=given_at,
                last_activity_at=last_activity_at,
                withdrawn={
                    theme: given_at + (now - given_at) * rng.random()
                    for theme in themes
                    if not silent and rng.random() < content.WITHDRAWN_SHARE
                },
            )
        )
    return subscribers


def unique_address(first_name: str, last_name: str, seen: set[str]) -> str:
    local = f"{slugify(first_name)}.{slugify(last_name)}"
    candidate, number = local, 1
    while candidate in seen:
        number += 1
        candidate = f"{local}{number}"
    seen.add(candidate)
    return f"{candidate}@example.org"


def chosen_themes(rng: random.Random) -> list[str]:
    """The themes one resident ticked: at least one."""
    themes = [theme for theme, share in content.THEME_SHARES if rng.random() < share]
    return themes or [rng.choice(content.THEME_SHARES)[0]]


def ensure_subscribers(taxonomies: Taxonomies, now: datetime) -> int:
    """Create the fictional residents missing from the audience, with their profiles and
    consents, in bulk; returns how many were created. Existing ones are left as they are
    (they may have changed their preferences since)."""
    planned = fictional_subscribers(now)
    existing = set(
        Contact.objects.filter(email__in=[s.email for s in planned]).values_list("email", flat=True)
    )
    missing = [s for s in planned if s.email not in existing]
    contacts = [new_contact(subscriber, taxonomies) for subscriber in missing]
    Contact.objects.bulk_create(contacts)
    ids = dict(
        Contact.objects.filter(email__in=[s.email for s in missing]).values_list("email", "pk")
    )
    Contact.profiles.through.objects.bulk_create(
        [
            Contact.profiles.through(contact_id=ids[s.email], profile=taxonomies.profiles[slug])
            for s in missing
            for slug in s.profiles
        ]
    )
    Consent.objects.bulk_create(
        [
            Consent(
                contact_id=ids[s.email],
                theme=taxonomies.themes[theme],
                channel=Channel.EMAIL,
                given_at=s.given_at,
                source=s.source,
                wording=s.wording,
                withdrawn_at=s.withdrawn.get(theme),
            )
            for s in missing
            for theme in s.themes
        ]
    )
    return len(contacts)


def new_contact(subscriber: Subscriber, taxonomies: Taxonomies) -> Contact:
    contact = Contact(
        email=subscriber.email,
        first_name=subscriber.first_name,
        language=subscriber.language,
        neighbourhood=taxonomies.neighbourhoods.get(subscriber.neighbourhood),
        created_at=subscriber.given_at,
        last_activity_at=subscriber.last_activity_at,
    )
    contact.normalise()  # bulk_create skips save()
    return contact


# -- Sent campaigns --------------------------------------------------------------------------


def ensure_sent_campaigns(now: datetime) -> int:
    """The campaigns of the letters already sent, oldest first (a hard bounce of the first
    one keeps its address out of the next); returns how many were created."""
    sent = sorted(
        (data for data in content.LETTERS if data["sent_days_ago"] is not None),
        key=lambda data: -data["sent_days_ago"],
    )
    sender = get_user_model().objects.filter(username=SENDER_USERNAME).first()
    created = 0
    for data in sent:
        letter = NewsletterPage.objects.get(slug=data["slug"], locale__language_code="fr")
        if Campaign.objects.filter(page__translation_key=letter.translation_key).exists():
            continue
        started_at = sending_time(now, data["sent_days_ago"])
        record_sent_campaign(letter, started_at, sender, random.Random(f"{SEED}-{data['slug']}"))
        created += 1
    return created


def sending_time(now: datetime, days_ago: int) -> datetime:
    """Letters leave at 10 a.m."""
    day = timezone.localdate(now) - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def record_sent_campaign(
    letter: NewsletterPage, started_at: datetime, sender, rng: random.Random
) -> Campaign:
    """A campaign of `letter` to its segment as it stands after its sending: its editions
    frozen, one delivery row per resident who had subscribed by then, and the provider's
    reports."""
    campaign = sent_campaign(
        started_at,
        timedelta(minutes=4),
        sender,
        page=letter,
        segment=letter.segment,
        channel=Channel.EMAIL,
    )
    editions = {edition.language for edition in freeze_campaign(campaign)}
    recipients = letter.segment.recipients().filter(created_at__lt=started_at).order_by("pk")
    Delivery.objects.bulk_create(
        [
            Delivery(
                campaign=campaign,
                contact=contact,
                language=contact.language if contact.language in editions else "fr",
                state=Delivery.State.SENT,
                attempts=1,
                sent_at=started_at + timedelta(seconds=index),
            )
            for index, contact in enumerate(recipients)
        ]
    )
    rows = list(campaign.deliveries.select_related("contact").order_by("pk"))
    for row in rows:
        row.provider_message_id = message_id(campaign.pk, row.pk)
    rng.shuffle(rows)
    record_outcomes(campaign, rows, started_at)
    return campaign


def sent_campaign(started_at: datetime, duration: timedelta, sender, **content) -> Campaign:
    """A campaign of `content` (a letter or an SMS, its segment and channel) as it stands
    once sent, started at `started_at` and finished `duration` later."""
    return Campaign.objects.create(
        status=Campaign.Status.SENT,
        scheduled_at=started_at,
        started_at=started_at,
        finished_at=started_at + duration,
        heartbeat_at=started_at + duration,
        created_by=sender,
        **content,
    )


def record_outcomes(campaign: Campaign, rows: list[Delivery], started_at: datetime) -> None:
    """Give the rows (shuffled) their fate: a few bounced, failed or unsubscribed, most
    delivered, the rest sent without a report; and apply what the provider's reports mean
    for the audience (a bounced address suppressed, an unsubscription withdrawn)."""
    counts = [
        round(len(rows) * share)
        for share in (content.BOUNCED_SHARE, content.FAILED_SHARE, content.UNSUBSCRIBED_SHARE)
    ]
    bounced, rest = rows[: counts[0]], rows[counts[0] :]
    failed, rest = rest[: counts[1]], rest[counts[1] :]
    unsubscribed, rest = rest[: counts[2]], rest[counts[2] :]
    delivered = rest[: round(len(rest) * content.DELIVERED_SHARE)]
    events: list[ProviderEvent] = []
    report = event_writer(events, started_at)
    for row in bounced:
        row.state, row.error = Delivery.State.BOUNCED, content.BOUNCE_REASON
        report(row, "bounced", content.BOUNCE_REASON, minutes=2)
        Suppression.add(Channel.EMAIL, row.contact.email, Suppression.Reason.HARD_BOUNCE)
    for row in failed:
        row.state, row.error, row.sent_at = Delivery.State.FAILED, content.FAILURE_REASON, None
    for row in [*delivered, *unsubscribed]:
        row.state = Delivery.State.DELIVERED
        report(row, "delivered", minutes=1)
    for row in unsubscribed:
        row.state = Delivery.State.UNSUBSCRIBED
        report(row, "unsubscribed", minutes=60 * 26)
    Consent.objects.filter(
        contact__in=[row.contact_id for row in unsubscribed],
        theme__in=campaign.segment.themes.all(),
        withdrawn_at__isnull=True,
    ).update(withdrawn_at=started_at + timedelta(hours=26))
    Delivery.objects.bulk_update(rows, ["state", "error", "sent_at", "provider_message_id"])
    ProviderEvent.objects.bulk_create(events)


def event_writer(events: list[ProviderEvent], started_at: datetime):
    """A function adding the provider's report of one event on a row to `events`."""

    def report(row: Delivery, event_type: str, reason: str = "", *, minutes: int) -> None:
        events.append(
            ProviderEvent(
                delivery=row,
                provider=PROVIDER,
                event_type=event_type,
                provider_event_id=f"demo-{row.pk}-{event_type}",
                provider_message_id=row.provider_message_id,
                reason=reason,
                occurred_at=started_at + timedelta(minutes=minutes),
            )
        )

    return report


# -- SMS -------------------------------------------------------------------------------------


def fictional_mobile(number: int) -> str:
    """A number of ARCEP's range for fiction (+33 6 39 98 00 00 to 99 99)."""
    return f"+3363998{number:04d}"


def ensure_sms_audience(taxonomies: Taxonomies, now: datetime) -> int:
    """Give one subscriber in SMS_EVERY a mobile number and SMS consents; returns how many
    contacts gained a number (none when the demo was loaded before)."""
    if Contact.objects.exclude(phone="").exists():
        return 0
    contacts = list(Contact.objects.filter(email__endswith="@example.org").order_by("pk"))
    contacts = contacts[:: content.SMS_EVERY]
    themes = [taxonomies.themes[slug] for slug in content.SMS_THEMES]
    for number, contact in enumerate(contacts):
        contact.phone = fictional_mobile(number)
        contact.normalise()
    Contact.objects.bulk_update(contacts, ["phone", "phone_hash"])
    Consent.objects.bulk_create(
        [
            Consent(
                contact=contact,
                theme=theme,
                channel=Channel.SMS,
                given_at=max(contact.created_at, now - timedelta(days=60)),
                source=ConsentSource.PREFERENCES,
                wording=content.SMS_WORDING,
            )
            for contact in contacts
            for theme in themes
        ]
    )
    return len(contacts)


def ensure_sms_campaigns(taxonomies: Taxonomies, now: datetime) -> int:
    """The SMS segments, and the SMS already sent (an information message and an urgent
    alert) with their rows as the gateway reported them; returns how many were created."""
    segments = {}
    for data in content.SMS_SEGMENTS:
        segment, _ = Segment.objects.get_or_create(name=data["name"], channel=Channel.SMS)
        segment.themes.set([taxonomies.themes[slug] for slug in data["themes"]])
        segments[segment.name] = segment
    sender = get_user_model().objects.filter(username=SENDER_USERNAME).first()
    created = 0
    for data in content.SMS_MESSAGES:
        if SmsMessage.objects.filter(title=data["title"]).exists():
            continue
        sms = SmsMessage.objects.create(
            title=data["title"],
            segment=segments[data["segment"]],
            sender=data["sender"],
            text=data["text"],
            urgent=data["urgent"],
            created_by=sender,
        )
        day = timezone.localdate(now) - timedelta(days=data["sent_days_ago"])
        started_at = timezone.make_aware(datetime.combine(day, time(data["hour"], 5)))
        record_sent_sms(sms, started_at, sender, random.Random(f"{SEED}-{data['title']}"))
        created += 1
    return created


def record_sent_sms(sms: SmsMessage, started_at: datetime, sender, rng: random.Random) -> Campaign:
    """A campaign of the SMS as it stands after its sending: its text frozen with the
    mention, one row per recipient, most delivered, one unreachable number, one STOP."""
    sms.sent_text = outgoing_text(
        sms.text, urgent=sms.urgent, stop_mention=window_for_site().stop_mention
    )
    sms.segments = analyse(sms.sent_text).segments
    sms.save(update_fields=["sent_text", "segments"])
    campaign = sent_campaign(
        started_at,
        timedelta(seconds=20),
        sender,
        sms=sms,
        segment=sms.segment,
        channel=Channel.SMS,
    )
    recipients = list(sms.segment.recipients().order_by("pk"))
    Delivery.objects.bulk_create(
        [
            Delivery(
                campaign=campaign,
                contact=contact,
                language="fr",
                state=Delivery.State.DELIVERED,
                attempts=1,
                provider_message_id=f"console-demo-{campaign.pk}-{index}",
                sent_at=started_at + timedelta(milliseconds=index * 5),
            )
            for index, contact in enumerate(recipients)
        ]
    )
    rows = list(campaign.deliveries.select_related("contact").order_by("pk"))
    rng.shuffle(rows)
    if len(rows) > 2:
        failed, stopped = rows[0], rows[1]
        failed.state, failed.error, failed.sent_at = (
            Delivery.State.FAILED,
            content.SMS_FAILURE_REASON,
            None,
        )
        stopped.state = Delivery.State.UNSUBSCRIBED
        Consent.objects.filter(
            contact=stopped.contact, channel=Channel.SMS, withdrawn_at__isnull=True
        ).update(
            withdrawn_at=started_at + timedelta(minutes=3), withdrawn_via=WithdrawalSource.SMS_STOP
        )
        Delivery.objects.bulk_update([failed, stopped], ["state", "error", "sent_at"])
    return campaign
