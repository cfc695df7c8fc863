"""factory_boy factories for the objects tests create beyond the demo commune."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"agent{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@villeneuve-sur-lys.fr")
    password = factory.PostGenerationMethodCall("set_password", "secret-password")

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))
            self.save()


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
