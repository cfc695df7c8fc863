"""An index on Wagtail's page tree by depth, then path.

Wagtail and treebeard find a page's children with `depth = n AND path BETWEEN …` (or LIKE
'prefix%'), and the header menu lists the sections at depth 3; without an index on depth,
every such query reads the whole page table. Wagtail's model declares none, so it is added
here, under a name of our own, in plain SQL that SQLite and PostgreSQL both accept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX commune_page_depth_path ON wagtailcore_page (depth, path)",
            reverse_sql="DROP INDEX commune_page_depth_path",
        ),
    ]
