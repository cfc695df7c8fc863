from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request: HttpRequest) -> dict[str, str]:
    return {
        "url": reverse("accounts:backup_codes"),
        "label": _("Double authentification"),
        "help_text": _("Codes de secours, changement d'application d'authentification."),
    }
