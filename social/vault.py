"""The social accounts' secrets, encrypted at rest.

The site setting's `vault` column holds one Fernet token (AES-128-CBC + HMAC-SHA256) of a
JSON object {network: {name: value}}. The key comes from SOCIAL_SECRETS_KEY in the
environment (a Fernet key, see docs/deploy.md), else is derived from SECRET_KEY, so a copy
of the database alone reveals no token. Secrets never leave this module but towards a
backend: the admin only says whether each one is set.
"""

from __future__ import annotations

import base64
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import transaction

SECRET_NAMES = {
    "x": ("consumer_key", "consumer_secret", "access_token", "access_token_secret"),
    "facebook": ("page_access_token",),
    "linkedin": ("access_token", "refresh_token", "client_id", "client_secret"),
    "mastodon": ("access_token",),
    "bluesky": ("app_password",),
}
# Without these an enabled account cannot post (refresh tokens and the like are optional).
REQUIRED_SECRETS = {
    "x": SECRET_NAMES["x"],
    "facebook": ("page_access_token",),
    "linkedin": ("access_token",),
    "mastodon": ("access_token",),
    "bluesky": ("app_password",),
}


def fernet() -> Fernet:
    """The cipher of SOCIAL_SECRETS_KEY, or of a key derived from SECRET_KEY."""
    key = settings.SOCIAL_SECRETS_KEY
    if not key:
        digest = hashlib.sha256(b"commune.social.vault:" + settings.SECRET_KEY.encode()).digest()
        key = base64.urlsafe_b64encode(digest).decode()
    return Fernet(key)


def open_vault(sealed: str) -> dict[str, dict[str, str]]:
    """The secrets in a sealed vault ({} when empty or sealed with another key)."""
    if not sealed:
        return {}
    try:
        return json.loads(fernet().decrypt(sealed.encode()))
    except (InvalidToken, ValueError):
        return {}


def seal(secrets: dict[str, dict[str, str]]) -> str:
    """The secrets sealed for the `vault` column."""
    return fernet().encrypt(json.dumps(secrets, sort_keys=True).encode()).decode()


def merged(sealed: str, network: str, values: dict[str, str]) -> str:
    """The vault with `values` set for `network` (empty values remove a secret)."""
    secrets = open_vault(sealed)
    mine = {**secrets.get(network, {}), **values}
    secrets[network] = {name: value for name, value in mine.items() if value}
    return seal(secrets)


def save_network_secrets(settings_pk: int, network: str, values: dict[str, str]) -> None:
    """Store a backend's new tokens (a refreshed session) without losing a concurrent write:
    the setting's row is locked while its vault is rewritten."""
    from .models import SocialSettings

    with transaction.atomic():
        row = SocialSettings.objects.select_for_update().get(pk=settings_pk)
        row.vault = merged(row.vault, network, values)
        row.save(update_fields=["vault"])
