"""Pages the social tests publish."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from tests.factories import PageFactory


class NewsPageFactory(PageFactory):
    class Meta:
        model = "news.NewsPage"

    title = factory.Sequence(lambda n: f"Travaux rue des Tilleuls, étape {n}")
    intro = "La rue des Tilleuls est fermée à la circulation du 3 au 14 mars pour des travaux."


class EventPageFactory(PageFactory):
    class Meta:
        model = "events.EventPage"

    title = factory.Sequence(lambda n: f"Concert de printemps {n}")
    intro = "L'harmonie municipale joue au kiosque du parc."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
