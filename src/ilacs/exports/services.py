"""Writes of the documents app: a council's house-style templates."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from ilacs.accounts import permissions
from ilacs.exports.models import KIND_CHOICES, CouncilTemplate
from ilacs.exports.templates import TemplateProblem, render_bytes


def _require_edit(user: Any, local_authority: Any) -> None:
    if not permissions.can_edit_plan(user, local_authority):
        raise PermissionDenied("Only the council's editors and admins can change its templates.")


def upload_template(
    plan: Any, *, user: Any, kind: str, content: bytes, filename: str, data: Any
) -> CouncilTemplate:
    """Keep `content` as the council's template for `kind`, replacing any before it. It is
    first filled in with `data` (this plan's) so that a template that cannot be used is refused
    with the reason, and nothing is kept."""
    la = plan.local_authority
    _require_edit(user, la)
    if kind not in dict(KIND_CHOICES):
        raise TemplateProblem("Choose which document the template is for.")
    if not filename.lower().endswith(".docx"):
        raise TemplateProblem("The template must be a Word document (.docx).")
    render_bytes(content, kind, data)
    values = {"content": content, "filename": filename[:255], "uploaded_by": user}
    for _ in range(2):
        try:
            with transaction.atomic():
                template, _created = CouncilTemplate.objects.select_for_update().update_or_create(
                    local_authority=la, kind=kind, defaults=values
                )
                return template
        except IntegrityError:  # someone else uploaded the first one at the same moment
            continue
    raise TemplateProblem("Someone else is uploading a template: try again.")


def remove_template(plan: Any, *, user: Any, kind: str) -> bool:
    _require_edit(user, plan.local_authority)
    deleted, _ = CouncilTemplate.objects.filter(
        local_authority=plan.local_authority, kind=kind
    ).delete()
    return bool(deleted)
