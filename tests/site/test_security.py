"""Public pages are served with strict security headers and no inline script."""

import re

import pytest

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
