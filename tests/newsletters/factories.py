"""factory_boy factories for the newsletters' contacts, segments and campaigns."""

import factory
from django.utils import timezone

from core.models import Theme
from newsletters.models import Campaign, CampaignEdition, Consent, Contact, Delivery, Segment
from newsletters.models.audience import Channel, ConsentSource


def theme(slug: str) -> Theme:
    """A demo theme in French (général, culture, travaux…)."""
    return Theme.objects.get(slug=slug, locale__language_code="fr")


class ContactFactory(factory.django.DjangoModelFactory):
    """A contact; `themes=[...]` gives them a live e-mail consent to each theme."""

    class Meta:
        model = Contact
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"habitant{n}@example.org")
    language = "fr"

    @factory.post_generation
    def themes(self, create, themes, **kwargs):
        for consented in themes or []:
            ConsentFactory(contact=self, theme=consented)


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    contact = factory.SubFactory(ContactFactory)
    theme = factory.LazyFunction(lambda: theme("culture"))
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
        self.themes.set(themes or [theme("culture")])


class CampaignFactory(factory.django.DjangoModelFactory):
    """A campaign due now, with a French edition already frozen (no page rendering)."""

    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    segment = factory.SubFactory(SegmentFactory)
    scheduled_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def editions(self, create, languages, **kwargs):
        for language in languages or ["fr"]:
            EditionFactory(campaign=self, language=language)


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignEdition

    campaign = factory.SubFactory(CampaignFactory)
    language = "fr"
    subject = factory.LazyAttribute(lambda e: f"La lettre culture [{e.language}]")
    html = (
        '<!doctype html><html lang="fr"><body><h1>La lettre</h1><p>Bonjour %%FIRST_NAME%%</p>'
        '<p><a href="%%PREFERENCES_URL%%">Préférences</a> · '
        '<a href="%%UNSUBSCRIBE_URL%%">Se désinscrire</a></p></body></html>'
    )
    text = "La lettre\n\nPréférences : %%PREFERENCES_URL%%\nSe désinscrire : %%UNSUBSCRIBE_URL%%\n"
    web_html = "<p>La lettre</p>"


class DeliveryFactory(factory.django.DjangoModelFactory):
    """One message of a campaign; `state` says how far it went."""

    class Meta:
        model = Delivery

    campaign = factory.SubFactory(CampaignFactory)
    contact = factory.SubFactory(ContactFactory)
    language = "fr"
    state = Delivery.State.QUEUED


def refused_by_admin(response) -> bool:
    """Wagtail answers a refused permission by sending the user back to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"
