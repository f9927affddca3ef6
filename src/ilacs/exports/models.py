"""A council's own Word template for one kind of document (house style)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ilacs.localauthorities.models import LocalAuthority

KIND_CHOICES = [
    ("action-plan", "Written action plan"),
    ("progress-report", "Progress report"),
    ("cabinet-report", "Cabinet report on the inspection"),
]


class CouncilTemplate(models.Model):
    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="document_templates"
    )
    kind = models.CharField(max_length=40, choices=KIND_CHOICES)
    # Kept in the database (a few hundred KB), so that it travels with the council's data.
    content = models.BinaryField()
    filename = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["local_authority", "kind"], name="one_template_per_council_and_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.local_authority}: {self.get_kind_display()} ({self.filename})"
