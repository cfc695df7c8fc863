"""How many SQL queries a page view costs, for tests that compare pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_per_view(client, pages) -> list[int]:
    """The queries each page's view costs once what it keeps (caches, renditions) is warm."""
    for page in pages:
        client.get(page.url)
    counts = []
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts.append(len(queries))
    return counts
