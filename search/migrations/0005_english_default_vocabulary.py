"""The English vocabulary (search/data/synonyms-en.txt), and the groups added to the French
file since 0004, for towns that already have their groups."""

from django.db import migrations


def add_new_default_groups(apps, schema_editor):
    from search.synonyms import add_missing_default_groups

    add_missing_default_groups(apps.get_model("search", "SynonymGroup"))


class Migration(migrations.Migration):
    dependencies = [("search", "0004_larger_default_vocabulary")]

    operations = [migrations.RunPython(add_new_default_groups, migrations.RunPython.noop)]
