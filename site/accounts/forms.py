"""Forms that check a one-time code. Devices are locked while a code is tried so that
django-otp's throttling (a delay doubling after each wrong code) also holds against
concurrent attempts."""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import TYPE_CHECKING

from django import forms
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .devices import TOTP_CODE_DIGITS

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


def try_code(devices: QuerySet, code: str) -> tuple[Device | None, datetime | None]:
    """Returns the device that accepts `code`, or, when a device refused to check it
    because of earlier wrong codes, when trying again will be allowed."""
    retry_at = None
    # Errors are raised outside the transaction: rolling it back would erase the failure
    # counts that throttling relies on.
    with transaction.atomic():
        for device in devices.select_for_update():
            allowed, details = device.verify_is_allowed()
            if not allowed:
                locked_until = (details or {}).get("locked_until") or timezone.now()
                retry_at = max(retry_at or locked_until, locked_until)
            elif device.verify_token(code):
                return device, None
    return None, retry_at


def throttled_error(retry_at: datetime) -> forms.ValidationError:
    seconds = max(1, math.ceil((retry_at - timezone.now()).total_seconds()))
    message = ngettext(
        "Trop de codes erronés : patientez %(seconds)d seconde avant de réessayer.",
        "Trop de codes erronés : patientez %(seconds)d secondes avant de réessayer.",
        seconds,
    )
    return forms.ValidationError(message, code="throttled", params={"seconds": seconds})


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code de vérification"),
        max_length=32,
        error_messages={"required": _("Saisissez le code.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self) -> str:
        # Spaces and dashes are accepted: backup codes are displayed in groups.
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]+", code):
            raise forms.ValidationError(
                _("Le code ne contient que des chiffres."), code="not_digits"
            )
        return code


class EnrolForm(CodeForm):
    """Confirms that the user's authenticator app shows the codes of `device`."""

    def __init__(self, device: TOTPDevice, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.device = device
        self.fields["code"].help_text = _("Les 6 chiffres affichés par l'application.")

    def clean_code(self) -> str:
        code = super().clean_code()
        if len(code) != TOTP_CODE_DIGITS:
            raise forms.ValidationError(
                _("Le code de l'application compte 6 chiffres."), code="length"
            )
        device, retry_at = try_code(TOTPDevice.objects.filter(pk=self.device.pk), code)
        if retry_at:
            raise throttled_error(retry_at)
        if device is None:
            raise forms.ValidationError(
                _(
                    "Ce code est incorrect ou a expiré. Saisissez le code affiché en ce "
                    "moment par l'application ; si l'erreur persiste, vérifiez que "
                    "l'heure du téléphone est à l'heure automatique."
                ),
                code="invalid",
            )
        return code


class VerifyForm(CodeForm):
    """Signs the user in with a code of their authenticator app or a backup code."""

    def __init__(self, user: AbstractBaseUser, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.device: Device | None = None
        self.fields["code"].help_text = _(
            "Les 6 chiffres affichés par votre application d'authentification, "
            "ou l'un de vos codes de secours (10 chiffres)."
        )

    def clean_code(self) -> str:
        code = super().clean_code()
        # Six digits come from the app; anything else can only be a backup code. Trying
        # only the right kind keeps a backup code from counting as a wrong app code.
        model = TOTPDevice if len(code) == TOTP_CODE_DIGITS else StaticDevice
        devices = model.objects.filter(user=self.user, confirmed=True)
        self.device, retry_at = try_code(devices, code)
        if retry_at:
            raise throttled_error(retry_at)
        if self.device is None:
            raise forms.ValidationError(
                _(
                    "Ce code est incorrect, a expiré ou a déjà été utilisé. Saisissez le "
                    "code affiché en ce moment par votre application, ou un code de "
                    "secours que vous n'avez pas encore utilisé."
                ),
                code="invalid",
            )
        return code
