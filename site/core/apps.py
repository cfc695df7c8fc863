from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Socle du site"

    def ready(self) -> None:
        from . import i18n  # noqa: F401 - connects the locale cache signals
