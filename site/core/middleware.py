"""Security headers for the public site."""

from __future__ import annotations

from django.conf import settings

# No inline script or style, no third party: the public site needs nothing else.
CSP_SOURCES = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]
# Public pages are never framed; a preview is framed by the admin's preview panel, on the
# same origin.
PUBLIC_CSP = "; ".join([*CSP_SOURCES, "frame-ancestors 'none'"])
PREVIEW_CSP = "; ".join([*CSP_SOURCES, "frame-ancestors 'self'"])
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"


class SecurityHeadersMiddleware:
    """Adds a strict Content-Security-Policy to public pages (the Wagtail admin ships its
    own inline scripts and keeps Django's defaults) and a restrictive Permissions-Policy.

    A page previewed in the admin goes through this middleware too, with its public path:
    Wagtail serves the preview through the whole middleware chain and marks the request
    with `is_preview`. Its response may then be framed by the admin (same origin only),
    which shows it in the live preview panel and runs its content checks in it. A preview
    that sets its own policy keeps it (a newsletter's mail preview needs the mail's inline
    styles, and allows nothing else)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = tuple(getattr(settings, "COMMUNE_CSP_EXEMPT_PREFIXES", ("/admin/",)))

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            response.headers.setdefault("Content-Security-Policy", PREVIEW_CSP)
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        elif not request.path.startswith(self.admin_prefixes):
            response.headers.setdefault("Content-Security-Policy", PUBLIC_CSP)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
