"""Body images as residents' browsers get them: a <picture> with AVIF and WebP sources and a
JPEG fallback in three widths, `sizes` for the page column, the <img>'s width, height, alt
text and lazy loading; and the demo illustrations on the pages the accessibility and
eco-design checks visit."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup, Tag
from django.conf import settings
from django.core.files.storage import default_storage
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from accessibility.pages import page_targets
from demo.content import news, pages
from demo.images import DEMO_IMAGES
from demo.loader import DemoLoader
from tests.factories import ContentPageFactory, ImageFactory
from tests.queries import queries_per_view

pytestmark = pytest.mark.django_db

SIZES = "(max-width: 60rem) calc(100vw - 2rem), 58rem"
WIDTHS = [1200, 800, 400]
FORMATS = {"image/avif": "AVIF", "image/webp": "WEBP", "image/jpeg": "JPEG"}
ALT = "Le pont du Halage au lever du soleil"


@pytest.fixture
def media_root(settings, tmp_path):
    """Test images and their renditions go to a temporary folder, and no rendition cached by
    an earlier test (whose image may have had the same id) is reused."""
    settings.MEDIA_ROOT = tmp_path
    get_image_model().get_rendition_model().cache_backend.clear()
    return tmp_path


def image_block(image, alt: str = "", decorative: bool = False) -> dict:
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": alt, "decorative": decorative},
    }


def body_picture(client, page) -> Tag:
    """The one <picture> of the page body, as served."""
    response = client.get(page.url)
    assert response.status_code == 200
    pictures = BeautifulSoup(response.content, "html.parser").select("article .body picture")
    assert len(pictures) == 1
    return pictures[0]


def page_with_image(home, image, **block) -> Page:
    return ContentPageFactory(parent=home, body=json.dumps([image_block(image, **block)]))


def candidates(srcset: str) -> list[tuple[str, int]]:
    """(URL, width) of each `url 800w` candidate of a srcset."""
    result = []
    for candidate in srcset.split(","):
        url, descriptor = candidate.split()
        assert descriptor.endswith("w")
        result.append((url, int(descriptor[:-1])))
    return result


def media_name(url: str) -> str:
    """The storage name of a media URL, such as a rendition's."""
    assert url.startswith(settings.MEDIA_URL), url
    return url.removeprefix(settings.MEDIA_URL)


def open_rendition(url: str) -> PillowImage.Image:
    name = media_name(url)
    assert default_storage.exists(name), url
    with default_storage.open(name) as file:
        picture = PillowImage.open(file)
        picture.load()
    return picture


def test_body_image_is_a_picture_with_avif_and_webp_sources(client, home, media_root):
    picture = body_picture(client, page_with_image(home, ImageFactory(size=(1600, 900)), alt=ALT))

    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    for source in sources:
        assert source["sizes"] == SIZES
        assert [width for _, width in candidates(source["srcset"])] == WIDTHS
    assert picture.parent.name == "figure"


def test_fallback_img_has_size_alt_text_and_lazy_loading(client, home, media_root):
    picture = body_picture(client, page_with_image(home, ImageFactory(size=(1600, 900)), alt=ALT))

    img = picture.img
    assert img["alt"] == ALT
    assert img["loading"] == "lazy"
    # The largest rendition's size: the space is reserved, CSS scales it to the column.
    assert (img["width"], img["height"]) == ("1200", "675")
    assert img["sizes"] == SIZES
    assert img["src"].endswith(".jpg")
    assert [width for _, width in candidates(img["srcset"])] == WIDTHS


def test_every_rendition_exists_in_its_format_and_width(client, home, media_root):
    picture = body_picture(client, page_with_image(home, ImageFactory(size=(1600, 900)), alt=ALT))

    sets = [(source["type"], source["srcset"]) for source in picture.find_all("source")]
    sets.append(("image/jpeg", picture.img["srcset"]))
    for mime_type, srcset in sets:
        for url, width in candidates(srcset):
            rendition = open_rendition(url)
            assert rendition.format == FORMATS[mime_type], url
            assert rendition.size == (width, round(width * 900 / 1600)), url


def test_avif_is_lighter_than_webp_and_jpeg(client, home, media_root):
    picture = body_picture(client, page_with_image(home, ImageFactory(size=(1600, 900)), alt=ALT))

    urls = {source["type"]: dict(candidates(source["srcset"])) for source in picture("source")}
    urls["image/jpeg"] = dict(candidates(picture.img["srcset"]))
    sizes = {}
    for mime_type, by_url in urls.items():
        url = next(url for url, width in by_url.items() if width == 800)
        assert open_rendition(url).format == FORMATS[mime_type]
        sizes[mime_type] = default_storage.size(media_name(url))
    assert sizes["image/avif"] < sizes["image/webp"] < sizes["image/jpeg"]


