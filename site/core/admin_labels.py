"""Labels for fields of Wagtail's own forms that have none: Django then shows the field's
name in English ("Password", "Link text") whatever the language. Set once at start-up, from
translated labels (see docs/upstream.md for the upstream fix)."""

from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.forms.choosers import (
    AnchorLinkChooserForm,
    EmailLinkChooserForm,
    ExternalLinkChooserForm,
    PhoneLinkChooserForm,
)


def label_wagtail_form_fields() -> None:
    # Django's own translated label of the same field.
    LoginForm.base_fields["password"].label = AuthenticationForm.base_fields["password"].label
    for form in (
        ExternalLinkChooserForm,
        AnchorLinkChooserForm,
        EmailLinkChooserForm,
        PhoneLinkChooserForm,
    ):
        form.base_fields["link_text"].label = _("Texte du lien")
