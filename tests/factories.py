"""factory_boy factories for the objects tests create beyond the demo commune."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp import DEVICE_ID_SESSION_KEY


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
