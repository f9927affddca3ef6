from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "ilacs.inspections"
    label = "inspections"
    verbose_name = "Inspections"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from ilacs.files import remove_files_after_commit

        post_delete.connect(remove_files_after_commit, dispatch_uid="ilacs-remove-files")
