from django.db import migrations


def add_new_default_groups(apps, schema_editor):
    from search.synonyms import add_missing_default_groups

    add_missing_default_groups(apps.get_model("search", "SynonymGroup"))


class Migration(migrations.Migration):
    dependencies = [("search", "0003_alter_synonymgroup_options")]

    operations = [migrations.RunPython(add_new_default_groups, migrations.RunPython.noop)]
