"""gunicorn settings of a web node: `gunicorn -c deploy/gunicorn.conf.py commune.wsgi …`
(make demo, benchmarks/page_load.py and docs/deploy.md use it)."""

import gc


def post_worker_init(worker) -> None:
    """Once the worker has loaded Django, Wagtail and the site, their objects live as long
    as the worker: frozen out of the garbage collector's reach, a full collection no longer
    walks them. Unfrozen, one took about 140 ms every few hundred requests, which readers
    saw as the slowest pages."""
    gc.freeze()
