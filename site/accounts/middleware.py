"""Requires a second factor in the Wagtail admin."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import user_has_device

from .pages import is_open_view, is_page_request, resolve_path
from .views import url_with_next


class AdminOTPRequiredMiddleware:
    """Sends admin users who have given their password but no one-time code yet to the
    verification page, or to the set-up page if they have no device. Only the pages a
    person opens are redirected; what those pages fetch (icons, scripts, JSON, fragments)
    is refused with a 403, never answered with the verification form. Goes after
    django_otp.middleware.OTPMiddleware, which tells whether the session is verified."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not needs_second_factor(request):
            return self.get_response(request)
        match = resolve_path(request.path_info)
        if is_open_view(match):
            return self.get_response(request)
        if not is_page_request(request, match):
            return HttpResponseForbidden(
                _("Double authentification requise."), content_type="text/plain; charset=utf-8"
            )
        page = "accounts:verify" if user_has_device(request.user) else "accounts:enrol"
        return redirect(url_with_next(page, request.get_full_path()))


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def needs_second_factor(request: HttpRequest) -> bool:
    user = request.user
    return (
        request.path.startswith(admin_prefix())
        and user.is_authenticated
        and not user.is_verified()
        # Users who may not enter the admin get Wagtail's own refusal instead.
        and user.has_perm("wagtailadmin.access_admin")
    )
