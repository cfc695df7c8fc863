from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Socle du site"

    def ready(self) -> None:
        from . import admin_labels, cached, page_cache, tree

        cached.connect()
        page_cache.connect()
        admin_labels.label_wagtail_form_fields()
        # After every migration, since a later Wagtail migration may rebuild the page table.
        post_migrate.connect(tree.ensure_tree_index, sender=self, dispatch_uid="core.tree_index")
