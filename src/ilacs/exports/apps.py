from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "ilacs.exports"
    label = "exports"
    verbose_name = "Documents"
