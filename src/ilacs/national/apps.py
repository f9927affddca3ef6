from django.apps import AppConfig


class NationalConfig(AppConfig):
    """The national picture: every council's published inspections, read together."""

    name = "ilacs.national"
    verbose_name = "National picture"
