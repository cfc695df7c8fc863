"""Public pages are served with strict security headers and no inline script."""

import re

import pytest

from tests.factories import minimal_form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/agenda/", "/agenda/proposer/"])
def test_public_pages_send_a_strict_csp_and_have_no_inline_script(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    scripts = re.findall(r"<script(?P<attrs>[^>]*)>", response.text)
    # Code comes from our own static files; only data blocks (JSON-LD) are inline.
    assert all(
        'type="application/ld+json"' in attrs or re.search(r'src="/static/[^"]+\.js"', attrs)
        for attrs in scripts
    )


def test_forms_are_csrf_protected(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/agenda/proposer/", {"title": "x"}).status_code == 403


# -- previews --------------------------------------------------------------------------------


@pytest.fixture
def webmaster_client(client):
    from tests.factories import UserFactory, login_verified

    login_verified(client, UserFactory(groups=["Webmestres"]))
    return client


def test_public_pages_may_not_be_framed(client):
    response = client.get("/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def assert_frameable_by_the_admin_only(response):
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp and "frame-ancestors 'none'" not in csp
    # The rest of the policy stays as strict as on the public site.
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_live_preview_panel_may_frame_the_page(webmaster_client, home):
    page = home.get_children().live().specific().first()
    edit_url = f"/admin/pages/{page.pk}/edit/"
    form = webmaster_client.get(edit_url).context["form"]
    data = minimal_form_data(form)
    data.update({"title": page.title, "slug": page.slug})
    checked = webmaster_client.post(f"{edit_url}preview/", data).json()
    assert checked["is_available"], checked
    response = webmaster_client.get(f"{edit_url}preview/?in_preview_panel=true")
    assert page.title in response.text
    assert_frameable_by_the_admin_only(response)


def test_a_revision_preview_may_be_framed_by_the_admin(webmaster_client, home):
    revision = home.save_revision()
    response = webmaster_client.get(f"/admin/pages/{home.pk}/revisions/{revision.pk}/view/")
    assert_frameable_by_the_admin_only(response)
