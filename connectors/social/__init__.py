"""The town's social network accounts behind one small interface.

    from connectors.social import Account, Post, get_backend
    result = get_backend(account).publish(Post(text, link, key, ...))
    # result.status is POSTED, REJECTED, RETRY or UNKNOWN

One module per network in backends/ (X, Facebook Pages, LinkedIn, Mastodon, Bluesky), plus
"demo" (records what would have been posted, for the demo town) and "locmem" (tests).
text.py builds and counts each network's text the way the network counts it. This package
knows nothing of pages or of the site: callers hand it plain values.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .base import (
    POSTED,
    REJECTED,
    REMOVED,
    RETRY,
    UNKNOWN,
    Account,
    Image,
    Post,
    Result,
    SocialBackend,
)

NETWORKS = {
    "x": "connectors.social.backends.x.XBackend",
    "facebook": "connectors.social.backends.facebook.FacebookBackend",
    "linkedin": "connectors.social.backends.linkedin.LinkedInBackend",
    "mastodon": "connectors.social.backends.mastodon.MastodonBackend",
    "bluesky": "connectors.social.backends.bluesky.BlueskyBackend",
}
# Stand-ins that reach no network: "demo" records posts for the demo town, "locmem" for tests.
STAND_INS = {
    "demo": "connectors.social.backends.demo.DemoBackend",
    "locmem": "connectors.social.backends.locmem.LocmemBackend",
}

__all__ = [
    "NETWORKS",
    "POSTED",
    "REJECTED",
    "REMOVED",
    "RETRY",
    "UNKNOWN",
    "Account",
    "Image",
    "Post",
    "Result",
    "SocialBackend",
    "get_backend",
]


def get_backend(account: Account, stand_in: str = "") -> SocialBackend:
    """The backend that publishes on this account's network, or the stand-in `stand_in`
    ("demo", "locmem") that plays that network without reaching it."""
    path = STAND_INS.get(stand_in) if stand_in else NETWORKS.get(account.network)
    if path is None:
        raise ImproperlyConfigured(f"No social backend for {stand_in or account.network!r}.")
    return import_string(path)(account)
