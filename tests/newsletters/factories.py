"""factory_boy factories for the letters' audience, campaigns and deliveries."""

from __future__ import annotations

import factory
from django.utils import timezone
from wagtail.models import Locale

from core.models import Theme
from newsletters.models import Campaign, Channel, Consent, Contact, Delivery, Segment
from newsletters.models.audience import ConsentSource


def demo_theme(slug: str = "culture") -> Theme:
    """One of the demo town's themes, in French."""
    return Theme.objects.get(slug=slug, locale=Locale.get_default())


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    email = factory.Sequence(lambda n: f"habitant{n}@example.org")
    first_name = "Camille"


class ConsentFactory(factory.django.DjangoModelFactory):
    """A live consent to the demo's culture letter by e-mail, given on the site."""

    class Meta:
        model = Consent

    contact = factory.SubFactory(ContactFactory)
    theme = factory.LazyFunction(demo_theme)
    channel = Channel.EMAIL
    source = ConsentSource.SITE
    wording = "J'accepte de recevoir la lettre d'information de la ville."


class SegmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Segment
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Segment {n}")

    @factory.post_generation
    def themes(self, create, themes, **kwargs):
        if create:
            self.themes.set(themes or [demo_theme()])


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    segment = factory.SubFactory(SegmentFactory)
    status = Campaign.Status.SENT
    scheduled_at = factory.LazyFunction(timezone.now)


class DeliveryFactory(factory.django.DjangoModelFactory):
    """A message already handed to the provider, with the provider's id for it."""

    class Meta:
        model = Delivery

    campaign = factory.SubFactory(CampaignFactory)
    contact = factory.SubFactory(ContactFactory)
    language = "fr"
    state = Delivery.State.SENT
    provider_message_id = factory.Sequence(lambda n: f"<20250601.{n}@smtp-relay.mailin.fr>")
    sent_at = factory.LazyFunction(timezone.now)
