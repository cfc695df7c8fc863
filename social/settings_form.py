"""The admin form of the town's social accounts (SocialSettings.base_form_class).

Secrets are write-only: each has a password field that starts empty and says whether a value
is stored; typing a value replaces it, leaving it empty keeps it. An enabled account must
have what it needs to post (unless the site is in demonstration mode)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .vault import REQUIRED_SECRETS, SECRET_NAMES, merged, open_vault

SECRET_LABELS = {
    "consumer_key": _("clé d'API (API key)"),
    "consumer_secret": _("secret d'API (API key secret)"),
    "access_token": _("jeton d'accès"),
    "access_token_secret": _("secret du jeton d'accès"),
    "page_access_token": _("jeton d'accès de la page"),
    "refresh_token": _("jeton de renouvellement"),
    "client_id": _("identifiant de l'application"),
    "client_secret": _("secret de l'application"),
    "app_password": _("mot de passe d'application"),
}
# What else an enabled account needs, by network: the setting's own fields.
REQUIRED_FIELDS = {
    "x": (),
    "facebook": ("facebook_page_id",),
    "linkedin": ("linkedin_organisation",),
    "mastodon": ("mastodon_instance_url",),
    "bluesky": ("bluesky_handle", "bluesky_pds_url"),
}


def secret_field_name(network: str, name: str) -> str:
    return f"{network}_secret_{name}"


def secret_field(name: str) -> forms.CharField:
    """A write-only field: it starts empty and never shows the stored value."""
    return forms.CharField(
        label=SECRET_LABELS[name],
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )


class BaseSocialSettingsForm(WagtailAdminModelForm):
    """The social accounts as the webmaster edits them (the secrets' fields are added
    below, one per network and secret)."""

    linkedin_token_expires = forms.DateField(
        label=_("le jeton LinkedIn expire le"),
        required=False,
        help_text=_("LinkedIn indique cette date (60 jours après la création du jeton)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored = open_vault(self.instance.vault)
        for network, names in SECRET_NAMES.items():
            for name in names:
                stored = bool(self.stored.get(network, {}).get(name))
                self.fields[secret_field_name(network, name)].help_text = (
                    _("Enregistré. Laissez vide pour le garder.") if stored else _("Non renseigné.")
                )
        expires = self.stored.get("linkedin", {}).get("expires_at", "")
        self.fields["linkedin_token_expires"].initial = expires[:10] or None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("demo_mode"):
            return cleaned
        for network, names in REQUIRED_SECRETS.items():
            if not cleaned.get(f"{network}_enabled"):
                continue
            for field in REQUIRED_FIELDS[network]:
                if not cleaned.get(field):
                    self.add_error(field, _("Nécessaire pour publier sur ce réseau."))
            for name in names:
                given = cleaned.get(secret_field_name(network, name))
                if not given and not self.stored.get(network, {}).get(name):
                    self.add_error(
                        secret_field_name(network, name),
                        _("Nécessaire pour publier sur ce réseau."),
                    )
        return cleaned

    def save(self, commit=True):
        sealed = self.instance.vault
        for network, names in SECRET_NAMES.items():
            given = {
                name: self.cleaned_data[secret_field_name(network, name)]
                for name in names
                if self.cleaned_data.get(secret_field_name(network, name))
            }
            if network == "linkedin":
                expires = self.cleaned_data.get("linkedin_token_expires")
                given["expires_at"] = expires.isoformat() if expires else ""
            if given:
                sealed = merged(sealed, network, given)
        self.instance.vault = sealed
        return super().save(commit)


SocialSettingsForm = type(
    "SocialSettingsForm",
    (BaseSocialSettingsForm,),
    {
        secret_field_name(network, name): secret_field(name)
        for network, names in SECRET_NAMES.items()
        for name in names
    },
)
