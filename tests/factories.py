"""factory_boy factories for the objects tests create beyond the demo commune."""

import io

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.text import slugify
from django_otp import DEVICE_ID_SESSION_KEY
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"agent{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@villeneuve-sur-lys.fr")
    # Hashed before the user is saved: a password set after creation would not be stored
    # (skip_postgeneration_save), and sessions opened with force_login would then be
    # dropped as soon as the stored hash was checked.
    password = factory.django.Password("secret-password")

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    """A confirmed authenticator app (its secret is random)."""

    class Meta:
        model = "otp_totp.TOTPDevice"

    user = factory.SubFactory(UserFactory)
    name = "Téléphone"
    confirmed = True


def login_verified(client, user) -> None:
    """Signs `user` in to the admin with both factors, as if they had just typed a code from
    their authenticator app: the admin requires the second one."""
    client.force_login(user)
    device = TOTPDeviceFactory(user=user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def page_form_data(**fields) -> dict:
    """What the admin's page create or edit form sends for a page with an empty body and no
    comments, plus `fields` (title, slug, intro, actions…)."""
    return {
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        **fields,
    }


def minimal_form_data(form) -> dict:
    """What a page's admin edit `form` sends with its text fields as they are, empty
    StreamFields and empty inline formsets."""
    from wagtail.blocks import BlockField

    data = {name: value for name, value in form.initial.items() if isinstance(value, str)}
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            data[f"{name}-count"] = "0"
    for formset in form.formsets.values():
        management = formset.management_form
        data.update({management.add_prefix(key): "0" for key in ("TOTAL_FORMS", "INITIAL_FORMS")})
    return data


class PageFactory(factory.django.DjangoModelFactory):
    """Builds a page and adds it under `parent` (required)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page de test {n}")

    @classmethod
    def _create(cls, model_class, parent, publish=True, **kwargs):
        page = model_class(**kwargs)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return page


class ContentPageFactory(PageFactory):
    class Meta:
        model = "core.ContentPage"

    intro = "Une page de test."


def contact_form_fields():
    from core.models import ContactFormField

    fields = [
        ("Votre nom", "singleline"),
        ("Votre courriel", "email"),
        ("Date souhaitée", "date"),
        ("Sujets", "checkboxes"),
        ("Votre message", "multiline"),
    ]
    return [
        ContactFormField(
            label=label,
            field_type=field_type,
            required=field_type != "checkboxes",
            choices="État civil\nUrbanisme\nÉcoles" if field_type == "checkboxes" else "",
            sort_order=order,
        )
        for order, (label, field_type) in enumerate(fields)
    ]


class ContactFormPageFactory(PageFactory):
    """A contact form with a text, an e-mail, a date, checkboxes and a message; `to_address`
    may list several services."""

    class Meta:
        model = "core.ContactFormPage"

    title = factory.Sequence(lambda n: f"Formulaire de test {n}")
    to_address = "accueil@villeneuve-sur-lys.fr"
    from_address = "formulaires@villeneuve-sur-lys.fr"
    subject = "Message reçu depuis le site internet"
    thank_you_text = "<p>Merci, un agent vous répond sous 5 jours ouvrés.</p>"
    form_fields = factory.LazyFunction(contact_form_fields)


def picture_bytes(width: int, height: int, image_format: str = "JPEG") -> bytes:
    """A photo-like test picture: smooth gradients and a few shapes, as Pillow writes it."""
    red = PillowImage.linear_gradient("L").resize((width, height))
    green = red.rotate(90).resize((width, height))
    blue = PillowImage.radial_gradient("L").resize((width, height))
    picture = PillowImage.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((width // 4, height // 4, width // 2, height // 2), fill="#f2c200")
    draw.rectangle((width // 2, height // 2, width * 3 // 4, height * 7 // 8), fill="#2e7d4f")
    output = io.BytesIO()
    picture.save(output, image_format)
    return output.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    """A Wagtail image with a real picture file: `size` (width, height) and `image_format`
    (a Pillow format name) set what the file is; width and height are read from it."""

    class Meta:
        model = get_image_model()

    class Params:
        size = (1600, 900)
        image_format = "JPEG"

    title = factory.Sequence(lambda n: f"Image de test {n}")
    file = factory.LazyAttribute(
        lambda image: ContentFile(
            picture_bytes(*image.size, image_format=image.image_format),
            name=f"{slugify(image.title)}.{image.image_format.lower()}",
        )
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        image = model_class(*args, **kwargs)
        image._set_image_file_metadata()  # size and hash, as an upload through the admin
        image.save()
        return image


class DocumentFactory(factory.django.DjangoModelFactory):
    """A Wagtail document holding a minimal PDF named after its title."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Document de test {n}")
    file = factory.LazyAttribute(
        lambda document: ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{slugify(document.title)}.pdf")
    )


class AccessibilityAuditFactory(factory.django.DjangoModelFactory):
    """An RGAA audit entered by the webmaster; its findings come as (kind, criterion, text)."""

    class Meta:
        model = "accessibility.AccessibilityAudit"
        skip_postgeneration_save = True

    audit_date = factory.Faker("date_this_year")
    auditor = "Cabinet d'audit"
    applicable_criteria = 50
    met_criteria = 50
    audited_pages = "Accueil https://www.villeneuve-sur-lys.fr/"
    test_environment = "NVDA 2025.3 et Firefox 140"

    @factory.post_generation
    def findings(self, create, findings, **kwargs):
        from accessibility.models import AuditFinding

        if create and findings:
            self.findings = [
                AuditFinding(kind=kind, criterion=criterion, description=text)
                for kind, criterion, text in findings
            ]
            self.save()
