from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "ilacs.evidence"
    label = "evidence"
    verbose_name = "Evidence files"
