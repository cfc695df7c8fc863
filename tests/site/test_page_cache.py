"""The full-page cache (core.page_cache): anonymous readers get stored pages, and every
change a reader could notice purges exactly the pages that show it, in every language."""

import time

import pytest
import time_machine
from django.test import Client, RequestFactory, override_settings
from wagtail.models import Locale, Page, PageViewRestriction

from core import page_cache
from core.models import Alert, ContactFormPage
from news.models import NewsPage
from tests.factories import UserFactory, login_verified, minimal_form_data
from tests.fakes.http_server import Answer, FakeService

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

HOST = "127.0.0.1:8000"  # the demo site's own address: the purges name it


@pytest.fixture
def page_cache_on():
    with override_settings(COMMUNE_PAGE_CACHE=True):
        yield


@pytest.fixture
def reader():
    """An anonymous resident's browser, without cookies, at the site's address."""
    return Client(HTTP_HOST=HOST)


def cache_status(response) -> str | None:
    return response.headers.get(page_cache.CACHE_STATUS_HEADER)


def served_from_cache(reader, url) -> bool:
    return cache_status(reader.get(url)) == "hit"


@pytest.fixture
def news_item():
    """A demo news item with its translations."""
    page = NewsPage.objects.get(slug="plan-grand-froid-ville-et-ccas-mobilises")
    assert page.get_translations().live().exists()
    return page


def test_a_public_page_is_rendered_once_then_served_from_the_cache(reader):
    first = reader.get("/")
    second = reader.get("/")

    assert first.status_code == second.status_code == 200
    assert cache_status(first) == "miss" and cache_status(second) == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "s-maxage=" in second["Cache-Control"] and "max-age=0" in second["Cache-Control"]


def test_a_stored_page_answers_head_and_conditional_requests(reader):
    etag = reader.get("/actualites/")["ETag"]

    head = reader.head("/actualites/")
    again = reader.get("/actualites/", HTTP_IF_NONE_MATCH=etag)

    assert head.status_code == 200 and head.content == b"" and cache_status(head) == "hit"
    assert again.status_code == 304 and again.content == b""


def test_compressed_and_plain_copies_are_kept_apart(reader):
    reader.get("/agenda/", HTTP_ACCEPT_ENCODING="gzip")
    plain = reader.get("/agenda/")
    compressed = reader.get("/agenda/", HTTP_ACCEPT_ENCODING="gzip, br")

    assert cache_status(plain) == "miss" and "Content-Encoding" not in plain
    assert cache_status(compressed) == "hit" and compressed["Content-Encoding"] == "gzip"


def test_publishing_purges_the_page_in_every_language_and_the_pages_that_list_it(
    reader, news_item, django_capture_on_commit_callbacks
):
    translations = list(news_item.get_translations(inclusive=True).live().specific())
    listing_urls = [
        url
        for page in translations
        for url in (page.url, page.get_parent().url, page.get_parent().url + "rss/")
    ] + ["/", "/en/", "/nl/", "/sitemap.xml", "/seniors/"]
    for url in listing_urls:
        assert reader.get(url).status_code == 200, url
        assert served_from_cache(reader, url), url

    with django_capture_on_commit_callbacks(execute=True):
        for page in translations:
            page.title = f"{page.title} (nouvel horaire)"
            page.save_revision().publish()

    for url in listing_urls:
        response = reader.get(url)
        assert cache_status(response) == "miss", url
    for page in translations:
        assert page.title in reader.get(page.url).content.decode()
    assert "(nouvel horaire)" in reader.get("/actualites/").content.decode()


def test_a_page_unpublished_is_gone_for_every_reader_at_once(
    reader, news_item, django_capture_on_commit_callbacks
):
    reader.get(news_item.url)
    reader.get("/actualites/")
    assert served_from_cache(reader, news_item.url)

    with django_capture_on_commit_callbacks(execute=True):
        news_item.unpublish()

    assert reader.get(news_item.url).status_code == 404
    assert news_item.title not in reader.get("/actualites/").content.decode()


