from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ilacs.localauthorities.models import LocalAuthority


class Role(models.TextChoices):
    """What a member may do within one local authority. See accounts/permissions.py."""

    ADMIN = "admin", "Admin"
    EDITOR = "editor", "Editor"
    CONTRIBUTOR = "contributor", "Contributor"
    VIEWER = "viewer", "Viewer"


ROLE_DESCRIPTIONS = {
    Role.ADMIN: "Can do everything for this local authority, including managing its members.",
    Role.EDITOR: "Can upload inspection reports, edit the improvement plan and define measures.",
    Role.CONTRIBUTOR: (
        "Can post progress updates on the actions they lead, and enter measures' values and "
        "case-audit results."
    ),
    Role.VIEWER: "Can read everything, change nothing (councillors, partners).",
}


class Membership(models.Model):
    """A user's role in one local authority. A user sees only the authorities they belong to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["local_authority__name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "local_authority"], name="one_membership_per_user_and_la"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} - {self.get_role_display()} - {self.local_authority}"
