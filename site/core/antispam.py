"""Spam defences for public forms: a honeypot field and a per-client rate limit.

The rate limit keys on a keyed hash of the client address so that no IP address is
stored in the cache or written to logs."""

from __future__ import annotations

import hashlib
import hmac

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "site_web"


class HoneypotFormMixin(forms.Form):
    """Adds a field humans never see (hidden by CSS and from assistive technology);
    bots that fill every field reveal themselves."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Ne pas remplir ce champ"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))


def client_fingerprint(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def rate_limited(request, scope: str, limit: int, period: int = 3600) -> bool:
    """Count one attempt for this client in `scope`; True once `limit` is exceeded."""
    key = f"ratelimit:{scope}:{client_fingerprint(request)}"
    cache.add(key, 0, timeout=period)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        attempts = 1
    return attempts > limit
