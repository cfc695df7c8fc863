"""Cache headers for static files served by WhiteNoise (settings.WHITENOISE_ADD_HEADERS_FUNCTION).

Imported by the settings: standard library only.
"""

from __future__ import annotations

from wsgiref.headers import Headers

# The eco-design requirement asks for a one-year lifetime; WhiteNoise's default is ten years.
ONE_YEAR = 365 * 24 * 60 * 60  # seconds
IMMUTABLE_CACHE_CONTROL = f"public, max-age={ONE_YEAR}, immutable"


def add_static_headers(headers: Headers, path: str, url: str) -> None:
    """Give files whose name carries their content hash a one-year, immutable lifetime.

    WhiteNoise has already decided which files are hashed (it marks them `immutable`), so
    only the lifetime changes here; files without a hash keep WHITENOISE_MAX_AGE, short,
    because their content can change under the same URL.
    """
    if "immutable" in headers.get("Cache-Control", ""):
        headers["Cache-Control"] = IMMUTABLE_CACHE_CONTROL
