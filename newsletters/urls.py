"""The public side of the letters: sign-up, confirmation, preference centre, unsubscribe.
Served under each language's prefix, like the pages."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

app_name = "newsletters"
urlpatterns: list = [
    # Stands for the audience part's preference centre, whose route has this name: the
    # re-consent mail links to it (personalise.preferences_path).
    path(
        _("preferences/<str:token>/"),
        RedirectView.as_view(url="/", permanent=False),
        name="preferences",
    ),
]
