"""Requires a second factor in the Wagtail admin."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from .views import url_with_next


@cache
def open_admin_paths() -> frozenset[str]:
    """Admin URLs reachable after the password alone: signing in and out, the second-factor
    pages, and the JavaScript translations those pages load."""
    names = [
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "accounts:enrol",
        "accounts:verify",
    ]
    return frozenset(reverse(name) for name in names)


class AdminOTPRequiredMiddleware:
    """Sends admin users who have given their password but no one-time code yet to the
    verification page, or to the set-up page if they have no device. Goes after
    django_otp.middleware.OTPMiddleware, which tells whether the session is verified."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if needs_second_factor(request):
            page = "accounts:verify" if user_has_device(request.user) else "accounts:enrol"
            return redirect(url_with_next(page, request.get_full_path()))
        return self.get_response(request)


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def needs_second_factor(request: HttpRequest) -> bool:
    user = request.user
    return (
        request.path.startswith(admin_prefix())
        and request.path not in open_admin_paths()
        and user.is_authenticated
        and not user.is_verified()
        # Users who may not enter the admin get Wagtail's own refusal instead.
        and user.has_perm("wagtailadmin.access_admin")
    )