def test_decorative_image_has_empty_alt(client, home, media_root):
    image = ImageFactory(title="Frise de feuillages")
    picture = body_picture(client, page_with_image(home, image, decorative=True))

    assert picture.img["alt"] == ""


def test_image_without_block_alt_text_falls_back_to_the_image_description(client, home, media_root):
    image = ImageFactory(title="Le marché couvert un samedi matin")
    picture = body_picture(client, page_with_image(home, image))

    assert picture.img["alt"] == "Le marché couvert un samedi matin"


def test_small_image_is_not_enlarged(client, home, media_root):
    picture = body_picture(client, page_with_image(home, ImageFactory(size=(600, 400)), alt=ALT))

    assert (picture.img["width"], picture.img["height"]) == ("600", "400")
    for source in picture("source"):
        assert max(width for _, width in candidates(source["srcset"])) == 600


# -- the demo illustrations -----------------------------------------------------------------


def demo_alt_text(content: list[dict], slug: str) -> str:
    data = next(item for item in content if item["slug"] == slug)
    return next(value["alt_text"] for block, value in data["body"] if block == "image")


DEMO_PAGES = {
    "content page": ("collecte-dechets", demo_alt_text(pages.CONTENT_PAGES, "collecte-dechets")),
    "news page": (
        "plan-grand-froid-ville-et-ccas-mobilises",
        demo_alt_text(news.NEWS, "plan-grand-froid-ville-et-ccas-mobilises"),
    ),
}
ENGLISH_ALT = {
    "collecte-dechets": "On the pavement, a wheelie bin with a yellow lid",
    "plan-grand-froid-ville-et-ccas-mobilises": "Brick houses under snow at night",
}


def test_checked_pages_show_the_demo_illustrations_in_french_and_english(client):
    """The pages that axe-core and the eco-design budget visit for these types carry a
    picture, with its alt text translated on the English page."""
    targets = {(t.page_type, t.language): t.path for t in page_targets().targets}
    for page_type, (slug, french_alt) in DEMO_PAGES.items():
        french_page = Page.objects.get(slug=slug, locale__language_code="fr")
        assert targets[(page_type, "fr")] == french_page.url
        english_page = french_page.get_translation(Locale.objects.get(language_code="en"))
        assert targets[(page_type, "en")] == english_page.url

        assert body_picture(client, french_page).img["alt"] == french_alt
        english_alt = body_picture(client, english_page).img["alt"]
        assert english_alt.startswith(ENGLISH_ALT[slug])


def test_demo_illustrations_are_light():
    for demo_image in DEMO_IMAGES.values():
        image = get_image_model().objects.get(title=demo_image.title)
        assert (image.width, image.height) == (1200, 675)
        assert image.file_size < 60_000  # the original PNG, far below the editors' 300 KB
        avif = image.get_rendition("format-avif|width-800")
        assert avif.file.size < 40_000


def test_loading_the_images_again_keeps_the_same_files():
    before = {
        image.pk: (image.file.name, image.file_hash) for image in get_image_model().objects.all()
    }
    loader = DemoLoader()
    loader.ensure_images()
    after = {
        image.pk: (image.file.name, image.file_hash) for image in get_image_model().objects.all()
    }
    assert after == before
    assert {image.pk for image in loader.images.values()} <= set(before)


def test_a_body_reads_the_renditions_of_all_its_images_at_once(client, home, media_root):
    """Nine renditions per image: one query for all of them, none per image."""
    one = page_with_image(home, ImageFactory(size=(1600, 900)))
    three = ContentPageFactory(
        parent=home,
        body=json.dumps([image_block(ImageFactory(size=(1600, 900))) for _ in range(3)]),
    )
    with_one, with_three = queries_per_view(client, (one, three))

    assert with_one == with_three


def test_showing_a_picture_again_writes_nothing_to_the_cache(client, home, media_root, monkeypatch):
    """Wagtail writes back each rendition it read from the cache, nine per image and page
    view, unless the renditions came with the image."""
    page = page_with_image(home, ImageFactory(size=(1600, 900)))
    client.get(page.url)  # the renditions are made
    backend = get_image_model().get_rendition_model().cache_backend
    written = []
    monkeypatch.setattr(backend, "set_many", lambda data, *args, **kwargs: written.append(data))

    assert client.get(page.url).status_code == 200
    assert written == []
