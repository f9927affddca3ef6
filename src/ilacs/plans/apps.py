from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ilacs.plans"
    label = "plans"
    verbose_name = "Improvement plans"
