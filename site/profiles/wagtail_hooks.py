from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Profile


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "group"
    list_display = ["name", "slug", "sort_order"]


register_snippet(ProfileViewSet)
