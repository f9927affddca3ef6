from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "ilacs.audit"
    label = "audit"
    verbose_name = "Audit log of reads"
