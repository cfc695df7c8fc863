"""The audience's own side of the letters, without HTTP: signing up (double opt-in),
confirming, changing one's choices, withdrawing, exporting and erasing one's data.

Consents are recorded against the themes of the site's source language (French): a form in
English shows the English names, and the consent names the same theme a French segment
selects. Nothing here tells a caller whether an address is already known: `request_signup`
does the same, and answers the same, for a new address, a contact and a suppressed one.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Locale, Site

from core.cached import THEME_CHOICES, remembered
from core.models import Neighbourhood, Theme, TownSettings

from .models import Channel, Consent, Contact, Delivery, Signup, Suppression
from .models.audience import ConsentSource, WithdrawalSource, normalise_email
from .tokens import confirmation_lifetime

logger = logging.getLogger(__name__)

# A second sign-up with the same address within this period sends no second mail.
CONFIRMATION_MAIL_PERIOD = timedelta(minutes=15)
# Delivery states in which the mail reached the person: their unsubscribe counts for it.
UNSUBSCRIBABLE_STATES = (Delivery.State.SENT, Delivery.State.DELIVERED)


def all_source_themes() -> QuerySet[Theme]:
    """Every theme of the source language."""
    return Theme.objects.filter(locale=Locale.get_default())


def source_themes(theme_ids: Iterable[int]) -> QuerySet[Theme]:
    """The themes of the source language that these themes (of any language) translate."""
    keys = Theme.objects.filter(pk__in=list(theme_ids)).values("translation_key")
    return Theme.objects.filter(locale=Locale.get_default(), translation_key__in=keys)


def source_neighbourhood(neighbourhood_id: int | None) -> Neighbourhood | None:
    """The source-language row of a neighbourhood given in any language."""
    if not neighbourhood_id:
        return None
    keys = Neighbourhood.objects.filter(pk=neighbourhood_id).values("translation_key")
    return Neighbourhood.objects.filter(
        locale=Locale.get_default(), translation_key__in=keys
    ).first()


def localized_choices(
    rows: Iterable[Theme | Neighbourhood], language: str
) -> list[tuple[int, str]]:
    """(id, name) of these source-language rows, each named in `language` where a
    translation exists, in alphabetical order."""
    rows = list(rows)
    if not rows:
        return []
    model = type(rows[0])
    names = dict(
        model.objects.filter(
            translation_key__in=[row.translation_key for row in rows],
            locale__language_code=language,
        ).values_list("translation_key", "name")
    )
    choices = [(row.pk, names.get(row.translation_key, row.name)) for row in rows]
    return sorted(choices, key=lambda choice: alphabetical(choice[1]))


def offered_theme_choices(theme_ids: Iterable[int] | None, language: str) -> list[tuple[int, str]]:
    """What a sign-up form offers: `localized_choices` of the source-language themes that
    these themes translate (every theme when None). Every page with the sign-up block shows
    them, so they are kept in the shared cache (core.cached.THEME_CHOICES) until a theme or
    a language is saved or deleted."""
    ids = None if theme_ids is None else sorted(set(theme_ids))

    def read() -> list[tuple[int, str]]:
        themes = all_source_themes() if ids is None else source_themes(ids)
        return localized_choices(themes, language)

    offered = "all" if ids is None else ",".join(map(str, ids))
    return remembered(THEME_CHOICES, read, language, offered)


def alphabetical(name: str) -> str:
    """A sort key that puts "Économie" among the E, not after "Vie associative"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def theme_names(themes: Iterable[Theme], language: str) -> list[str]:
    return [name for _pk, name in localized_choices(themes, language)]


