"""The public side of the letters: sign-up, confirmation, preference centre, unsubscribe,
and the counted links when the town counts clicks.
Served under each language's prefix, like the pages. The paths with a token stay the same
in every language: links in mails already sent must keep working."""

from django.urls import path

from . import views

app_name = "newsletters"
urlpatterns = [
    path("inscription/", views.signup, name="signup"),
    path("inscription/envoyee/", views.signup_sent, name="signup_sent"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("preferences/<str:token>/mes-donnees/", views.my_data, name="my_data"),
    path("preferences/<str:token>/effacer/", views.erase, name="erase"),
    path("desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("lien/<str:token>/", views.follow_link, name="follow_link"),
]
