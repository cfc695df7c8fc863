"""factory_boy factories for the letters' audience: contacts, their consents, and the
campaign and delivery rows an unsubscribe link points at."""

import factory
from django.utils import timezone
from wagtail.models import Locale

from core.models import Theme


def theme(slug: str) -> Theme:
    """A theme of the demo town, in the source language (French)."""
    return Theme.objects.get(slug=slug, locale=Locale.get_default())


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "newsletters.Contact"

    email = factory.Sequence(lambda n: f"habitant{n}@example.org")
    language = "fr"


class ConsentFactory(factory.django.DjangoModelFactory):
    """A live e-mail consent given on the site form (`theme` defaults to culture)."""

    class Meta:
        model = "newsletters.Consent"

    contact = factory.SubFactory(ContactFactory)
    theme = factory.LazyFunction(lambda: theme("culture"))
    channel = "email"
    source = "site"
    wording = "J'accepte de recevoir la lettre Culture."


class SegmentFactory(factory.django.DjangoModelFactory):
    """A segment of the e-mail letters; `themes` takes theme slugs (default: culture)."""

    class Meta:
        model = "newsletters.Segment"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Segment {n}")
    channel = "email"

    @factory.post_generation
    def themes(self, create, slugs, **kwargs):
        if create:
            self.themes.set([theme(slug) for slug in slugs or ["culture"]])


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "newsletters.Campaign"

    segment = factory.SubFactory(SegmentFactory)
    status = "sent"
    scheduled_at = factory.LazyFunction(timezone.now)


class DeliveryFactory(factory.django.DjangoModelFactory):
    """One mail of a campaign, sent to a contact."""

    class Meta:
        model = "newsletters.Delivery"

    campaign = factory.SubFactory(CampaignFactory)
    contact = factory.SubFactory(ContactFactory)
    language = "fr"
    state = "sent"
    sent_at = factory.LazyFunction(timezone.now)
