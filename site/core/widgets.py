"""Form widgets of the public site."""

from django import forms


class FilterSelect(forms.Select):
    """A select of flat choices (no groups) for listing filters, each option written inline:
    Django's select includes one template per option, which made the agenda's filter form
    cost as much to render as its twelve events."""

    template_name = "core/widgets/select.html"
