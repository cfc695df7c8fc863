"""Signed links for people without an account: confirming a sign-up, the preference centre,
unsubscribing. Each token names its purpose and carries a contact (or sign-up) id; tampering
breaks the signature, and confirmation links expire."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing

SALT = "commune.newsletters"


def make_token(purpose: str, object_id: int) -> str:
    """A URL-safe token for this purpose and id (timestamped, so expiry can be checked)."""
    return signing.TimestampSigner(salt=f"{SALT}.{purpose}").sign(signing.b62_encode(object_id))


def read_token(purpose: str, token: str, max_age: timedelta | None = None) -> int | None:
    """The id a token carries, or None when it is tampered with, expired or for another
    purpose."""
    signer = signing.TimestampSigner(salt=f"{SALT}.{purpose}")
    try:
        value = signer.unsign(token, max_age=max_age)
        return signing.b62_decode(value)
    except (signing.BadSignature, ValueError):
        return None


def confirmation_lifetime() -> timedelta:
    return timedelta(days=settings.NEWSLETTER_CONFIRMATION_DAYS)
