"""The data side of the social crash tests, run inside `manage.py shell` against the
workers' fresh database (the test process has its own): the site's accounts pointed at the
test's fakes, news items published (their posts enqueued for the workers), and a summary of
the post rows."""

from __future__ import annotations

import json
from collections import Counter

from django.db.models import Q
from django_tasks_db.models import DBTaskResult
from wagtail.models import Site

from news.models import NewsIndexPage
from social.models import SocialPost
from social.tasks import enqueue_post, post_to_network
from tests.factories import ImageFactory
from tests.social.factories import NewsPageFactory
from tests.social.fake_networks import configure_accounts

Status = SocialPost.Status


def publish_news(accounts: str, count: int, enqueue_twice: bool = False) -> None:
    """Point the site's accounts at the fakes (`accounts`: FakeNetworks.accounts() as
    JSON) and publish `count` news items, every other one with an image, in a database
    emptied of the previous test's posts and tasks. Publishing enqueues one task per post;
    `enqueue_twice` enqueues each once more, as the scheduler does for a task it thinks
    lost, so that two workers may run the same post at once."""
    DBTaskResult.objects.all().delete()
    SocialPost.objects.all().delete()
    site = Site.objects.get(is_default_site=True)
    configure_accounts(site, json.loads(accounts))
    index = news_index(site)
    for page in index.get_children():
        page.delete()
    for n in range(1, count + 1):
        NewsPageFactory(parent=index, title=f"Crue de la Lys : bulletin n° {n}", body=body(n))
    if enqueue_twice:
        for pk in SocialPost.objects.values_list("pk", flat=True):
            enqueue_post(pk)


def news_index(site: Site) -> NewsIndexPage:
    """The site's news index, created under its home page the first time."""
    index = NewsIndexPage.objects.first()
    if index is None:
        index = NewsIndexPage(title="Actualités", slug="actualites")
        site.root_page.add_child(instance=index)
        index.save_revision().publish()
    return index


def body(n: int) -> list[dict]:
    """An image with its alt text for even items (more calls per post: an upload before
    it), nothing for odd ones (a link card)."""
    if n % 2:
        return []
    image = ImageFactory(size=(400, 300))
    alt = f"La Lys en crue, photo {n}"
    return [{"type": "image", "value": {"image": image.pk, "alt_text": alt, "decorative": False}}]


def summary() -> None:
    """Print the post rows (network, link, status, text), how many are still open (waiting
    for an attempt or for the network to be asked), and what the post tasks returned, with
    how many workers ran them, as JSON."""
    rows = SocialPost.objects.order_by("network", "link")
    still_open = rows.filter(
        Q(status__in=[Status.PENDING, Status.SENDING])
        | Q(status=Status.UNKNOWN, next_attempt_at__isnull=False)
    )
    tasks = DBTaskResult.objects.filter(task_path=post_to_network.module_path)
    finished = tasks.exclude(return_value=None)
    workers = {worker for ids in finished.values_list("worker_ids", flat=True) for worker in ids}
    print(
        json.dumps(
            {
                "rows": list(rows.values_list("network", "link", "status", "text")),
                "open": still_open.count(),
                "tasks": Counter(finished.values_list("return_value", flat=True)),
                "workers": len(workers),
            }
        )
    )
