from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "ilacs.measures"
    label = "measures"
    verbose_name = "Measures and case audits"
