from django.apps import AppConfig


class AccessibilityConfig(AppConfig):
    name = "accessibility"
    verbose_name = "Accessibilité et écoconception"

    def ready(self) -> None:
        from core.layout import forget_site_wide_on_change

        from .models import AccessibilityAudit

        # Every page's footer gives the status of the latest audit.
        forget_site_wide_on_change(AccessibilityAudit)
