"""The data side of the backup tests, run inside `manage.py shell` against a copy of the
test database (the test process keeps its own): what a town adds, loses, and gets back."""

from __future__ import annotations

import json

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from core.models import ContentPage
from home.models import HomePage
from newsletters.models import Contact
from tests.factories import ContentPageFactory, DocumentFactory, ImageFactory

PAGE = "Ludothèque des Tilleuls"
IMAGE = "Façade de la ludothèque"
DOCUMENT = "Règlement de la ludothèque"
EMAIL = "lea.martin@example.org"
STRAY = "stray-after-backup.txt"


def create() -> None:
    """A published page, an image, a document and a newsletter contact, added to the demo."""
    home = HomePage.objects.get(depth=2, locale=Locale.get_default())
    ContentPageFactory(parent=home, title=PAGE, intro="Jeux de société prêtés aux familles.")
    ImageFactory(title=IMAGE, size=(320, 200))
    DocumentFactory(title=DOCUMENT)
    Contact.objects.create(email=EMAIL, first_name="Léa")


def lose() -> None:
    """What a bad day does: the additions deleted with their files, a stray file added."""
    ContentPage.objects.get(title=PAGE).delete()
    for model, title in [(get_image_model(), IMAGE), (get_document_model(), DOCUMENT)]:
        item = model.objects.get(title=title)
        item.file.delete(save=False)
        item.delete()
    Contact.objects.filter(email=EMAIL).delete()
    default_storage.save(STRAY, ContentFile(b"perdu"))


def summary() -> None:
    """Print, as one JSON line, what of the additions exists, files included."""
    page = ContentPage.objects.filter(title=PAGE, live=True).first()
    image = get_image_model().objects.filter(title=IMAGE).first()
    document = get_document_model().objects.filter(title=DOCUMENT).first()
    print(
        json.dumps(
            {
                "page": page.url if page else None,
                "image": image is not None and default_storage.exists(image.file.name),
                "image_size": image and default_storage.size(image.file.name),
                "document": document is not None and default_storage.exists(document.file.name),
                "contact": Contact.objects.filter(email=EMAIL).exists(),
                "stray": default_storage.exists(STRAY),
            }
        )
    )
