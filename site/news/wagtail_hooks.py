from django.utils.functional import SimpleLazyObject
from wagtail import hooks

from .models import NewsPage


@hooks.register("commune_home_page_context")
def add_latest_news(home_page, request, context) -> None:
    """The home page lists its latest news items (home.models.HomePage.news_count)."""
    context["latest_news"] = SimpleLazyObject(
        lambda: (
            NewsPage.objects.in_listings()
            .descendant_of(home_page)
            .order_by("-date")[: home_page.news_count]
        )
    )
