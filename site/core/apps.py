from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Socle du site"

    def ready(self) -> None:
        # Importing the layout imports core.i18n and core.privacy too, whose cache receivers
        # connect themselves.
        from . import layout

        layout.connect()
