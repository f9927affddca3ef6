from django.apps import AppConfig


class SelfEvaluationConfig(AppConfig):
    name = "ilacs.selfevaluation"
    label = "selfevaluation"
    verbose_name = "Annual self-evaluation"
