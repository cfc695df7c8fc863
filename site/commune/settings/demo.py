"""The demo as a town runs its site: the development database and services (SQLite,
MailDev, the local Meilisearch), served by gunicorn with DEBUG off, static files through
WhiteNoise (hashed, compressed) and the full-page cache on, in a cache every process of the
demo shares. `make demo` uses these settings; `manage.py runserver` keeps the dev ones."""

from . import base
from .dev import *  # noqa: F403

DEBUG = False
# Production's static files: hashed names and precompressed copies (collectstatic).
STORAGES = base.STORAGES
MIDDLEWARE = base.MIDDLEWARE
COMMUNE_PAGE_CACHE = True
# No web server in front of the demo: Django serves the images (never the documents, which
# go through Wagtail's view and their collection's privacy).
COMMUNE_SERVE_MEDIA_IMAGES = True
