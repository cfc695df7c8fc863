from django.db import migrations


def load_default_synonyms(apps, schema_editor):
    from search.synonyms import DEFAULT_LISTS, default_groups

    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for language_code in DEFAULT_LISTS:
        SynonymGroup.objects.bulk_create(
            SynonymGroup(terms=terms, language_code=language_code)
            for terms in default_groups(language_code)
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(load_default_synonyms, migrations.RunPython.noop)]
