"""factory_boy factories for the letters' audience, campaigns and deliveries."""

from __future__ import annotations

import factory
from django.utils import timezone
from wagtail.models import Locale

from core.models import Theme
from newsletters.models import (
    Campaign,
    CampaignEdition,
    Consent,
    Contact,
    Delivery,
    Segment,
    SmsMessage,
)
from newsletters.models.audience import Channel, ConsentSource
from tests.factories import PageFactory


def demo_theme(slug: str = "culture") -> Theme:
    """One of the demo town's themes (culture, sport, travaux…), in French."""
    return Theme.objects.get(slug=slug, locale=Locale.get_default())


class ContactFactory(factory.django.DjangoModelFactory):
    """A contact; `themes=[...]` gives them a live e-mail consent to each theme."""

    class Meta:
        model = Contact
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"habitant{n}@example.org")
    first_name = "Camille"
    language = "fr"

    @factory.post_generation
    def themes(self, create, themes, **kwargs):
        for consented in themes or []:
            ConsentFactory(contact=self, theme=consented)


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    contact = factory.SubFactory(ContactFactory)
    theme = factory.LazyFunction(demo_theme)
    channel = Channel.EMAIL
    source = ConsentSource.SITE
    wording = "J'accepte de recevoir la lettre Culture."


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
    """A campaign due now: of `page` to its segment, or, without a letter, to a new segment
    with a French edition already frozen (dispatch tests need no rendering)."""

    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    page = None
    segment = factory.LazyAttribute(
        lambda campaign: campaign.page.segment if campaign.page else SegmentFactory()
    )
    scheduled_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def editions(self, create, languages, **kwargs):
        if create and self.page_id is None:
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
    text = (
        "Bonjour %%FIRST_NAME%%\n\nLa lettre\n\n"
        "Préférences : %%PREFERENCES_URL%%\nSe désinscrire : %%UNSUBSCRIBE_URL%%\n"
    )
    web_html = "<p>La lettre</p>"


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


# -- SMS: contacts with a mobile, SMS segments, messages and their campaigns ----------------


class SmsContactFactory(ContactFactory):
    """A contact with a mobile number (ARCEP's numbers for fiction, +33 6 39 98 …) and a
    live SMS consent to each of `sms_themes`."""

    phone = factory.Sequence(lambda n: f"+3363998{n:04d}")

    @factory.post_generation
    def sms_themes(self, create, themes, **kwargs):
        for consented in themes or []:
            ConsentFactory(
                contact=self,
                theme=consented,
                channel=Channel.SMS,
                wording="J'accepte de recevoir les SMS de la commune.",
            )


class SmsMessageFactory(factory.django.DjangoModelFactory):
    """An SMS to a new SMS segment of the culture theme."""

    class Meta:
        model = SmsMessage

    title = factory.Sequence(lambda n: f"SMS {n}")
    segment = factory.SubFactory(SegmentFactory, channel=Channel.SMS)
    sender = "VILLENEUVE"
    text = "Grève à l'école Jean-Moulin jeudi : cantine fermée, accueil assuré de 8 h à 18 h."
    urgent = False


class SmsCampaignFactory(factory.django.DjangoModelFactory):
    """A campaign of `sms` to its segment, due now."""

    class Meta:
        model = Campaign

    sms = factory.SubFactory(SmsMessageFactory)
    segment = factory.LazyAttribute(lambda campaign: campaign.sms.segment)
    channel = Channel.SMS
    scheduled_at = factory.LazyFunction(timezone.now)


# -- Compose: letters, their archive and the pages their automatic blocks list --------------


class NewsletterIndexPageFactory(PageFactory):
    class Meta:
        model = "newsletters.NewsletterIndexPage"

    title = "Lettres d'information"
    slug = "lettres-information"
    intro = "Toutes les lettres envoyées par la mairie."


class NewsletterPageFactory(PageFactory):
    """A letter on the demo's culture theme with a segment, below `parent` (an archive)."""

    class Meta:
        model = "newsletters.NewsletterPage"

    title = factory.Sequence(lambda n: f"Lettre culture n° {n}")
    intro = "Les rendez-vous culturels du mois à Villeneuve-sur-Lys."
    preheader = "Concerts, expositions et lectures près de chez vous."
    theme = factory.LazyFunction(demo_theme)
    segment = factory.SubFactory(SegmentFactory)


class NewsPageFactory(PageFactory):
    class Meta:
        model = "news.NewsPage"

    title = factory.Sequence(lambda n: f"Actualité de test {n}")
    intro = "Une actualité de la commune."
    date = factory.LazyFunction(timezone.localdate)


class EventPageFactory(PageFactory):
    class Meta:
        model = "events.EventPage"

    title = factory.Sequence(lambda n: f"Événement de test {n}")
    intro = "Un événement de la commune."
    start = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=3))
    location = "Salle des fêtes"


def all_blocks_body(image, linked_page, procedure) -> list[dict]:
    """A letter body with one block of each type, as the editor's StreamField stores it."""
    return [
        {"type": "heading", "value": "Au programme ce mois-ci"},
        {
            "type": "text",
            "value": (
                "<p>La saison culturelle reprend. Le programme complet est "
                f'<a linktype="page" id="{linked_page.pk}">sur le site</a> et chez '
                '<a href="https://www.example.org/partenaire">notre partenaire</a>.</p>'
                "<ul><li>Concerts</li><li>Expositions</li></ul>"
            ),
        },
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "La façade de la médiathèque au printemps",
                "decorative": False,
            },
        },
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True}},
        {
            "type": "button",
            "value": {"label": "Tout le programme", "page": linked_page.pk, "url": ""},
        },
        {"type": "latest_news", "value": {"count": 3}},
        {"type": "upcoming_events", "value": {"count": 3}},
        {
            "type": "featured_procedure",
            "value": {"page": procedure.pk, "text": "Les délais s'allongent avant l'été."},
        },
    ]


def refused_by_admin(response) -> bool:
    """Wagtail answers a refused permission by sending the user back to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"
