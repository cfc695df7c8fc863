"""Which part of the audience an admin user may see and address. The webmaster (permission
`newsletters.address_every_theme`) reaches every theme; a service's contributors reach the
themes of their municipal service (core.EditorialService), and so only the contacts who
consented to one of them and the segments built on them alone."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from wagtail.models import Locale

from core.models import Theme

from .models import Channel, Consent, Contact, Segment, SmsMessage

EVERY_THEME_PERMISSION = "newsletters.address_every_theme"


def reaches_every_theme(user) -> bool:
    return user.has_perm(EVERY_THEME_PERMISSION)


def themes_in_reach(user) -> QuerySet[Theme]:
    """The themes `user` may address, in every locale (a service's themes are matched
    across translations, as core does for its pages)."""
    if reaches_every_theme(user):
        return Theme.objects.all()
    keys = Theme.objects.filter(editorial_services__group__user=user).values("translation_key")
    return Theme.objects.filter(translation_key__in=keys)


def theme_choices(user) -> QuerySet[Theme]:
    """The themes `user` may pick for a segment or an import: the default locale's, in
    which consents are recorded."""
    return themes_in_reach(user).filter(locale=Locale.get_default())


def contacts_in_reach(user, contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """The contacts among `contacts` who consent (now, on any channel) to a theme in reach."""
    if reaches_every_theme(user):
        return contacts
    live = Consent.objects.filter(
        contact=OuterRef("pk"), withdrawn_at__isnull=True, theme__in=themes_in_reach(user)
    )
    return contacts.filter(Exists(live))


def consents_in_reach(user, consents: QuerySet[Consent]) -> QuerySet[Consent]:
    """A contact's consent history as `user` may read it: only their themes' consents."""
    if reaches_every_theme(user):
        return consents
    return consents.filter(theme__in=themes_in_reach(user))


def segments_in_reach(user, segments: QuerySet[Segment]) -> QuerySet[Segment]:
    """The segments built only on themes in reach (a segment that also addresses another
    service's theme belongs to the webmaster)."""
    if reaches_every_theme(user):
        return segments
    reach = themes_in_reach(user)
    outside = Segment.themes.through.objects.filter(
        segment=OuterRef("pk"), theme__in=Theme.objects.exclude(pk__in=reach)
    )
    inside = Segment.themes.through.objects.filter(segment=OuterRef("pk"), theme__in=reach)
    return segments.filter(Exists(inside)).exclude(Exists(outside))


def sms_segment_choices(user) -> QuerySet[Segment]:
    """The SMS segments `user` may address a message to."""
    return segments_in_reach(user, Segment.objects.filter(channel=Channel.SMS))


def sms_in_reach(user, messages: QuerySet[SmsMessage]) -> QuerySet[SmsMessage]:
    """The SMS among `messages` addressed to a segment in reach."""
    if reaches_every_theme(user):
        return messages
    return messages.filter(segment__in=segments_in_reach(user, Segment.objects.all()))
