"""Local demo settings: SQLite, console e-mail, debug."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - development only
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# The console unless told otherwise: `make demo` sends to MailDev (scripts/demo.sh).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# A new dict rather than an edit in place: base.STORAGES keeps the production storage.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# runserver serves static files itself; WhiteNoise is for production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
# One cache for the demo's processes (web server, worker, scheduler): what one of them
# invalidates on a publication, the others must not keep. Image renditions only ever
# appear, and are many per page: they stay in each process's memory.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache",  # noqa: F405
        "KEY_PREFIX": CACHE_KEY_PREFIX,  # noqa: F405
    },
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

# The demo town (site/demo): development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
# Templates and code change under a developer's eyes: no page cache unless asked for
# (`make demo` serves through commune.settings.demo, which turns it on).
COMMUNE_PAGE_CACHE = os.environ.get("COMMUNE_PAGE_CACHE", "0") == "1"
# Django serves the images itself (a town's web server does in production).
COMMUNE_SERVE_MEDIA_IMAGES = True
