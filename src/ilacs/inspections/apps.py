from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "ilacs.inspections"
    label = "inspections"
    verbose_name = "Inspections"
