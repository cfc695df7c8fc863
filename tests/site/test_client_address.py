"""The client's address behind the town's reverse proxy (core.net.client_address), as the
public forms' limits and the admin sign-in lockout read it."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from core.net import client_address
from tests.factories import UserFactory

PROXY = "10.0.0.2"
LOCKOUT_MESSAGE = "Trop de tentatives de connexion échouées"


def address(remote: str, forwarded: str | None = None) -> str:
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote, **headers))


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.COMMUNE_TRUSTED_PROXIES = []
    assert address("203.0.113.5", forwarded="198.51.100.1") == "203.0.113.5"


def test_behind_a_trusted_proxy_the_client_is_the_address_it_received_from(settings):
    settings.COMMUNE_TRUSTED_PROXIES = [PROXY]
    assert address(PROXY, forwarded="203.0.113.5") == "203.0.113.5"
    # What the client wrote itself stands left of what the proxy appended.
    assert address(PROXY, forwarded="198.51.100.1, 203.0.113.5") == "203.0.113.5"
    assert address(PROXY) == PROXY


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(settings):
    settings.COMMUNE_TRUSTED_PROXIES = ["10.0.0.0/24", "2001:db8::/32"]
    chain = "198.51.100.1, 203.0.113.5, 2001:db8::7, 10.0.0.9"
    assert address(PROXY, forwarded=chain) == "203.0.113.5"
    # A client inside the proxies' network is itself.
    assert address(PROXY, forwarded="10.0.0.50") == "10.0.0.50"


def test_a_malformed_hop_is_not_taken_for_the_client(settings):
    settings.COMMUNE_TRUSTED_PROXIES = [PROXY]
    assert address(PROXY, forwarded="203.0.113.5, unknown") == PROXY
    assert address(PROXY, forwarded="") == PROXY


def sign_in(client, username: str, password: str, resident: str):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=resident,
    )


@pytest.mark.django_db
def test_a_lockout_behind_the_proxy_leaves_the_editor_in_from_elsewhere(client, settings):
    settings.COMMUNE_TRUSTED_PROXIES = [PROXY]
    editor = UserFactory(groups=["Webmestres"])
    for _ in range(5):
        response = sign_in(client, editor.username, "wrong-password", "198.51.100.66")
    assert response.status_code == 429
    assert LOCKOUT_MESSAGE in response.text

    response = sign_in(client, editor.username, "secret-password", "203.0.113.5")
    assert response.status_code == 302
