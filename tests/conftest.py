"""Test-wide fixtures. The demo commune is loaded once per test database; each test then
runs in a transaction that is rolled back, so tests see the same town."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def home(db):
    from wagtail.models import Locale

    from home.models import HomePage

    return HomePage.objects.get(depth=2, locale=Locale.get_default())