def test_a_purge_during_a_render_keeps_the_old_render_out_of_the_cache(reader, news_item):
    """A render that read the page before an editor's change committed must not store its
    old copy after the purge."""

    def render_then_purge(request):
        response = Client(HTTP_HOST=HOST).get(news_item.url)  # reads the page as it is
        page_cache.purge_urls([news_item.full_url])  # the change commits meanwhile
        return response

    middleware = page_cache.PageCacheMiddleware(render_then_purge)
    request = RequestFactory(HTTP_HOST=HOST).get(news_item.url)
    page_cache.allow(request)
    middleware(request)

    assert cache_status(reader.get(news_item.url)) == "miss"


def warn(home, message: str, **period) -> Alert:
    """An alert banner of the town's French pages."""
    return Alert.objects.create(
        title="Vigilance",
        message=message,
        level=Alert.Level.WARNING,
        locale=home.locale,
        link_page=home,
        **period,
    )


def test_a_new_alert_reaches_every_page(reader, home, django_capture_on_commit_callbacks):
    urls = ["/", "/agenda/", "/actualites/", "/en/", "/seniors/"]
    for url in urls:
        reader.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        warn(home, "Stationnement interdit boulevard de la Lys.")

    for url in ["/", "/agenda/", "/actualites/", "/seniors/"]:
        response = reader.get(url)
        assert cache_status(response) == "miss", url
        assert "Stationnement interdit boulevard de la Lys." in response.content.decode(), url


def test_a_page_expires_when_its_alert_ends(reader, home):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    ends = now + timedelta(seconds=90)
    warn(home, "Rue des Lilas.", starts_at=now - timedelta(hours=1), ends_at=ends)
    response = reader.get("/")

    max_life = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 80 <= max_life <= 90


NEVER_STORED = ["/admin/login/", "/recherche/?q=piscine", "/agenda/?du=2030-01-01"]


@pytest.mark.parametrize("url", NEVER_STORED)
def test_the_admin_search_and_queries_are_never_served_from_the_cache(reader, url):
    reader.get(url)
    assert cache_status(reader.get(url)) is None


def test_a_form_page_is_never_stored(reader, home):
    contact = ContactFormPage.objects.get(locale=home.locale)
    first = reader.get(contact.url)
    second = reader.get(contact.url)

    assert first.status_code == 200 and "csrftoken" in first.cookies
    assert cache_status(second) is None


def test_an_editor_never_gets_or_leaves_a_stored_page(client, reader):
    reader.get("/")
    login_verified(client, UserFactory(is_superuser=True))

    response = client.get("/", HTTP_HOST=HOST)
    reader_response = reader.get("/")

    assert cache_status(response) is None
    assert "private" in response["Cache-Control"]
    assert b"userbar" in response.content.lower()
    assert b"userbar" not in reader_response.content.lower()


def test_a_draft_seen_in_preview_never_reaches_readers(client, reader, news_item):
    """Wagtail renders a preview through the middleware at the page's own address."""
    published_title = news_item.title
    reader.get(news_item.url)
    login_verified(client, UserFactory(is_superuser=True))
    edit_url = f"/admin/pages/{news_item.pk}/edit/"
    data = minimal_form_data(client.get(edit_url).context["form"])
    data.update(
        {"title": "Titre encore en brouillon", "slug": news_item.slug, "date": news_item.date}
    )

    assert client.post(f"{edit_url}preview/", data).json()["is_available"]
    preview = client.get(f"{edit_url}preview/", HTTP_HOST=HOST)
    served = reader.get(news_item.url)

    assert "Titre encore en brouillon" in preview.content.decode()
    assert cache_status(served) == "hit"
    assert published_title in served.content.decode()
    assert "Titre encore en brouillon" not in served.content.decode()


def test_a_private_section_is_never_stored(reader, home):
    section = Page.objects.get(depth=3, slug="actualites", locale=home.locale)
    PageViewRestriction.objects.create(page=section, restriction_type="login")

    reader.get("/actualites/")

    assert cache_status(reader.get("/actualites/")) is None


def test_another_host_name_of_the_server_is_not_stored(home):
    other = Client(HTTP_HOST="localhost")
    other.get("/")
    assert cache_status(other.get("/")) is None


def test_no_cache_means_every_page_is_rendered(reader):
    with override_settings(COMMUNE_PAGE_CACHE=False):
        reader.get("/")
        assert cache_status(reader.get("/")) is None
    assert cache_status(reader.get("/")) == "miss"  # nothing was stored meanwhile


