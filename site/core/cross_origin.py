"""Protection against cross-site form posts without a CSRF token, for the anonymous forms
shown on cached pages.

A page kept whole in the page cache (core.page_cache) cannot carry a per-visitor CSRF token.
The newsletter sign-up block sits on such pages (the home page among them), so its form is
protected the way browsers now allow without a token: every browser that sends a form post
says where it comes from, in `Sec-Fetch-Site` (all current browsers) or at least in
`Origin`. A post that a browser marks as coming from another site is refused; a request
without either header does not come from a browser, so it cannot be a forged one (the
approach of Go's `http.CrossOriginProtection`). The forms of signed-in editors and the forms
on pages of their own (contact, event proposal) keep Django's token.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
SAME_SITE_FETCHES = ("same-origin", "none")  # "none": typed by the user, a bookmark


def is_cross_site(request: HttpRequest) -> bool:
    """Whether a browser says this request was sent by a page of another site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site not in SAME_SITE_FETCHES
    origin = request.headers.get("Origin")
    if not origin:
        return False
    own = f"{request.scheme}://{request.get_host()}"
    return origin != own and origin not in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])


def refuse_cross_site_posts(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Accepts posts without a CSRF token (the form's page may be cached) and refuses those
    a browser sent from another site."""

    @wraps(view)
    def checked_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in SAFE_METHODS and is_cross_site(request):
            return HttpResponseForbidden(
                gettext("Ce formulaire ne peut être envoyé que depuis le site de la ville.")
            )
        return view(request, *args, **kwargs)

    return csrf_exempt(checked_view)
