"""Settings shared by every environment. Secrets and deployment facts come from the environment."""

import os
from datetime import timedelta
from decimal import Decimal
from importlib.metadata import version as package_version
from ipaddress import ip_network
from pathlib import Path

import dj_database_url

from core.static_files import add_static_headers

PROJECT_DIR = Path(__file__).resolve().parents[3]  # the repository root
SITE_DIR = PROJECT_DIR / "site"
VAR_DIR = Path(os.environ.get("COMMUNE_VAR_DIR", PROJECT_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

# The public site's content domains: each depends on core only (tests/test_architecture.py).
CONTENT_APPS = [
    "home",
    "profiles",
    "news",
    "events",
    "procedures",
    "places",
    "directory",
    "publications",
]

INSTALLED_APPS = [
    "core",
    *CONTENT_APPS,
    "accounts",
    "search",
    "notifications",
    "newsletters",
    "social",
    "alerts",
    "accessibility",
    "ops",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.typed_table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "anymail",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages, whole, from the shared cache (core.page_cache): outside the
    # compression and ETag middlewares, so a stored page is served as it was sent.
    "core.page_cache.PageCacheMiddleware",
    # What a render reads from the shared cache (private sections, town settings, the
    # layout…) is read once per request (core.cached), not at each use.
    "core.cached.ReadOncePerRequestMiddleware",
    # Sober pages: HTML is compressed and carries an ETag, so an unchanged page costs a 304.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.AdminOTPRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "commune.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "commune.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'commune.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server, the task worker and the scheduler share the file: in WAL mode readers
    # never wait for a writer, a write commits without a full sync (durable at checkpoints),
    # and IMMEDIATE transactions take the write lock up front instead of failing half-way.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses locked-out sign-ins before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French is the source language.
LANGUAGE_CODE = "fr"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("nl", "Nederlands"),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [SITE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / "static"
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("COMMUNE_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names, each file also written gzip- and brotli-compressed (whitenoise[brotli]).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Hashed static files are cached for one year (eco-design requirement), not WhiteNoise's ten.
WHITENOISE_ADD_HEADERS_FUNCTION = add_static_headers

# The town's name until an editor sets it in the town's settings (core.TownSettings), and
# the name of the admin and of the sign-in codes (OTP_TOTP_ISSUER).
COMMUNE_TOWN_NAME = os.environ.get("COMMUNE_TOWN_NAME", "Ma commune")
# The editors' guide the admin's help menu serves (French, Markdown).
COMMUNE_EDITORS_GUIDE = PROJECT_DIR / "docs" / "guide-editeurs.md"

# Wagtail
WAGTAIL_SITE_NAME = COMMUNE_TOWN_NAME
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, fed words only (search/backends/database.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
# Uploads (core.uploads): each document extension has a check of the file's content there.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("COMMUNE_DOCUMENT_MAX_UPLOAD_MB", "20")) * 2**20
# No SVG: an SVG can carry scripts. Wagtail checks that the content matches the extension.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("COMMUNE_IMAGE_MAX_UPLOAD_MB", "10")) * 2**20
# Documents are always streamed by Wagtail's document view, which applies their collection's
# privacy, never redirected to the storage's own URL (public on remote storages too).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# The RGAA audit's admin form posts its 106-criterion grid, about 15 fields a row: Django's
# default limit of 1,000 fields would refuse it.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2500
# No request from the admin to an outside service: editors' avatars are not fetched from
# Gravatar (Wagtail shows its default avatar, or the one uploaded in the account).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does an administrator's dashboard ask releases.wagtail.org for Wagtail's latest version:
# upgrading is the hosting team's job (`make audit` reports vulnerable packages, deploy.md).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Slugs in plain ASCII: "Nuit des musées" gives nuit-des-musees, not an address with %C3%A9.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

# Meilisearch (public search). The dev default key is only for the local server that
# `make demo` and the tests start; production.py requires real values from the environment.
MEILISEARCH_URL = os.environ.get("MEILISEARCH_URL", "http://127.0.0.1:7700")
MEILISEARCH_API_KEY = os.environ.get("MEILISEARCH_API_KEY", "commune-dev-master-key-not-secret")
MEILISEARCH_TIMEOUT = float(os.environ.get("MEILISEARCH_TIMEOUT", "1.0"))  # seconds
# Workers may wait longer than a resident's search.
MEILISEARCH_INDEXING_TIMEOUT = float(os.environ.get("MEILISEARCH_INDEXING_TIMEOUT", "30"))
MEILISEARCH_INDEX_PREFIX = os.environ.get("MEILISEARCH_INDEX_PREFIX", "commune")

REST_FRAMEWORK = {
    # The open-data API is read-only and public.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Background work: every send, post and index update is a django-tasks task.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Cached values are plain data (core.cached) and their keys carry the release, so a new
# release never reads what an older one wrote. Deployers may set COMMUNE_RELEASE (a tag or a
# commit) for a fresh start at every deploy.
COMMUNE_RELEASE = os.environ.get("COMMUNE_RELEASE") or package_version("commune")
CACHE_KEY_PREFIX = f"commune-{COMMUNE_RELEASE}"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "commune_cache",
        "KEY_PREFIX": CACHE_KEY_PREFIX,
    }
}

# Full-page cache for anonymous readers (core.page_cache), purged when content changes
# through Wagtail's frontend cache, whose backends are this cache and, when
# COMMUNE_PROXY_PURGE_URL is set, a reverse proxy that accepts PURGE requests (Varnish,
# see docs/deploy.md). COMMUNE_PAGE_CACHE_SECONDS bounds what no save announces (pages
# listing events expire when the first of them is over).
COMMUNE_PAGE_CACHE = os.environ.get("COMMUNE_PAGE_CACHE", "1") == "1"
COMMUNE_PAGE_CACHE_SECONDS = int(os.environ.get("COMMUNE_PAGE_CACHE_SECONDS", "300"))
WAGTAILFRONTENDCACHE = {"pages": {"BACKEND": "core.page_cache.PageCacheBackend"}}
if os.environ.get("COMMUNE_PROXY_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["COMMUNE_PROXY_PURGE_URL"],
    }
# Purges name every translation's own URL: no rewriting of language prefixes.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

# E-mail leaves through a town's SMTP relay (Django's SMTP backend) or through a provider's
# API with one of django-anymail's backends, e.g. anymail.backends.brevo.EmailBackend.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# django-anymail's settings come from ANYMAIL_* variables: ANYMAIL_WEBHOOK_SECRET (the
# "user:password" providers send with their tracking webhooks; without it the webhooks
# refuse every post) and the provider's keys (ANYMAIL_BREVO_API_KEY…). See docs/deploy.md.
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_")
}
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ne-pas-repondre@localhost")

# Newsletters. The sending account's rate (mails per second and per hour), the sender shown
# to residents, and how long a sign-up's confirmation link lives (days).
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
NEWSLETTER_REPLY_TO = os.environ.get("NEWSLETTER_REPLY_TO", "")
NEWSLETTER_MAILS_PER_SECOND = float(os.environ.get("NEWSLETTER_MAILS_PER_SECOND", "50"))
NEWSLETTER_MAILS_PER_HOUR = int(os.environ.get("NEWSLETTER_MAILS_PER_HOUR", "100000"))
NEWSLETTER_CONFIRMATION_DAYS = int(os.environ.get("NEWSLETTER_CONFIRMATION_DAYS", "7"))
# The e-mail backend campaigns go through; empty: EMAIL_BACKEND (Django's SMTP backend is
# then replaced by newsletters.mail.SMTPBackend, which reports the point of no return).
NEWSLETTER_EMAIL_BACKEND = os.environ.get("NEWSLETTER_EMAIL_BACKEND", "")
# A worker's claim on a batch of deliveries lasts this long (seconds) without news from it;
# then another worker may take the rows it had not handed over yet.
NEWSLETTER_CLAIM_LEASE = float(os.environ.get("NEWSLETTER_CLAIM_LEASE", "120"))
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "200"))
# A refused mail (4xx) is retried after this many seconds, doubled at each attempt.
NEWSLETTER_RETRY_BASE = float(os.environ.get("NEWSLETTER_RETRY_BASE", "60"))
# Send tasks working on one campaign at once (each holds one SMTP connection).
NEWSLETTER_PARALLEL_SENDERS = int(os.environ.get("NEWSLETTER_PARALLEL_SENDERS", "2"))
# The mailbox that receives mailto: unsubscribe requests (List-Unsubscribe).
NEWSLETTER_UNSUBSCRIBE_MAILTO = os.environ.get("NEWSLETTER_UNSUBSCRIBE_MAILTO", "")
# Where an uploaded contact list waits between its dry run and its import (empty: a folder
# in the system's temporary directory; give a shared one when several web servers serve
# the admin).
NEWSLETTER_IMPORT_DIR = os.environ.get("NEWSLETTER_IMPORT_DIR", "")

# SMS campaigns leave through one gateway (connectors.sms): "brevo", "ovh", "twilio", or
# "console" (printed, for development). Its credentials come from the environment.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "console")
SMS_BREVO_API_KEY = os.environ.get("SMS_BREVO_API_KEY", "")
SMS_BREVO_API_URL = os.environ.get("SMS_BREVO_API_URL", "https://api.brevo.com")
SMS_OVH_APPLICATION_KEY = os.environ.get("SMS_OVH_APPLICATION_KEY", "")
SMS_OVH_APPLICATION_SECRET = os.environ.get("SMS_OVH_APPLICATION_SECRET", "")
SMS_OVH_CONSUMER_KEY = os.environ.get("SMS_OVH_CONSUMER_KEY", "")
SMS_OVH_SERVICE_NAME = os.environ.get("SMS_OVH_SERVICE_NAME", "")  # sms-xx12345-1
SMS_OVH_API_URL = os.environ.get("SMS_OVH_API_URL", "https://eu.api.ovh.com/1.0")
SMS_OVH_BATCH = int(os.environ.get("SMS_OVH_BATCH", "500"))  # receivers per OVH job
SMS_TWILIO_ACCOUNT_SID = os.environ.get("SMS_TWILIO_ACCOUNT_SID", "")
SMS_TWILIO_AUTH_TOKEN = os.environ.get("SMS_TWILIO_AUTH_TOKEN", "")
SMS_TWILIO_API_URL = os.environ.get("SMS_TWILIO_API_URL", "https://api.twilio.com")
# The status callback URL given to Twilio with each message (empty: the account's default).
SMS_TWILIO_STATUS_CALLBACK = os.environ.get("SMS_TWILIO_STATUS_CALLBACK", "")
# The secret in the delivery-report URLs given to Brevo and OVH, which sign nothing.
SMS_WEBHOOK_SECRET = os.environ.get("SMS_WEBHOOK_SECRET", "")
# Seconds to wait for a gateway's answer; calls in flight at once; retries of a call the
# gateway refused with 429 or 5xx, and the longest wait (seconds) before one.
SMS_TIMEOUT = float(os.environ.get("SMS_TIMEOUT", "10"))
SMS_CONCURRENCY = int(os.environ.get("SMS_CONCURRENCY", "32"))
# Delivery rows a send task claims at a time; a worker killed mid-batch leaves at most
# these with an unknown outcome.
SMS_BATCH_SIZE = int(os.environ.get("SMS_BATCH_SIZE", "400"))
SMS_MAX_RETRIES = int(os.environ.get("SMS_MAX_RETRIES", "3"))
SMS_MAX_RETRY_WAIT = float(os.environ.get("SMS_MAX_RETRY_WAIT", "30"))

# Public forms: association event proposals per client per hour.
COMMUNE_PROPOSALS_PER_HOUR = int(os.environ.get("COMMUNE_PROPOSALS_PER_HOUR", "5"))
# The reverse proxies in front of the site (addresses or networks, comma-separated): only
# for requests they pass on is the client's address read from X-Forwarded-For
# (core.net.client_address: the public forms' limits and the sign-in lockout). Parsed here
# so that a mistyped entry stops every process at start-up.
COMMUNE_TRUSTED_PROXIES = [
    str(ip_network(entry.strip(), strict=False))
    for entry in os.environ.get("COMMUNE_TRUSTED_PROXIES", "").split(",")
    if entry.strip()
]

# Backups (manage.py backup): the folder of the archives.
COMMUNE_BACKUP_DIR = Path(os.environ.get("COMMUNE_BACKUP_DIR", VAR_DIR / "backups"))
# The health endpoint calls the tasks "late" when one has waited longer (seconds).
COMMUNE_HEALTH_TASKS_MAX_WAIT = int(os.environ.get("COMMUNE_HEALTH_TASKS_MAX_WAIT", "300"))

# Editor guidance (accessibility.checks): largest original image file editors should upload.
COMMUNE_IMAGE_MAX_KB = int(os.environ.get("COMMUNE_IMAGE_MAX_KB", "300"))

# Admin sign-in: a one-time code after the password (accounts app, django-otp), and a
# lockout after repeated wrong passwords for one account from one address (django-axes).
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# The sign-in for private pages (Wagtail's /_util/login/) returns to the home page when
# its `next` is missing or points outside the site (Django's default is a missing page).
LOGIN_REDIRECT_URL = "/"
AXES_FAILURE_LIMIT = int(os.environ.get("COMMUNE_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("COMMUNE_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout_response"
# The address behind the town's reverse proxy, as the public forms' limits read it.
AXES_CLIENT_IP_CALLABLE = "core.net.client_address"
# No personal data in logs: axes logs no line per attempt (AXES_VERBOSE), and masks the
# username, address and user agent wherever it does. Only failed attempts are stored (they
# drive the lockout); successful sign-ins are not recorded.
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "user_agent"]
AXES_DISABLE_ACCESS_LOG = True

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Stays at WARNING if the root level is lowered: axes logs every sign-in at INFO.
    # notifications logs each mail's id and status (never an address) at INFO.
    "loggers": {
        "commune": {"level": "INFO"},
        "notifications": {"level": "INFO"},
        "axes": {"level": "WARNING"},
    },
}

# The admin's estimate of what an SMS campaign costs: euros before VAT per SMS segment to a
# French mobile, per gateway. Defaults to adjust to the town's contract (the providers'
# public prices for small volumes in 2026 are around these); SMS_PRICE_PER_SEGMENT in the
# environment sets the price of the active gateway (SMS_BACKEND).
SMS_PRICE_PER_SEGMENT = {
    "brevo": Decimal("0.045"),
    "ovh": Decimal("0.045"),
    "twilio": Decimal("0.075"),
    "console": Decimal("0"),
    "locmem": Decimal("0"),
}
if os.environ.get("SMS_PRICE_PER_SEGMENT"):
    SMS_PRICE_PER_SEGMENT[SMS_BACKEND] = Decimal(os.environ["SMS_PRICE_PER_SEGMENT"])

# Social networks (connectors.social). Accounts are set per site in the admin ("Réseaux
# sociaux"); their secrets are stored encrypted with SOCIAL_SECRETS_KEY (see docs/deploy.md).
SOCIAL_TIMEOUT = float(os.environ.get("SOCIAL_TIMEOUT", "15"))
SOCIAL_X_API_URL = os.environ.get("SOCIAL_X_API_URL", "https://api.x.com")
SOCIAL_FACEBOOK_GRAPH_URL = os.environ.get(
    "SOCIAL_FACEBOOK_GRAPH_URL", "https://graph.facebook.com/v23.0"
)
SOCIAL_LINKEDIN_API_URL = os.environ.get("SOCIAL_LINKEDIN_API_URL", "https://api.linkedin.com/rest")
# LinkedIn serves each monthly API version for about a year, then answers 426: keep it recent.
SOCIAL_LINKEDIN_VERSION = os.environ.get("SOCIAL_LINKEDIN_VERSION", "202609")
# The Fernet key that encrypts the social accounts' tokens in the database (generate one with
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`);
# without it a key is derived from SECRET_KEY.
SOCIAL_SECRETS_KEY = os.environ.get("SOCIAL_SECRETS_KEY", "")
# An attempt still marked in progress after this many seconds belongs to a worker that died.
SOCIAL_LEASE_SECONDS = int(os.environ.get("SOCIAL_LEASE_SECONDS", "120"))
SOCIAL_MAX_ATTEMPTS = int(os.environ.get("SOCIAL_MAX_ATTEMPTS", "8"))
# "locmem" or "demo" makes every post go through that stand-in (tests); "" posts for real.
SOCIAL_STAND_IN = os.environ.get("SOCIAL_STAND_IN", "")
