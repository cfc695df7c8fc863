from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accessibility import views as accessibility_views
from core import page_cache
from ops.health import health
from search import views as search_views

from .api import api_router

urlpatterns = [
    # For load balancers and monitoring: outside the language prefixes, never cached.
    path("health/", health, name="health"),
    path("admin/2fa/", include("accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/search/", search_views.search_api, name="search_api"),
    path("api/v2/", api_router.urls),
    path(
        "api/ecoconception/mesures.csv",
        accessibility_views.measurements_csv,
        name="eco_measurements_csv",
    ),
    # Providers' tracking webhooks: django-anymail's, checked for a signature or basic auth
    # and refusing unreadable bodies with a 400 (newsletters/webhooks.py).
    path("anymail/", include("newsletters.webhooks")),
    # SMS gateways' delivery receipts and STOP replies (newsletters/sms_webhooks.py).
    path("sms/webhooks/", include("newsletters.sms_webhooks")),
    path("sitemap.xml", page_cache.cacheable(sitemap), name="sitemap"),
    path(
        "robots.txt",
        cache_control(max_age=86400)(
            TemplateView.as_view(template_name="robots.txt", content_type="text/plain")
        ),
        name="robots",
    ),
]

if getattr(settings, "COMMUNE_SERVE_MEDIA_IMAGES", False):
    # Development and the demo, which have no web server in front. Image originals and
    # renditions only: document files are served by Wagtail's document view
    # (/documents/<id>/<name>), which applies their collection's privacy.
    media = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(
            rf"^{media}(?P<path>(original_images|images)/.*)$",
            serve,
            {"document_root": Path(settings.MEDIA_ROOT)},
        )
    ]

# French is served without prefix; translations under /en/, /nl/.
urlpatterns += i18n_patterns(
    path(_("recherche/"), search_views.results_page, name="search"),
    path(_("lettres/"), include("newsletters.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
