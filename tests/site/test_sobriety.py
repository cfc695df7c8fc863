"""Pages travel light: compressed HTML, and an ETag so that an unchanged page costs a 304."""

import pytest

pytestmark = pytest.mark.django_db


def test_html_is_compressed_for_browsers_that_accept_it(client):
    response = client.get("/", headers={"accept-encoding": "gzip, br"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_unchanged_page_is_not_sent_again(client):
    first = client.get("/agenda/")
    assert first.has_header("ETag")
    again = client.get("/agenda/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
