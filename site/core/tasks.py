"""Background work of the core app."""

from __future__ import annotations

from django_tasks import task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from . import page_cache


@task()
def purge_every_page_from_proxies() -> None:
    """Every live page's URL, and the sitemap, purged from the reverse proxies after a change
    that shows on every page (an alert, the town's settings…). On a town's site that is
    thousands of URLs to work out: done here, not while the editor waits for the save."""
    proxies = page_cache.proxy_backends()
    if not proxies:
        return
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().specific(defer=True))
    batch.add_urls(page_cache.sitemap_urls())
    batch.purge(backends=proxies)