def known_language(language: str) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def town_name(request: HttpRequest | None = None) -> str:
    """The town's name as its editors set it (the default site's settings). During a
    request to the default site (the usual case), the site Wagtail found for the request
    is that site: no query."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None or not site.is_default_site:
        site = Site.objects.filter(is_default_site=True).first()
    return TownSettings.for_site(site).town_name if site else settings.COMMUNE_TOWN_NAME


# -- signing up ------------------------------------------------------------------------------


def request_signup(
    email: str,
    theme_ids: Iterable[int],
    language: str,
    wording: str,
    *,
    phone: str = "",
    sms_wording: str = "",
) -> None:
    """Record a sign-up from the site and queue its confirmation mail.

    One sign-up row per address: asking again replaces the themes, language, wording and
    mobile number and waits for a new confirmation. A number on the SMS suppression list is
    dropped. At most one mail per CONFIRMATION_MAIL_PERIOD per address;
    none to a suppressed address (bounced, complained, erased). The caller learns nothing of
    which case it was."""
    address = normalise_email(email)
    themes = list(source_themes(theme_ids))
    if not themes:
        raise ValueError("a sign-up needs at least one theme")
    if Suppression.is_suppressed(Channel.EMAIL, address):
        logger.info("Sign-up refused: suppressed address")
        return
    if phone and Suppression.is_suppressed(Channel.SMS, phone):
        phone = sms_wording = ""
    answers = {
        "language": known_language(language),
        "wording": wording,
        "phone": phone,
        "sms_wording": sms_wording if phone else "",
    }
    with transaction.atomic():
        signup, created = Signup.objects.get_or_create(email=address, defaults=answers)
        if not created:
            for name, value in answers.items():
                setattr(signup, name, value)
            signup.created_at = timezone.now()
            signup.confirmed_at = None
            signup.save(update_fields=[*answers, "created_at", "confirmed_at"])
        signup.themes.set(themes)
        if reserve_confirmation_mail(signup):
            # The task module builds its mail with this module's helpers: imported here.
            from .tasks.audience import send_signup_confirmation

            transaction.on_commit(partial(send_signup_confirmation.enqueue, signup.pk))
            logger.info("Sign-up %s: confirmation mail queued", signup.pk)
        else:
            logger.info("Sign-up %s: mail already sent in this period", signup.pk)


def reserve_confirmation_mail(signup: Signup) -> bool:
    """Mark the sign-up as mailed now unless it was mailed within the period; True when this
    caller won and should queue the mail. One conditional UPDATE, so two sign-ups at the same
    moment queue one mail."""
    now = timezone.now()
    due = Q(mailed_at__isnull=True) | Q(mailed_at__lte=now - CONFIRMATION_MAIL_PERIOD)
    return bool(Signup.objects.filter(due, pk=signup.pk).update(mailed_at=now))


def confirm_signup(signup: Signup) -> Contact | None:
    """Turn a sign-up into a contact with one consent per theme (source: the site form, with
    the wording the person saw), and, when a mobile number was given, one SMS consent per
    theme with the SMS wording. A replay changes nothing and returns the same contact; None
    when the address was suppressed in the meantime."""
    with transaction.atomic():
        signup = Signup.objects.select_for_update().get(pk=signup.pk)
        if Suppression.is_suppressed(Channel.EMAIL, signup.email):
            return None
        if signup.confirmed_at is not None:
            return Contact.objects.filter(email=signup.email).first()
        now = timezone.now()
        contact, _created = Contact.objects.get_or_create(
            email=signup.email, defaults={"language": signup.language}
        )
        contact.language = signup.language
        contact.last_activity_at = now
        if signup.phone:
            contact.phone = signup.phone
        contact.save(update_fields=["language", "last_activity_at", "phone", "phone_hash"])
        give_consents(
            contact, signup.themes.all(), source=ConsentSource.SITE, wording=signup.wording, at=now
        )
        if signup.phone:
            give_consents(
                contact,
                signup.themes.all(),
                channel=Channel.SMS,
                source=ConsentSource.SITE,
                wording=signup.sms_wording,
                at=now,
            )
        signup.confirmed_at = now
        signup.save(update_fields=["confirmed_at"])
    logger.info("Sign-up %s confirmed as contact %s", signup.pk, contact.pk)
    return contact


def purge_unconfirmed(older_than: timedelta) -> int:
    """Delete the sign-ups never confirmed within `older_than`, and the confirmed ones whose
    link has expired (the contact keeps what they said); returns how many went."""
    now = timezone.now()
    stale = Q(confirmed_at__isnull=True, created_at__lt=now - older_than) | Q(
        confirmed_at__lt=now - confirmation_lifetime()
    )
    _deleted, per_model = Signup.objects.filter(stale).delete()
    # The total counts the rows of the themes' link table too.
    return per_model.get("newsletters.Signup", 0)


# -- consents ---------------------------------------------------------------------------------


def give_consents(
    contact: Contact,
    themes: Iterable[Theme],
    *,
    source: str,
    wording: str,
    channel: str = Channel.EMAIL,
    at: datetime | None = None,
) -> list[Consent]:
    """A live consent for each theme the contact does not follow yet on this channel; the
    ones already live are kept as they were given."""
    live = set(contact.live_consents(channel).values_list("theme_id", flat=True))
    new = [
        Consent(
            contact=contact,
            theme=theme,
            channel=channel,
            source=source,
            wording=wording,
            given_at=at or timezone.now(),
        )
        for theme in themes
        if theme.pk not in live
    ]
    return Consent.objects.bulk_create(new)


def withdraw(
    contact: Contact,
    theme_ids: Iterable[int] | None = None,
    channel: str = Channel.EMAIL,
    *,
    via: str,
) -> int:
    """Withdraw the contact's live consents on this channel (to these themes, or to all);
    the rows stay, dated and with how the person withdrew, as history. Returns how many
    were withdrawn."""
    consents = contact.live_consents(channel)
    if theme_ids is not None:
        consents = consents.filter(theme__in=source_themes(theme_ids))
    now = timezone.now()
    withdrawn = consents.update(withdrawn_at=now, withdrawn_via=via)
    Contact.objects.filter(pk=contact.pk).update(last_activity_at=now)
    return withdrawn


@dataclass(frozen=True)
class SmsChoices:
    """What the preference centre says of SMS: the mobile number (E.164, or empty), the
    themes to receive on it and the wording shown next to them."""

    phone: str
    theme_ids: list[int]
    wording: str


def update_preferences(
    contact: Contact,
    theme_ids: Iterable[int],
    *,
    language: str,
    neighbourhood_id: int | None,
    wording: str,
    sms: SmsChoices | None = None,
) -> tuple[int, int]:
    """What the preference centre saves: e-mail consents to exactly these themes (new ones
    given with the wording shown, the others withdrawn), the language and the neighbourhood;
    with `sms`, the mobile number and SMS consents to exactly its themes likewise (a new
    number keeps the consents). Returns (consents given, consents withdrawn)."""
    with transaction.atomic():
        given, withdrawn = follow_exactly(contact, Channel.EMAIL, theme_ids, wording)
        fields = ["language", "neighbourhood", "last_activity_at"]
        if sms is not None:
            sms_given, sms_withdrawn = follow_exactly(
                contact, Channel.SMS, sms.theme_ids, sms.wording
            )
            given, withdrawn = given + sms_given, withdrawn + sms_withdrawn
            contact.phone = sms.phone
            fields += ["phone", "phone_hash"]
        contact.language = known_language(language)
        contact.neighbourhood = source_neighbourhood(neighbourhood_id)
        contact.last_activity_at = timezone.now()
        contact.save(update_fields=fields)
    return given, withdrawn


def follow_exactly(
    contact: Contact, channel: str, theme_ids: Iterable[int], wording: str
) -> tuple[int, int]:
    """Live consents on this channel to exactly these themes: the missing ones given from the
    preference centre with `wording`, the others withdrawn from it. Returns (given,
    withdrawn)."""
    wanted = list(source_themes(theme_ids))
    wanted_ids = {theme.pk for theme in wanted}
    live_ids = set(contact.live_consents(channel).values_list("theme_id", flat=True))
    given = give_consents(
        contact,
        [theme for theme in wanted if theme.pk not in live_ids],
        source=ConsentSource.PREFERENCES,
        wording=wording,
        channel=channel,
    )
    dropped = live_ids - wanted_ids
    withdrawn = (
        withdraw(contact, dropped, channel, via=WithdrawalSource.PREFERENCES) if dropped else 0
    )
    return len(given), withdrawn


def unsubscribe_from_delivery(
    delivery: Delivery, via: str = WithdrawalSource.UNSUBSCRIBE_LINK
) -> int:
    """Withdraw the consents a campaign's mail relied on (its segment's themes, on its
    channel), and count the unsubscription for the campaign. Idempotent; nothing to do when
    the contact was erased. Returns how many consents were withdrawn."""
    if delivery.contact_id is None:
        return 0
    campaign = delivery.campaign
    theme_ids = list(campaign.segment.themes.values_list("pk", flat=True))
    withdrawn = withdraw(delivery.contact, theme_ids, campaign.channel, via=via)
    Delivery.objects.filter(pk=delivery.pk, state__in=UNSUBSCRIBABLE_STATES).update(
        state=Delivery.State.UNSUBSCRIBED
    )
    logger.info("Delivery %s: unsubscribed (%d consent(s) withdrawn)", delivery.pk, withdrawn)
    return withdrawn


# -- the person's data ------------------------------------------------------------------------


def export_contact(contact: Contact) -> dict[str, Any]:
    """Everything the town holds about the contact, consents history included, as plain
    JSON-ready data."""
    signup = Signup.objects.filter(email=contact.email).first() if contact.email else None
    return {
        "contact": {
            "email": contact.email or "",
            "phone": contact.phone,
            "first_name": contact.first_name,
            "language": contact.language,
            "neighbourhood": contact.neighbourhood.name if contact.neighbourhood else "",
            "profiles": [profile.name for profile in contact.profiles.all()],
            "created_at": _iso(contact.created_at),
            "last_activity_at": _iso(contact.last_activity_at),
            "reconsent_requested_at": _iso(contact.reconsent_requested_at),
        },
        "consents": [
            {
                "theme": consent.theme.name,
                "channel": consent.channel,
                "given_at": _iso(consent.given_at),
                "source": consent.source,
                "wording": consent.wording,
                "withdrawn_at": _iso(consent.withdrawn_at),
            }
            for consent in contact.consents.select_related("theme").order_by("given_at", "pk")
        ],
        "signup": _signup_export(signup),
        "deliveries": [
            {
                "campaign": str(delivery.campaign),
                "state": delivery.state,
                "sent_at": _iso(delivery.sent_at),
            }
            for delivery in contact.deliveries.select_related("campaign__page").order_by("pk")
        ],
        "exported_at": _iso(timezone.now()),
    }


def _signup_export(signup: Signup | None) -> dict[str, Any] | None:
    if signup is None:
        return None
    return {
        "themes": [theme.name for theme in signup.themes.all()],
        "language": signup.language,
        "wording": signup.wording,
        "created_at": _iso(signup.created_at),
        "confirmed_at": _iso(signup.confirmed_at),
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def erase_contact(contact: Contact) -> None:
    """Delete the contact, their consents and sign-up; keep only the fingerprint of their
    address and number on the suppression list, so that no import brings them back. Their
    delivery rows stay, without them, for the campaigns' statistics."""
    with transaction.atomic():
        block_for_good(contact)
        contact_id = contact.pk
        contact.delete()
    logger.info("Contact %s erased at their request", contact_id)


def block_for_good(contact: Contact) -> None:
    """Before a contact is deleted (by themselves or by the town): their address and number
    go on the suppression list as fingerprints, and their pending sign-up goes."""
    if contact.email:
        Suppression.add(Channel.EMAIL, contact.email, Suppression.Reason.ERASED)
        Signup.objects.filter(email=contact.email).delete()
    if contact.phone:
        Suppression.add(Channel.SMS, contact.phone, Suppression.Reason.ERASED)
