"""Network addresses: local ports for the servers the project starts itself (Meilisearch,
the checked site), and the address of the client a request comes from."""

from __future__ import annotations

import functools
import socket
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

from django.conf import settings
from django.http import HttpRequest


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@functools.cache
def _networks(entries: tuple[str, ...]) -> tuple[IPv4Network | IPv6Network, ...]:
    return tuple(ip_network(entry, strict=False) for entry in entries)


def _is_address(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True


def _is_trusted_proxy(address: str) -> bool:
    try:
        parsed = ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in _networks(tuple(settings.COMMUNE_TRUSTED_PROXIES)))


def client_address(request: HttpRequest) -> str:
    """The address of the client that sent `request`, for rate limits and sign-in lockouts.

    `REMOTE_ADDR`, unless it is one of `COMMUNE_TRUSTED_PROXIES`: then X-Forwarded-For is
    read from the right (each proxy appends the address it received the request from) and
    the first address that is not a trusted proxy is the client. Whatever stands left of it
    was written by the client and is ignored, so a forged header gains nothing; so is a
    header sent straight to the site, not through a trusted proxy."""
    address = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted_proxy(address):
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed([hop.strip() for hop in forwarded]):
        if not _is_address(hop):
            break  # a malformed hop: none further left can be told apart from a forgery
        address = hop
        if not _is_trusted_proxy(hop):
            break
    return address
