"""Writing the annual self-evaluation: start one for a year, save a section (each save a new
version, kept in the history), read the versions back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from ilacs.accounts import permissions
from ilacs.localauthorities.models import LocalAuthority
from ilacs.plans.models import ImprovementPlan
from ilacs.selfevaluation.models import (
    SECTION_ORDER,
    Section,
    SelfEvaluation,
    default_title,
)

# A year ILACS could mean: the framework started in 2018; nothing is planned decades ahead.
MIN_YEAR, MAX_YEAR = 2010, 2100


class SelfEvaluationError(ValueError):
    """A write that cannot be done, in plain words for the person; `field` is the form field
    it is about."""

    def __init__(self, message: str, field: str = "year"):
        super().__init__(message)
        self.field = field


@dataclass
class SectionConflict(Exception):
    """Someone else saved the section after this person opened it."""

    current: Section
    attempted: str


def can_write(user: Any, local_authority: LocalAuthority) -> bool:
    """Editors and admins write the self-evaluation; everyone else in the council reads it. It
    is the council's corporate account of its practice, signed off by its senior leaders, so
    contributors (who update the actions they lead) do not change it."""
    return permissions.can_edit_plan(user, local_authority)


def _require_write(user: Any, local_authority: LocalAuthority) -> None:
    if not can_write(user, local_authority):
        raise PermissionDenied("Only editors and admins can write the self-evaluation.")


def newest_plan(local_authority: LocalAuthority) -> ImprovementPlan | None:
    return local_authority.improvement_plans.order_by("-created_at", "-pk").first()


def previous_year(self_evaluation: SelfEvaluation) -> SelfEvaluation | None:
    """Last year's self-evaluation of the same council, if it has one."""
    return (
        SelfEvaluation.objects.filter(
            local_authority_id=self_evaluation.local_authority_id, year=self_evaluation.year - 1
        )
        .prefetch_related("sections")
        .first()
    )


def start(
    local_authority: LocalAuthority,
    *,
    user: Any,
    year: int,
    as_at: dt.date,
    plan: ImprovementPlan | None = None,
    title: str = "",
    from_last_year: bool = False,
) -> SelfEvaluation:
    """A new self-evaluation with its four sections, empty or with last year's text to work
    from. One per council and year: the database refuses a second, even one started at the
    same moment."""
    _require_write(user, local_authority)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise SelfEvaluationError(f"The year must be between {MIN_YEAR} and {MAX_YEAR}")
    if plan is not None and plan.local_authority_id != local_authority.pk:
        raise SelfEvaluationError("Select one of the council's improvement plans", "plan")
    last = None
    if from_last_year:
        last = SelfEvaluation.objects.filter(local_authority=local_authority, year=year - 1).first()
        if last is None:
            raise SelfEvaluationError(
                f"There is no self-evaluation for {year - 1} to start from", "from_last_year"
            )
    earlier = {s.kind: s.text for s in last.sections.all()} if last else {}
    now = timezone.now()
    try:
        with transaction.atomic():
            self_evaluation = SelfEvaluation(
                local_authority=local_authority,
                year=year,
                title=title.strip() or default_title(year),
                as_at=as_at,
                plan=plan if plan is not None else newest_plan(local_authority),
                created_by=user,
            )
            self_evaluation._history_user = user
            self_evaluation.save()
            for kind in SECTION_ORDER:
                text = earlier.get(kind.value, "")
                section = Section(
                    self_evaluation=self_evaluation,
                    kind=kind.value,
                    text=text,
                    version=1 if text else 0,
                    updated_at=now if text else None,
                    updated_by=user if text else None,
                )
                section._history_user = user
                section.save()
    except IntegrityError:
        raise SelfEvaluationError(
            f"{local_authority.name} already has a self-evaluation for {year}"
        ) from None
    return self_evaluation


def save_section(section: Section, *, user: Any, text: str, loaded_version: int) -> Section:
    """Save the section's new text as its next version. If someone else saved it since
    `loaded_version` was read, nothing is written and SectionConflict says what it says now."""
    _require_write(user, section.self_evaluation.local_authority)
    text = text.strip().replace("\r\n", "\n")
    with transaction.atomic():
        current = (
            Section.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .filter(pk=section.pk)
            .first()
        )
        if current is None:
            raise SelfEvaluationError("The self-evaluation has been deleted.", "text")
        if current.version != loaded_version:
            raise SectionConflict(current, text)
        if current.text == text:
            return current  # nothing changed: no new version
        current.text = text
        current.version += 1
        current.updated_at = timezone.now()
        current.updated_by = user
        current._history_user = user
        current.save()
    return current


@dataclass(frozen=True)
class Version:
    number: int
    text: str
    saved_by: str
    saved_at: dt.datetime | None


def _name(user: Any) -> str:
    if user is None:
        return "a former member"
    return user.get_full_name() or user.get_username()


def versions(section: Section) -> list[Version]:
    """Every saved version of the section, newest first (one per save)."""
    found: dict[int, Version] = {}
    records = (
        section.history.filter(version__gt=0)
        .select_related("updated_by")
        .order_by("-history_date", "-history_id")
    )
    for record in records:
        if record.version not in found:
            found[record.version] = Version(
                record.version, record.text, _name(record.updated_by), record.updated_at
            )
    return sorted(found.values(), key=lambda v: -v.number)


def version(section: Section, number: int) -> Version | None:
    return next((v for v in versions(section) if v.number == number), None)
