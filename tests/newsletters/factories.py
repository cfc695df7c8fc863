"""factory_boy factories for the newsletters' tests."""

import factory
from django.utils import timezone

from tests.factories import PageFactory

# -- Compose: letters, their archive and campaigns -------------------------------------------


def demo_theme(slug: str = "culture"):
    from core.models import Theme

    return Theme.objects.get(slug=slug, locale__language_code="fr")


class NewsletterIndexPageFactory(PageFactory):
    class Meta:
        model = "newsletters.NewsletterIndexPage"

    title = "Lettres d'information"
    slug = "lettres-information"
    intro = "Toutes les lettres envoyées par la mairie."


class SegmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "newsletters.Segment"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Abonnés culture {n}")

    @factory.post_generation
    def themes(self, create, themes, **kwargs):
        if create:
            self.themes.add(*(themes or [demo_theme()]))


class NewsletterPageFactory(PageFactory):
    """A letter on the demo's culture theme with a segment, below `parent` (an archive)."""

    class Meta:
        model = "newsletters.NewsletterPage"

    title = factory.Sequence(lambda n: f"Lettre culture n° {n}")
    intro = "Les rendez-vous culturels du mois à Villeneuve-sur-Lys."
    preheader = "Concerts, expositions et lectures près de chez vous."
    theme = factory.LazyFunction(demo_theme)
    segment = factory.SubFactory(SegmentFactory)


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "newsletters.Campaign"

    page = None
    segment = factory.LazyAttribute(lambda campaign: campaign.page.segment)
    scheduled_at = factory.LazyFunction(timezone.now)


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
