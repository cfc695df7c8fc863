"""Test settings: the database comes from DATABASE_URL (PostgreSQL in CI) or SQLite."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105 - tests only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "locmem"
# A new dict rather than an edit in place: base.STORAGES keeps the production storage.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "KEY_PREFIX": CACHE_KEY_PREFIX,  # noqa: F405
    }
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
MEILISEARCH_URL = "http://127.0.0.1:9"  # nothing listens: tests that search start their own server
# The demo town (site/demo), which the tests load: development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
SOCIAL_STAND_IN = "locmem"  # no test reaches a network: fakes opt out with settings
# Pages are rendered afresh in tests; the page cache's own tests turn it on.
COMMUNE_PAGE_CACHE = False
