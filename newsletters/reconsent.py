"""Record: the CNIL's rule for prospecting lists. A contact with no sign of life for three
years (no activity, no consent given) is asked once, by mail, whether they still want the
town's letters; one who does not react within the grace period is erased, keeping only the
hash of their address on the suppression list so that an import cannot bring them back.

A sign of life is `Contact.last_activity_at` (opening a link of a mail, the preference
centre) or the latest consent the contact gave. The command `reconsent_contacts` runs it;
the mail leaves through the task in tasks/record.py, which marks the contact as asked once
the server accepted it, so the grace period only counts for mails that left.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import DateTimeField, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest

from .models import Channel, Consent, Contact, Suppression

DEFAULT_YEARS = 3
DEFAULT_GRACE_DAYS = 30


def with_last_sign_of_life(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """The contacts annotated with `last_sign_of_life`: their latest activity or consent."""
    latest_consent = (
        Consent.objects.filter(contact=OuterRef("pk")).order_by("-given_at").values("given_at")[:1]
    )
    return contacts.annotate(
        last_sign_of_life=Greatest(
            "last_activity_at",
            Coalesce(Subquery(latest_consent), "last_activity_at"),
            output_field=DateTimeField(),
        )
    )


def not_asked_since_last_sign_of_life() -> Q:
    """On contacts annotated by with_last_sign_of_life: never asked, or asked before they
    last showed up (a contact who answered is asked again after three more silent years)."""
    return Q(reconsent_requested_at__isnull=True) | Q(
        reconsent_requested_at__lt=F("last_sign_of_life")
    )


def silent_since(cutoff: datetime) -> QuerySet[Contact]:
    """Contacts without a sign of life since `cutoff`, and not asked since their last."""
    return with_last_sign_of_life(Contact.objects.all()).filter(
        not_asked_since_last_sign_of_life(), last_sign_of_life__lt=cutoff
    )


def contacts_to_ask(now: datetime, years: int = DEFAULT_YEARS) -> QuerySet[Contact]:
    """Silent contacts the town may still write to: an address that is not suppressed and
    a live e-mail consent to renew."""
    live_email_consent = Consent.objects.filter(
        contact=OuterRef("pk"), channel=Channel.EMAIL, withdrawn_at__isnull=True
    )
    silent = silent_since(years_before(now, years)).reachable_by(Channel.EMAIL)
    return Suppression.exclude_suppressed(silent, Channel.EMAIL).filter(Exists(live_email_consent))


def contacts_to_erase(
    now: datetime, years: int = DEFAULT_YEARS, grace_days: int = DEFAULT_GRACE_DAYS
) -> QuerySet[Contact]:
    """Contacts asked more than `grace_days` ago who gave no sign of life since, and silent
    contacts who cannot be asked: no live consent left, or an address on the suppression
    list (SMS-only contacts are left to the SMS side)."""
    asked_in_vain = with_last_sign_of_life(Contact.objects.all()).filter(
        reconsent_requested_at__lt=now - timedelta(days=grace_days),
        reconsent_requested_at__gte=F("last_sign_of_life"),
    )
    live_consent = Consent.objects.filter(contact=OuterRef("pk"), withdrawn_at__isnull=True)
    suppressed = Suppression.objects.filter(
        channel=Channel.EMAIL, address_hash=OuterRef("email_hash")
    )
    unaskable = silent_since(years_before(now, years)).filter(
        ~Exists(live_consent) | (Q(email__isnull=False) & Exists(suppressed))
    )
    return Contact.objects.filter(
        Q(pk__in=asked_in_vain.values("pk")) | Q(pk__in=unaskable.values("pk"))
    )


def years_before(now: datetime, years: int) -> datetime:
    return now - timedelta(days=round(365.25 * years))
