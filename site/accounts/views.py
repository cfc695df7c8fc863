"""Second-factor pages of the admin (set-up, verification, backup codes) and the page
shown when django-axes locks a sign-in out. Like Wagtail's own views, the second-factor
pages are for signed-in admin users and speak the admin language each user chose."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import urlencode, urlsplit

import segno
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import get_user_login_form, password_reset_enabled

from .devices import (
    confirm_app_device,
    grouped,
    pending_app_device,
    remaining_backup_codes,
    replace_backup_codes,
)
from .forms import EnrolForm, VerifyForm
from .pages import is_page_url

# New backup codes wait here between the POST that makes them and the page that shows
# them once.
NEW_CODES_SESSION_KEY = "accounts_new_backup_codes"


def url_with_next(view_name: str, next_url: str) -> str:
    return f"{reverse(view_name)}?{urlencode({'next': next_url})}"


def next_url(request: HttpRequest) -> str:
    """Where to go once done: the page the user asked for, if it is a page of this site
    (never an icon sprite, a script or JSON that a page fetched)."""
    candidate = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) and is_page_url(urlsplit(candidate).path):
        return candidate
    return reverse("wagtailadmin_home")


def complete_sign_in(request: HttpRequest, device: Device) -> None:
    otp_login(request, device)
    # The session now grants more than a password does: give it a new key.
    request.session.cycle_key()


def qr_code(device: TOTPDevice) -> SafeString:
    """The set-up link as an inline SVG: no script, no image request to a third party."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", svgclass="otp-qr-code"
    )
    return format_html(
        '<div role="img" aria-label="{}">{}</div>',
        _("QR code à scanner avec votre application d'authentification"),
        mark_safe(svg),  # segno's own markup, built from the device's URL
    )


@never_cache
@require_admin_access
def enrol(request: HttpRequest) -> HttpResponse:
    user = request.user
    next_page = next_url(request)
    if user_has_device(user) and not user.is_verified():
        # A password alone must never be enough to replace someone's second factor.
        return redirect(url_with_next("accounts:verify", next_page))
    device = pending_app_device(user)
    form = EnrolForm(device, data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        request.session[NEW_CODES_SESSION_KEY] = confirm_app_device(device)
        complete_sign_in(request, device)
        return redirect(url_with_next("accounts:backup_codes", next_page))
    context = {
        "form": form,
        "next": next_page,
        "qr_code": qr_code(device),
        "secret": grouped(b32encode(device.bin_key).decode(), 4),
        "replacing": user.is_verified(),
    }
    return render(request, "accounts/enrol.html", context)


@never_cache
@require_admin_access
def verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    next_page = next_url(request)
    if user.is_verified():
        return redirect(next_page)
    if not user_has_device(user):
        return redirect(url_with_next("accounts:enrol", next_page))
    form = VerifyForm(user, data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        complete_sign_in(request, form.device)
        if isinstance(form.device, StaticDevice):
            warn_backup_code_used(request)
        return redirect(next_page)
    return render(request, "accounts/verify.html", {"form": form, "next": next_page})


def warn_backup_code_used(request: HttpRequest) -> None:
    remaining = remaining_backup_codes(request.user)
    messages.warning(
        request,
        _(
            "Code de secours utilisé : il vous en reste %(count)d. Pour en générer de "
            "nouveaux : « Compte », onglet « Plus d'actions », « Double authentification »."
        )
        % {"count": remaining},
    )


@never_cache
@require_admin_access
def backup_codes(request: HttpRequest) -> HttpResponse:
    """Shows new backup codes once, or how many are left with a button to renew them."""
    next_page = next_url(request)
    # Not left to the middleware alone: these codes are a second factor themselves.
    if not request.user.is_verified():
        return redirect(url_with_next("accounts:verify", next_page))
    if request.method == "POST":
        request.session[NEW_CODES_SESSION_KEY] = replace_backup_codes(request.user)
        return redirect(url_with_next("accounts:backup_codes", next_page))
    new_codes = request.session.pop(NEW_CODES_SESSION_KEY, [])
    context = {
        "new_codes": [grouped(code, 5) for code in new_codes],
        "remaining": remaining_backup_codes(request.user),
        "next": next_page,
    }
    return render(request, "accounts/backup_codes.html", context)


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): Wagtail's sign-in page with the
    reason, rather than a bare error."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    messages.error(
        request,
        ngettext(
            "Trop de tentatives de connexion échouées : par sécurité, la connexion à ce "
            "compte depuis votre réseau est bloquée pendant %(minutes)d minute. Réessayez "
            "plus tard, ou demandez à un administrateur du site de la débloquer.",
            "Trop de tentatives de connexion échouées : par sécurité, la connexion à ce "
            "compte depuis votre réseau est bloquée pendant %(minutes)d minutes. Réessayez "
            "plus tard, ou demandez à un administrateur du site de la débloquer.",
            minutes,
        )
        % {"minutes": minutes},
    )
    form = get_user_login_form()(request)
    context = {
        "form": form,
        "next": request.POST.get("next", ""),
        "show_password_reset": password_reset_enabled(),
    }
    return render(
        request, "wagtailadmin/login.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
