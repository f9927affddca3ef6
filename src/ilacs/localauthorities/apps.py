from django.apps import AppConfig


class LocalAuthoritiesConfig(AppConfig):
    name = "ilacs.localauthorities"
    label = "localauthorities"
    verbose_name = "Local authorities"
