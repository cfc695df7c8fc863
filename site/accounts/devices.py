"""The OTP devices of a user: the authenticator app (TOTP) and the backup codes."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

BACKUP_CODE_COUNT = 10
# Ten digits: typed on the same numeric keypad as app codes, yet never mistaken for one
# (those have six), and about as hard to guess as django-otp's own 8-letter tokens.
BACKUP_CODE_DIGITS = 10
TOTP_CODE_DIGITS = 6
APP_DEVICE_NAME = "Application d'authentification"
BACKUP_DEVICE_NAME = "Codes de secours"


def new_backup_code() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(BACKUP_CODE_DIGITS))


@transaction.atomic
def replace_backup_codes(user: AbstractBaseUser, codes: Iterable[str] | None = None) -> list[str]:
    """Gives `user` a fresh set of backup codes (random unless `codes` is given); the
    previous ones stop working."""
    if codes is None:
        codes = [new_backup_code() for _ in range(BACKUP_CODE_COUNT)]
    codes = list(codes)
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_backup_codes(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def pending_app_device(user: AbstractBaseUser) -> TOTPDevice:
    """The authenticator app being set up: the same secret until it is confirmed, so that
    reloading the page does not invalidate a QR code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def confirm_app_device(device: TOTPDevice) -> list[str]:
    """Makes `device` the user's only authenticator app and returns new backup codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return replace_backup_codes(device.user)


def grouped(text: str, size: int) -> str:
    """Splits a code or secret into short groups that are easier to copy by hand."""
    return " ".join(text[i : i + size] for i in range(0, len(text), size))
