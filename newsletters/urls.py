"""The public side of the letters: sign-up, confirmation, preference centre, unsubscribe.
Served under each language's prefix, like the pages."""

from django.urls import path  # noqa: F401  (routes are added by the audience views)

app_name = "newsletters"
urlpatterns: list = []
