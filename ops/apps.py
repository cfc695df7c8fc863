from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: `backup` and `restore` commands and the health endpoint; no models."""

    name = "ops"
    label = "ops"
    verbose_name = "Exploitation"
