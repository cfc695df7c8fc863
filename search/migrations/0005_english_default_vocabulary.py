"""The English vocabulary (search/data/synonyms-en.txt), and the groups added to the French
file since 0004, for towns that already have their groups."""

from django.db import migrations


def add_new_default_groups(apps, schema_editor):
    """Add the shipped groups that a town does not have yet: a group is left out when one of
    its terms is already in a group of that language, so the editors' changes win."""
    from search.models import split_terms
    from search.synonyms import DEFAULT_LISTS, default_groups

    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for language_code in DEFAULT_LISTS:
        known = {
            term
            for terms in SynonymGroup.objects.filter(language_code=language_code).values_list(
                "terms", flat=True
            )
            for term in split_terms(terms)
        }
        SynonymGroup.objects.bulk_create(
            SynonymGroup(terms=", ".join(terms), language_code=language_code)
            for terms in map(split_terms, default_groups(language_code))
            if not known.intersection(terms)
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_larger_default_vocabulary")]

    operations = [migrations.RunPython(add_new_default_groups, migrations.RunPython.noop)]
