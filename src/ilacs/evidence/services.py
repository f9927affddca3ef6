"""Attaching, reading and deleting evidence files.

Rules: the file's kind is told from its content (ilacs.evidence.kinds), its size is limited by
ILACS_EVIDENCE_MAX_MB, it is stored through Django's default storage under a fresh name, and the
row and the stored file stand or fall together: a row that cannot be written leaves no file
behind, and a deleted row's file is removed only once the deletion commits (ilacs.files).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from ilacs.accounts import permissions
from ilacs.evidence import kinds
from ilacs.evidence.models import EvidenceFile, evidence_upload_to
from ilacs.plans.models import Action, ProgressUpdate
from ilacs.units import mb_to_bytes

Target = Action | ProgressUpdate


class EvidenceError(ValueError):
    """A file that cannot be attached or removed, with the reason in plain words."""


def max_bytes() -> int:
    return mb_to_bytes(settings.ILACS_EVIDENCE_MAX_MB)


def too_large_message() -> str:
    return f"The selected file must be smaller than {settings.ILACS_EVIDENCE_MAX_MB:g} MB"


def action_of(target: Target) -> Action:
    return target if isinstance(target, Action) else target.action


def can_attach(user: Any, target: Target) -> bool:
    """Whoever may post progress on the action: editors and admins on any, contributors on the
    actions they lead."""
    return permissions.can_post_update(user, action_of(target))


def can_remove(user: Any, local_authority: Any) -> bool:
    """Editors and admins."""
    return permissions.can_edit_plan(user, local_authority)


def _target_field(target: Target) -> str:
    return "action" if isinstance(target, Action) else "progress_update"


def _lock_target(target: Target) -> None:
    """The target must still be in the plan (not withdrawn) when the row is written; the lock
    holds a withdrawal back until this upload commits."""
    if isinstance(target, Action):
        still = Action.objects.select_for_update().filter(pk=target.pk).exists()
        what = "action"
    else:
        still = (
            ProgressUpdate.objects.select_for_update()
            .filter(pk=target.pk, action__withdrawn_at__isnull=True)
            .exists()
        )
        what = "progress update"
    if not still:
        raise EvidenceError(
            f"The {what} has been withdrawn since the page was opened, so nothing was attached."
        )


def attach(
    target: Target,
    *,
    user: Any,
    data: bytes,
    filename: str,
    description: str,
    effective_date: dt.date,
) -> EvidenceFile:
    """Store the file and its row, or neither."""
    action = action_of(target)
    if not can_attach(user, target):
        raise PermissionDenied("You can only attach evidence to the actions you lead.")
    description = description.strip()
    if not description:
        raise EvidenceError("Enter what the file shows")
    if effective_date > timezone.localdate():
        raise EvidenceError("The date the evidence is for must be today or in the past")
    if len(data) > max_bytes():
        raise EvidenceError(too_large_message())
    try:
        kind = kinds.detect(data, filename)
    except kinds.RefusedFile as exc:
        raise EvidenceError(str(exc)) from None
    local_authority = action.plan.local_authority
    row = EvidenceFile(
        local_authority=local_authority,
        original_filename=(filename or "evidence")[:255],
        kind=kind,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        description=description,
        effective_date=effective_date,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    setattr(row, _target_field(target), target)
    stored = ""
    try:
        with transaction.atomic():
            _lock_target(target)
            stored = default_storage.save(evidence_upload_to(row, filename), ContentFile(data))
            row.file.name = stored
            row._history_user = row.uploaded_by
            row.save()
    except BaseException:
        if stored:
            default_storage.delete(stored)
        raise
    return row


def files_for(target: Target) -> list[EvidenceFile]:
    return list(
        EvidenceFile.objects.filter(**{_target_field(target): target}).select_related("uploaded_by")
    )


def files_for_updates(action: Action) -> dict[int, list[EvidenceFile]]:
    """Every file on the action's progress updates, by update id, in one query."""
    found: dict[int, list[EvidenceFile]] = {}
    rows = EvidenceFile.objects.filter(progress_update__action=action).select_related("uploaded_by")
    for row in rows:
        found.setdefault(row.progress_update_id, []).append(row)
    return found


def remove(evidence: EvidenceFile, *, user: Any) -> None:
    """Delete the row; its file goes from storage once the deletion commits (and stays if it
    rolls back). Deleting a file someone else has just deleted says so."""
    if not can_remove(user, evidence.local_authority):
        raise PermissionDenied("Only editors and admins can delete evidence files.")
    with transaction.atomic():
        current = EvidenceFile.objects.select_for_update().filter(pk=evidence.pk).first()
        if current is None:
            raise EvidenceError("The file has already been deleted.")
        current._history_user = user
        current.delete()
