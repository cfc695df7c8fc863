from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialConfig(AppConfig):
    name = "social"
    verbose_name = _("Réseaux sociaux")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from .publishing import share_published_page

        # Publishing a news item (or an event its editor ticked) posts it on each network.
        page_published.connect(share_published_page, dispatch_uid="social.share")
