"""Evidence files: documents a council attaches to an action or a progress update (audit
reports, minutes, performance packs) so that what the plan says is backed by what it holds.

Each file belongs to exactly one target. The targets are nullable foreign keys named in
`TARGETS`, and the database refuses a row with none or more than one: a new target (a
self-assessment entry) is one more nullable foreign key and one more name in `TARGETS`.
"""

from __future__ import annotations

import uuid
from functools import reduce
from operator import or_
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ilacs.evidence.kinds import KINDS
from ilacs.localauthorities.models import LocalAuthority
from ilacs.plans.models import Action, ProgressUpdate

# The foreign keys an evidence file can hang from; exactly one is set.
TARGETS = ("action", "progress_update")


def exactly_one_of(fields: tuple[str, ...]) -> models.Q:
    """Q: exactly one of these nullable fields is set."""
    alternatives = []
    for chosen in fields:
        alternatives.append(
            models.Q(**{f"{name}__isnull": name != chosen for name in fields}),
        )
    return reduce(or_, alternatives)


def evidence_upload_to(instance: EvidenceFile, filename: str) -> str:
    """A fresh name per file under the council's folder; the suffix is the kind found in the
    content, never the sender's."""
    suffix = KINDS[instance.kind].suffix if instance.kind in KINDS else ""
    return f"evidence/{instance.local_authority_id}/{uuid.uuid4().hex}{suffix}"


class EvidenceFile(models.Model):
    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="evidence_files"
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence_files"
    )
    progress_update = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence_files",
    )
    file = models.FileField(upload_to=evidence_upload_to, max_length=200)
    original_filename = models.CharField(max_length=255)
    kind = models.CharField(max_length=10, choices=[(k.key, k.name) for k in KINDS.values()])
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    description = models.TextField()
    effective_date = models.DateField(
        help_text="The date the evidence speaks for (a meeting, an audit), not the upload date."
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-effective_date", "-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of(TARGETS), name="evidence_file_has_one_target"
            ),
        ]
        indexes = [models.Index(fields=["local_authority", "-effective_date"])]

    def __str__(self) -> str:
        return f"{self.original_filename} ({self.effective_date:%d %B %Y})"

    def get_absolute_url(self) -> str:
        """The download, for members of the council only."""
        return reverse("evidence:download", args=[self.local_authority.slug, self.pk])

    @property
    def target(self) -> Any:
        for name in TARGETS:
            if getattr(self, f"{name}_id") is not None:
                return getattr(self, name)
        return None

    @property
    def kind_name(self) -> str:
        return KINDS[self.kind].name if self.kind in KINDS else self.kind

    @property
    def content_type(self) -> str:
        return KINDS[self.kind].content_type if self.kind in KINDS else "application/octet-stream"

    @property
    def download_filename(self) -> str:
        """The name it was sent under, with the suffix of the kind found in it."""
        name = self.original_filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1] or "evidence"
        suffix = KINDS[self.kind].suffix if self.kind in KINDS else ""
        stem = name.rsplit(".", 1)[0] if "." in name else name
        if suffix and not name.lower().endswith(suffix):
            return f"{stem}{suffix}"
        return name
