"""Wagtail creates the page tree's root and the root collection named "Root", a name editors
see in the page chooser and the image and document collections: "Racine" instead."""

from django.db import migrations

OLD, NEW = "Root", "Racine"


def rename(apps, schema_editor, old=OLD, new=NEW):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
    Collection.objects.filter(depth=1, name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_editorial_service")]

    operations = [migrations.RunPython(rename, rename_back)]
