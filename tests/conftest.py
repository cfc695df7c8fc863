"""Test-wide fixtures. The demo commune is loaded once per test database; each test then
runs in a transaction that is rolled back, so tests see the same town."""

import secrets

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from core.net import free_port
from search.server import MeilisearchServer


@pytest.fixture(scope="session", autouse=True)
def session_media_root(tmp_path_factory):
    """Files the session writes (demo images and PDFs, uploads, renditions) go to a temporary
    folder, not to the developer's var/media."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: lookups cached by an earlier test (locales,
    private sections) may describe rows its rolled-back transaction took away."""
    yield
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _no_count_left_by_a_browser_test(request, django_db_blocker):
    """Each test starts with no public-form attempt (core.ratelimit) and no search query
    counted: what a browser test's pages did through its live server is committed, and must
    not count against the tests after it. Only where the test database is in use; done
    first, inside the test's transaction when it has one."""
    if "django_db_setup" in request.fixturenames:
        from core.models import RateLimitCounter
        from search.models import SearchQueryStat

        with django_db_blocker.unblock():
            RateLimitCounter.objects.all().delete()
            SearchQueryStat.objects.all().delete()


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    """Each test starts with an empty SMS outbox and no scripted gateway answers (the locmem
    SMS backend of the test settings), as Django empties mail.outbox."""
    from connectors.sms.backends import locmem

    locmem.reset()


@pytest.fixture(autouse=True)
def _empty_social_outbox():
    """Each test starts with an empty social outbox and no scripted network answers (the
    locmem social stand-in of the test settings)."""
    from connectors.social.backends import locmem

    locmem.reset()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def home(db):
    from wagtail.models import Locale

    from home.models import HomePage

    return HomePage.objects.get(depth=2, locale=Locale.get_default())


@pytest.fixture(scope="session")
def meilisearch_server(tmp_path_factory):
    """A real Meilisearch on a free port with an empty database, shared by the session.

    Request it explicitly: most tests do not need a search server. The Django settings point
    at it for the whole session (the `settings` fixture is per test, hence override_settings).
    """
    server = MeilisearchServer(
        tmp_path_factory.mktemp("meilisearch"), secrets.token_hex(16), port=free_port()
    )
    with (
        server,
        override_settings(MEILISEARCH_URL=server.url, MEILISEARCH_API_KEY=server.master_key),
    ):
        yield server


@pytest.fixture
def webmaster(client):
    """A member of the demo's Webmestres group, signed in to the admin with both factors."""
    from tests.factories import UserFactory, login_verified

    user = UserFactory(groups=["Webmestres"])
    login_verified(client, user)
    return user


# The real SMTP server and the database task worker, for every test that sends mail.
from tests.mail_server import db_tasks, smtp, worker  # noqa: E402, F401
