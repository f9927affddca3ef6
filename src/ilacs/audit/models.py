from __future__ import annotations

from django.conf import settings
from django.db import models

from ilacs.localauthorities.models import LocalAuthority


class ReadKind(models.TextChoices):
    """Reads worth recording: the council's admins can see each one on its audit page."""

    REPORT_DOWNLOAD = "report_download", "Downloaded an inspection report"
    EVIDENCE_DOWNLOAD = "evidence_download", "Downloaded evidence"
    SERVICE_ADMIN_VIEW = "service_admin_view", "Service administrator viewed plan data"


class Read(models.Model):
    """One read of a council's data that matters: who, when, what. Written once, never changed.

    The person's name is kept as text too, so the record stays readable whatever happens to the
    account."""

    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="audited_reads"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    who = models.CharField(max_length=300)
    kind = models.CharField(max_length=30, choices=ReadKind.choices)
    what = models.CharField(max_length=300)
    path = models.CharField(max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["local_authority", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.who}: {self.get_kind_display()} ({self.what})"
