"""No admin page makes the editor's browser call another host (no avatar service, no font
or script CDN, no Wagtail news feed): in headless Chromium, signed in as an administrator,
every admin page the French-wording tests read and the editor of every page type is opened
and each request the browser makes is recorded (issue 13).

As in test_social_admin.py, the pages are visited once for the module on a live server; the
account the visit needs is committed, then deleted."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from accessibility.browser import chromium, error_summary, fresh_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Beyond the French-wording tests' list: what only an administrator opens, and the guide.
MORE_ADMIN_PAGES = [
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/accessibility/accessibilityaudit/",
    "/admin/snippets/accessibility/accessibilityaudit/add/",
    "/admin/workflows/list/",
    "/admin/users/",
    "/admin/guide/",
]


@dataclass
class Visit:
    """The pages opened, how each answered, and every address the browser asked for."""

    base_url: str = ""
    statuses: dict[str, int | str] = field(default_factory=dict)
    requests: set[str] = field(default_factory=set)


def _paths(made: dict) -> list[str]:
    """The admin pages to open, and an administrator's session to open them with."""
    from tests.factories import UserFactory, login_verified
    from tests.site.test_admin_french import ADMIN_PAGES, one_of, our_page_models

    made["user"] = user = UserFactory(is_superuser=True)
    client = Client()
    login_verified(client, user)
    made["session"] = client.cookies["sessionid"].value
    editors = [f"/admin/pages/{one_of(model).pk}/edit/" for model in our_page_models()]
    return [*ADMIN_PAGES, *MORE_ADMIN_PAGES, *editors]


@pytest.fixture(scope="module")
def admin_visit(django_db_setup, django_db_blocker) -> Visit:
    result = Visit()
    made: dict = {}
    with django_db_blocker.unblock():
        live_server = LiveServer("localhost")
        result.base_url = live_server.url
        try:
            paths = _paths(made)
            with chromium() as browser, fresh_page(browser) as page:
                page.context.add_cookies(
                    [{"name": "sessionid", "value": made["session"], "url": result.base_url}]
                )
                page.context.on("request", lambda request: result.requests.add(request.url))
                for path in paths:
                    try:
                        response = page.goto(result.base_url + path, wait_until="load")
                        result.statuses[path] = response.status if response else "no response"
                    except Exception as error:  # noqa: BLE001 - reported by the test
                        result.statuses[path] = error_summary(error)
        finally:
            live_server.stop()
            if "user" in made:
                made["user"].delete()
    return result


def test_every_admin_page_opens(admin_visit):
    failed = {path: status for path, status in admin_visit.statuses.items() if status != 200}
    assert len(admin_visit.statuses) > 40
    assert failed == {}


def test_no_admin_page_calls_another_host(admin_visit):
    own = urlsplit(admin_visit.base_url).netloc
    elsewhere = sorted(
        url
        for url in admin_visit.requests
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and urlsplit(url).netloc != own
    )
    assert admin_visit.requests
    assert elsewhere == []
