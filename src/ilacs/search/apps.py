from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "ilacs.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from ilacs.search.index import ensure_index_after_migrate

        # A later migration of the inspections tables may rebuild a table on SQLite, which drops
        # its triggers: after every migrate the full-text index is checked and put right.
        post_migrate.connect(ensure_index_after_migrate, dispatch_uid="ilacs-search-index")
