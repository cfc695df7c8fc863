"""The providers' tracking webhooks, mounted under /anymail/ (site/commune/urls.py).

They are django-anymail's views, at anymail's own paths (`brevo/tracking/`,
`mailjet/tracking/`, `amazon_ses/tracking/`…), made strict:
- a provider whose only protection is the basic-auth secret is refused while
  ANYMAIL["WEBHOOK_SECRET"] is unset (anymail would accept anyone's post, with a warning);
- a body anymail cannot read (not JSON, empty, the wrong shape) is answered 400, where
  anymail would let the exception answer 500 (which providers retry, and whose log would
  quote the body, addresses included);
- a provider this site has no keys for (Mailgun without its signing key…) is answered 404.
What the events then change is in `tracking.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import wraps

from anymail import urls as anymail_urls
from anymail.exceptions import (
    AnymailAPIError,
    AnymailConfigurationError,
    AnymailWebhookValidationFailure,
)
from anymail.signals import AnymailTrackingEvent, tracking
from anymail.webhooks.base import AnymailBasicAuthMixin, AnymailCoreWebhookView
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.urls import URLPattern, path

# What reading a body that is not what the provider documents raises in anymail's parsers.
MALFORMED_BODY = (
    ValueError,  # not JSON, not UTF-8, a bad timestamp
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    OverflowError,
    RecursionError,  # JSON nested too deep
    AnymailAPIError,  # Amazon SES: an unreadable SNS message
    AnymailConfigurationError,  # an inbound payload posted to a tracking URL
)


class StrictTrackingMixin:
    """Put before an anymail tracking view: refuses unprotected and unreadable posts with a
    4xx, and checks the events' fields are of the types the record expects."""

    def validate_request(self, request: HttpRequest) -> None:
        # anymail calls every class's validate_request in turn (collect_all_methods).
        only_basic_auth = isinstance(self, AnymailBasicAuthMixin) and self.warn_if_no_basic_auth
        if only_basic_auth and not self.basic_auth:
            raise AnymailWebhookValidationFailure(
                f"{self.esp_name} webhook refused: ANYMAIL_WEBHOOK_SECRET is not set"
            )

    def run_validators(self, request: HttpRequest) -> None:
        try:
            super().run_validators(request)
        except MALFORMED_BODY as error:
            raise malformed(self.esp_name, error) from None

    def parse_events(self, request: HttpRequest) -> list:
        try:
            events = super().parse_events(request)
        except MALFORMED_BODY as error:
            raise malformed(self.esp_name, error) from None
        for event in events:
            check_event_fields(self.esp_name, event)
        return events


def malformed(esp_name: str, error: BaseException) -> AnymailWebhookValidationFailure:
    # The exception's name only: its message may quote the body.
    return AnymailWebhookValidationFailure(
        f"Unreadable {esp_name} webhook body ({type(error).__name__})"
    )


def check_event_fields(esp_name: str, event: AnymailTrackingEvent) -> None:
    """Refuse (400) an event whose identifiers are not text, e.g. an address given as a
    number: the whole post then changes nothing."""
    texts = (event.event_id, event.message_id, event.recipient)
    if not all(value is None or isinstance(value, str) for value in texts):
        raise malformed(esp_name, TypeError())
    if not (event.timestamp is None or isinstance(event.timestamp, datetime)):
        raise malformed(esp_name, TypeError())


def answering_404_when_unconfigured(view: Callable) -> Callable:
    """anymail's views check their provider's keys when they are built, for every post."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except AnymailConfigurationError:
            return HttpResponseNotFound()

    return wrapped


def strict_tracking_route(pattern: URLPattern) -> URLPattern:
    """anymail's route for one provider, served by the strict subclass of its view."""
    view_class = pattern.callback.view_class
    strict_class = type(f"Strict{view_class.__name__}", (StrictTrackingMixin, view_class), {})
    view = strict_class.as_view(**pattern.callback.view_initkwargs)
    return path(str(pattern.pattern), answering_404_when_unconfigured(view), name=pattern.name)


def is_tracking_route(pattern) -> bool:
    view_class = getattr(getattr(pattern, "callback", None), "view_class", None)
    return (
        view_class is not None
        and issubclass(view_class, AnymailCoreWebhookView)
        and view_class.signal is tracking
    )


# Same namespace and names as anymail's own URLs: reverse("anymail:brevo_tracking_webhook").
app_name = "anymail"
urlpatterns = [
    strict_tracking_route(pattern)
    for pattern in anymail_urls.urlpatterns
    if is_tracking_route(pattern)
]