def hold_the_render(path: str) -> None:
    """As if another reader were rendering the page at this moment."""
    from django.core.cache import cache

    cache.add(page_cache._render_lock(page_cache._key(HOST, path, "identity")), 1, 10)


def test_after_a_publication_one_reader_renders_while_the_others_get_the_previous_version(
    reader, news_item, django_capture_on_commit_callbacks
):
    old_title = news_item.title
    reader.get(news_item.url)
    with django_capture_on_commit_callbacks(execute=True):
        news_item.title = "Plan grand froid : le gymnase ouvert la nuit"
        news_item.save_revision().publish()
    hold_the_render(news_item.url)

    meanwhile = reader.get(news_item.url)

    assert cache_status(meanwhile) == "stale"
    assert old_title in meanwhile.content.decode()
    assert "s-maxage=0" in meanwhile["Cache-Control"]  # no proxy keeps the old version


def test_the_previous_version_is_given_for_half_a_second_at_most(
    reader, news_item, django_capture_on_commit_callbacks
):
    reader.get(news_item.url)
    with django_capture_on_commit_callbacks(execute=True):
        news_item.title = "Plan grand froid : le gymnase ouvert la nuit"
        news_item.save_revision().publish()
    hold_the_render(news_item.url)

    with time_machine.travel(time.time() + page_cache.STALE_GRACE + 0.1):
        later = reader.get(news_item.url)

    assert cache_status(later) == "miss"
    assert "le gymnase ouvert la nuit" in later.content.decode()


def test_nobody_gets_the_previous_version_of_an_unpublished_page(
    reader, news_item, django_capture_on_commit_callbacks
):
    reader.get(news_item.url)
    with django_capture_on_commit_callbacks(execute=True):
        news_item.unpublish()
    hold_the_render(news_item.url)

    assert reader.get(news_item.url).status_code == 404


def test_a_new_automated_check_reaches_the_statements(reader, django_capture_on_commit_callbacks):
    from accessibility.models import AccessibilityStatementPage, CheckRun

    statement = AccessibilityStatementPage.objects.live().first()
    reader.get(statement.url)
    assert served_from_cache(reader, statement.url)

    with django_capture_on_commit_callbacks(execute=True):
        CheckRun.objects.create(pages_checked=40, axe_violations=0)

    assert cache_status(reader.get(statement.url)) == "miss"


class ReverseProxy(FakeService):
    """A Varnish that accepts every PURGE (deploy/varnish/commune.vcl answers 200)."""

    def respond(self, request):
        return Answer(200 if request.method == "PURGE" else 405)

    def purged(self) -> set[str]:
        """Host and path of every PURGE received."""
        return {f"{r.headers['Host']}{r.path}" for r in self.requests if r.method == "PURGE"}


@pytest.fixture
def proxy():
    with ReverseProxy() as fake:
        backends = {
            "pages": {"BACKEND": "core.page_cache.PageCacheBackend"},
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": fake.url,
            },
        }
        with override_settings(WAGTAILFRONTENDCACHE=backends):
            yield fake


def test_a_publication_purges_the_same_urls_from_the_reverse_proxy(
    proxy, news_item, django_capture_on_commit_callbacks
):
    english = news_item.get_translation(Locale.objects.get(language_code="en"))

    with django_capture_on_commit_callbacks(execute=True):
        news_item.title = f"{news_item.title} (nouvel horaire)"
        news_item.save_revision().publish()

    purged = proxy.purged()
    assert HOST + news_item.url in purged
    assert {HOST + "/actualites/", HOST + "/actualites/rss/", HOST + "/"} <= purged
    assert HOST + english.url in purged and HOST + "/sitemap.xml" in purged


def test_a_new_alert_purges_every_page_from_the_proxy_after_the_editor_s_save(
    proxy, home, django_capture_on_commit_callbacks
):
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        from django_tasks import default_task_backend

        with django_capture_on_commit_callbacks(execute=True):
            warn(home, "Stationnement interdit boulevard de la Lys.")
        queued = [result.task for result in default_task_backend.results]

    assert proxy.purged() == set()  # the save did not wait for thousands of URLs
    purge = [task for task in queued if task.name == "purge_every_page_from_proxies"]
    assert len(purge) == 1
    purge[0].call()
    live_pages = Page.objects.live().public().specific()
    assert {HOST + page.url for page in live_pages if page.url} <= proxy.purged()
