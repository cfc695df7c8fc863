"""Read-only open-data API (Wagtail API v2): pages, events, places and documents, in JSON.

Wagtail checks that each parameter is known and that numbers are numbers; the checks
below add what a prober found: numbers too large for the database, an unknown search
operator and NUL characters are answered with a 400 that says which parameter is wrong."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import Http404
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from events.models import EventPage
from places.models import PlacePage

# The largest id or offset the API accepts: beyond it SQLite's and PostgreSQL's integers
# overflow, and no town has that many of anything.
LARGEST_NUMBER = 2**31 - 1
NUMBER_PARAMETERS = ("offset", "limit", "child_of", "ancestor_of", "descendant_of")
SEARCH_OPERATORS = ("and", "or")


class CarefulAPIViewSetMixin:
    """Read-only, JSON only (no browsable HTML API), and parameters checked before they
    reach the database."""

    http_method_names = ["get", "head", "options"]
    renderer_classes = [JSONRenderer]

    def check_query_parameters(self, queryset) -> None:
        super().check_query_parameters(queryset)
        parameters = self.request.GET
        for name, value in parameters.items():
            if "\x00" in value:
                raise BadRequestError(f"{name} cannot contain a NUL character")
        for name in NUMBER_PARAMETERS:
            value = parameters.get(name, "")
            if value.isdigit() and int(value) > LARGEST_NUMBER:
                raise BadRequestError(f"{name} cannot be higher than {LARGEST_NUMBER}")
        if parameters.get("search_operator", "and") not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        for name, value in parameters.items():
            if name not in self.known_query_parameters:  # `locale=fr` is an operation
                check_field_filter(queryset.model, name, value)

    def get_object(self):
        if int(self.kwargs["pk"]) > LARGEST_NUMBER:
            raise Http404
        return super().get_object()


def check_field_filter(model, name: str, value: str) -> None:
    """A filter on a model field (`?start=…`, `?latitude=…`) must hold a value of the
    field's type: Wagtail would hand "abc" to the database as a date or a number."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return  # an operation (search, order…), or a field Wagtail itself refuses
    try:
        typed = field.to_python(value)
    except ValidationError as error:
        raise BadRequestError(f"{name}: {' '.join(error.messages)}") from error
    if isinstance(typed, int) and abs(typed) > LARGEST_NUMBER:
        raise BadRequestError(f"{name} cannot be higher than {LARGEST_NUMBER}")


class ReadOnlyPagesAPIViewSet(CarefulAPIViewSetMixin, PagesAPIViewSet):
    """Every live public page of the site."""


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


class ReadOnlyDocumentsAPIViewSet(CarefulAPIViewSetMixin, DocumentsAPIViewSet):
    """The documents of the media library."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ReadOnlyPagesAPIViewSet)
api_router.register_endpoint("events", EventsAPIViewSet)
api_router.register_endpoint("places", PlacesAPIViewSet)
api_router.register_endpoint("documents", ReadOnlyDocumentsAPIViewSet)
