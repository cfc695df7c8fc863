"""The site's forms let browsers fill in the resident's own details (RGAA 11.13, WCAG
1.3.5). On a contact form the editor says which field asks for a name, an e-mail address or
a phone number, and the field carries the matching `autocomplete`."""

from importlib import import_module

import pytest
from django.apps import apps
from wagtail.models import Locale

from core.models import ContactFormField, ContactFormPage
from tests.factories import ContactFormPageFactory
from tests.site.html_structure import form_controls

pytestmark = pytest.mark.django_db


def autocompletes(client, page: ContactFormPage) -> dict[str, str | None]:
    """The `autocomplete` of each field of the page's form, by the field's label."""
    controls = form_controls(client.get(page.url).text)
    return {
        field.label: controls[field.clean_name].get("autocomplete")
        for field in page.form_fields.all()
    }


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_demo_form_offers_the_residents_name_and_address(client, language):
    page = ContactFormPage.objects.live().get(locale__language_code=language)
    name, email, subject, message = page.form_fields.order_by("sort_order")

    assert autocompletes(client, page) == {
        name.label: "name",
        email.label: "email",
        subject.label: None,
        message.label: None,
    }


def test_the_editor_chooses_which_field_holds_a_personal_detail(client, home):
    page = ContactFormPageFactory(
        parent=home,
        form_fields=[
            ContactFormField(label="Nom et prénom", field_type="singleline", purpose="name"),
            ContactFormField(label="Joignable au", field_type="singleline", purpose="tel"),
            ContactFormField(label="Votre message", field_type="multiline"),
        ],
    )

    assert autocompletes(client, page) == {
        "Nom et prénom": "name",
        "Joignable au": "tel",
        "Votre message": None,
    }


def test_the_editor_sees_the_choice_in_the_form_builder(webmaster, client):
    page = ContactFormPage.objects.get(locale=Locale.get_default())
    html = client.get(f"/admin/pages/{page.pk}/edit/").text

    assert 'name="form_fields-0-purpose"' in html
    assert "Donnée personnelle" in html


def test_existing_forms_get_the_purpose_their_names_say(home):
    page = ContactFormPageFactory(parent=home)
    page.form_fields.update(purpose="")
    migration = import_module("core.migrations.0008_contactformfield_purpose")

    migration.purposes_from_labels(apps, schema_editor=None)

    assert dict(page.form_fields.values_list("label", "purpose")) == {
        "Votre nom": "name",
        "Votre courriel": "email",
        "Date souhaitée": "",
        "Sujets": "",
        "Votre message": "",
    }


def test_the_newsletter_signup_offers_the_residents_address_and_mobile(client):
    controls = form_controls(client.get("/lettres/inscription/").text)

    assert controls["email"].get("autocomplete") == "email"
    assert controls["phone"].get("autocomplete") == "tel"
