from django.apps import AppConfig


class AccessibilityConfig(AppConfig):
    name = "accessibility"
    verbose_name = "Accessibilité et écoconception"
