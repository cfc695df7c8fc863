"""The project's URLs plus the two subscriber routes the mails link to, pointing at a plain
view: dispatch tests need their addresses, not their pages."""

from django.http import HttpResponse
from django.urls import include, path

from commune.urls import urlpatterns as project_urlpatterns


def placeholder(request, token):
    return HttpResponse(token)


subscriber_routes = (
    [
        path("desinscription/<str:token>/", placeholder, name="unsubscribe"),
        path("preferences/<str:token>/", placeholder, name="preferences"),
    ],
    "newsletters",
)
urlpatterns = [path("lettres-test/", include(subscriber_routes)), *project_urlpatterns]
