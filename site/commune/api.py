"""Read-only open-data API (Wagtail API v2): pages, events and places."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from events.models import EventPage
from places.models import PlacePage


class ReadOnlyPagesAPIViewSet(PagesAPIViewSet):
    http_method_names = ["get", "head", "options"]


class EventsAPIViewSet(ReadOnlyPagesAPIViewSet):
    """Live events, with dates, place and audience."""

    model = EventPage
    body_fields = PagesAPIViewSet.body_fields + [
        "intro",
        "start",
        "end",
        "all_day",
        "location",
        "audience",
        "price",
        "registration_url",
        "organiser",
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["start", "end", "location"]

    def get_base_queryset(self):
        return super().get_base_queryset().type(EventPage)


class PlacesAPIViewSet(ReadOnlyPagesAPIViewSet):
    """Town facilities with address and coordinates."""

    model = PlacePage
    body_fields = PagesAPIViewSet.body_fields + [
        "intro",
        "kind",
        "address",
        "postcode",
        "city",
        "latitude",
        "longitude",
        "phone",
        "email",
        "accessibility",
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "address",
        "latitude",
        "longitude",
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().type(PlacePage)


class ReadOnlyDocumentsAPIViewSet(DocumentsAPIViewSet):
    http_method_names = ["get", "head", "options"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ReadOnlyPagesAPIViewSet)
api_router.register_endpoint("events", EventsAPIViewSet)
api_router.register_endpoint("places", PlacesAPIViewSet)
api_router.register_endpoint("documents", ReadOnlyDocumentsAPIViewSet)
