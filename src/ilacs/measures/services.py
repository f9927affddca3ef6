"""Writes to measures, scorecards and case audits. The pages, the import and `ilacs measures`
all call these; nothing else writes this data.

- Every write takes the person making it (`user`), checks their role through
  ilacs.accounts.permissions (contributors and up enter values and audit results; editors and
  admins define measures, scorecards and audit streams) and is recorded in the history.
- Uniqueness (a measure's name within a council, case-insensitively; one value per period) is
  kept by the database; a clash becomes a MeasureError in plain words.
- Entering a value for a period that already has one corrects it: the history keeps the old value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from ilacs.accounts import permissions
from ilacs.localauthorities.models import LocalAuthority
from ilacs.measures import periods
from ilacs.measures.models import (
    AuditResult,
    AuditStream,
    Direction,
    FrameworkOutcome,
    Frequency,
    Measure,
    MeasureValue,
    Scorecard,
    Unit,
)
from ilacs.measures.units import value_problem


class MeasureError(ValueError):
    """A write that cannot be done, with the reason in plain words."""


_CENT = Decimal("0.01")
_LIMIT = Decimal("9999999999.99")


def _as(user: Any, *objects: Any) -> None:
    for obj in objects:
        obj._history_user = user


def require_define(user: Any, la: LocalAuthority) -> None:
    if not permissions.can_define_measures(user, la):
        raise PermissionDenied("You cannot define measures for this council.")


def require_enter(user: Any, la: LocalAuthority) -> None:
    if not permissions.can_enter_values(user, la):
        raise PermissionDenied("You cannot enter values for this council.")


def to_decimal(value: Any, what: str = "The value") -> Decimal:
    """A number typed or read from a file, to two decimal places, or a MeasureError."""
    if isinstance(value, bool):
        raise MeasureError(f"{what} must be a number")
    if isinstance(value, Decimal):
        number = value
    else:
        text = str(value).strip().replace(",", "")
        if text.endswith("%"):
            text = text[:-1].strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise MeasureError(f"{what} must be a number, not “{value}”") from None
    if not number.is_finite() or abs(number) > _LIMIT:
        raise MeasureError(f"{what} must be a number, not “{value}”")
    return number.quantize(_CENT, rounding=ROUND_HALF_UP)


# --- Measures --------------------------------------------------------------------------------

MEASURE_FIELDS = (
    "name",
    "description",
    "unit",
    "direction",
    "frequency",
    "owner_user",
    "owner_role",
    "target",
    "amber_tolerance",
    "framework_outcome",
    "theme",
)


def _clean_measure(la: LocalAuthority, fields: dict[str, Any]) -> dict[str, Any]:
    name = " ".join(str(fields.get("name", "")).split())
    if not name:
        raise MeasureError("Enter the measure's name")
    fields["name"] = name
    for key, choices in (("unit", Unit), ("direction", Direction), ("frequency", Frequency)):
        if key in fields and fields[key] not in choices.values:
            raise MeasureError(f"“{fields[key]}” is not a {key} ilacs knows")
    if fields.get("framework_outcome") and fields["framework_outcome"] not in (
        FrameworkOutcome.values
    ):
        raise MeasureError(f"“{fields['framework_outcome']}” is not a national framework outcome")
    if fields.get("target") is not None:
        fields["target"] = to_decimal(fields["target"], "The target")
        problem = value_problem(fields.get("unit", Unit.PERCENT), fields["target"])
        if problem:
            raise MeasureError(problem.replace("cannot", "target cannot", 1))
    tolerance = fields.get("amber_tolerance")
    fields["amber_tolerance"] = Decimal(0) if tolerance in (None, "") else to_decimal(tolerance)
    if fields["amber_tolerance"] < 0:
        raise MeasureError("The amber tolerance cannot be negative")
    theme = fields.get("theme")
    if theme is not None and theme.plan.local_authority_id != la.pk:
        raise MeasureError("The theme is not in one of this council's plans")
    owner = fields.get("owner_user")
    if owner is not None and not permissions.can_view(owner, la):
        raise MeasureError("The owner must be a member of the council")
    return fields


def _save_measure(measure: Measure, *, creating: bool) -> Measure:
    try:
        with transaction.atomic():
            measure.save()
    except IntegrityError:
        if (
            Measure.objects.filter(
                local_authority=measure.local_authority, name__iexact=measure.name
            )
            .exclude(pk=measure.pk)
            .exists()
        ):
            raise MeasureError(
                f"{measure.local_authority.name} already has a measure called “{measure.name}”"
            ) from None
        raise
    return measure


def create_measure(la: LocalAuthority, *, user: Any, **fields: Any) -> Measure:
    require_define(user, la)
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"unknown measure fields: {sorted(unknown)}")
    fields = _clean_measure(la, dict(fields))
    measure = Measure(local_authority=la, created_by=user, updated_by=user, **fields)
    _as(user, measure)
    return _save_measure(measure, creating=True)


def update_measure(measure: Measure, *, user: Any, **fields: Any) -> Measure:
    la = measure.local_authority
    require_define(user, la)
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"unknown measure fields: {sorted(unknown)}")
    merged = {key: getattr(measure, key) for key in MEASURE_FIELDS}
    merged.update(fields)
    merged = _clean_measure(la, merged)
    if merged["frequency"] != measure.frequency and measure.values.exists():
        raise MeasureError(
            "The frequency cannot change once the measure has values: their periods would no "
            "longer be months, quarters or years of the new kind"
        )
    for key, value in merged.items():
        setattr(measure, key, value)
    measure.updated_by = user
    _as(user, measure)
    return _save_measure(measure, creating=False)


def link_measure(
    measure: Measure,
    *,
    user: Any,
    actions: Iterable[Any] | None = None,
    requirements: Iterable[Any] | None = None,
) -> Measure:
    """Set the plan actions that move the measure and the recommendations it evidences (both
    from this council's plans only)."""
    la = measure.local_authority
    require_define(user, la)
    with transaction.atomic():
        _as(user, measure)
        if actions is not None:
            actions = list(actions)
            if any(a.plan.local_authority_id != la.pk for a in actions):
                raise MeasureError("An action is not in one of this council's plans")
            measure.actions.set(actions)
        if requirements is not None:
            requirements = list(requirements)
            if any(r.plan.local_authority_id != la.pk for r in requirements):
                raise MeasureError("A recommendation is not in one of this council's plans")
            measure.requirements.set(requirements)
    return measure


# --- Values ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueInput:
    """One period's figures, as typed or read from a file (numbers already checked)."""

    period: dt.date
    value: Decimal
    england: Decimal | None = None
    statistical_neighbours: Decimal | None = None
    region: Decimal | None = None
    note: str = ""


COMPARATORS = (
    ("england", "England"),
    ("statistical_neighbours", "Statistical neighbours"),
    ("region", "Region"),
)


def check_value(measure: Measure, item: ValueInput) -> None:
    """Raise MeasureError when the figures cannot be this measure's (wrong period kind, a
    negative rate ...)."""
    if not periods.is_period_start(measure.frequency, item.period):
        raise MeasureError(
            f"{item.period:%d/%m/%Y} does not start a {periods.Frequency(measure.frequency).noun}"
        )
    problem = value_problem(measure.unit, item.value)
    if problem:
        raise MeasureError(problem)
    for key, label in COMPARATORS:
        number = getattr(item, key)
        if number is not None and value_problem(measure.unit, number):
            raise MeasureError(f"{label}: {value_problem(measure.unit, number)}")


CREATED, CORRECTED, UNCHANGED = "created", "corrected", "unchanged"


def record_value(measure: Measure, *, user: Any, item: ValueInput) -> tuple[MeasureValue, str]:
    """Enter (or correct) one period's value. Returns the row and what happened: "created",
    "corrected" or "unchanged". A correction keeps the value before in the history."""
    require_enter(user, measure.local_authority)
    check_value(measure, item)
    with transaction.atomic():
        row = (
            MeasureValue.objects.select_for_update()
            .filter(measure=measure, period=item.period)
            .first()
        )
        created = row is None
        if row is None:
            row = MeasureValue(measure=measure, period=item.period, entered_by=user)
        changed = created
        for key in ("value", "england", "statistical_neighbours", "region", "note"):
            new = getattr(item, key)
            if getattr(row, key) != new:
                setattr(row, key, new)
                changed = True
        if not changed:
            return row, UNCHANGED
        row.updated_by = user
        _as(user, row)
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            # Someone else entered the same period between our read and our write.
            raise MeasureError(
                f"A value for {measure.period_label(item.period)} was entered by someone else "
                "at the same moment. Look at the measure again and correct it if needed."
            ) from None
    return row, CREATED if created else CORRECTED


def remove_value(value: MeasureValue, *, user: Any) -> None:
    """Remove a period's value entered by mistake (editors); the history keeps it."""
    require_define(user, value.measure.local_authority)
    _as(user, value)
    value.delete()


# --- Scorecards ------------------------------------------------------------------------------


def _measures_of(la: LocalAuthority, measures: Iterable[Measure]) -> list[Measure]:
    measures = list(measures)
    if any(m.local_authority_id != la.pk for m in measures):
        raise MeasureError("A measure is not one of this council's")
    return measures


def save_scorecard(
    la: LocalAuthority,
    *,
    user: Any,
    name: str,
    description: str = "",
    measures: Iterable[Measure] = (),
    scorecard: Scorecard | None = None,
) -> Scorecard:
    """Create a scorecard, or change one (`scorecard`): its name, description and measures."""
    require_define(user, la)
    name = " ".join(name.split())
    if not name:
        raise MeasureError("Enter the scorecard's name")
    chosen = _measures_of(la, measures)
    card = scorecard or Scorecard(local_authority=la)
    if card.local_authority_id != la.pk:
        raise MeasureError("The scorecard is not this council's")
    card.name, card.description = name, description
    _as(user, card)
    try:
        with transaction.atomic():
            card.save()
            card.measures.set(chosen)
    except IntegrityError:
        raise MeasureError(f"{la.name} already has a scorecard called “{name}”") from None
    return card


# --- Case audits -----------------------------------------------------------------------------


def save_audit_stream(
    la: LocalAuthority,
    *,
    user: Any,
    name: str,
    description: str = "",
    frequency: str = Frequency.QUARTERLY,
    target: Any = None,
    stream: AuditStream | None = None,
    requirements: Iterable[Any] | None = None,
) -> AuditStream:
    """Create an audit stream, or change one (`stream`); `requirements`: the recommendations
    (of this council's plans) its results give evidence for."""
    require_define(user, la)
    name = " ".join(name.split())
    if not name:
        raise MeasureError("Enter the audit stream's name")
    if frequency not in Frequency.values:
        raise MeasureError(f"“{frequency}” is not a frequency ilacs knows")
    if stream is not None and frequency != stream.frequency and stream.results.exists():
        raise MeasureError("The frequency cannot change once the audit stream has results")
    target = None if target in (None, "") else to_decimal(target, "The target")
    if target is not None and value_problem(Unit.PERCENT, target):
        raise MeasureError("The target is a percentage of cases: between 0 and 100")
    item = stream or AuditStream(local_authority=la)
    item.name, item.description, item.frequency, item.target = name, description, frequency, target
    _as(user, item)
    if requirements is not None:
        requirements = list(requirements)
        if any(r.plan.local_authority_id != la.pk for r in requirements):
            raise MeasureError("A recommendation is not in one of this council's plans")
    try:
        with transaction.atomic():
            item.save()
            if requirements is not None:
                item.requirements.set(requirements)
    except IntegrityError:
        raise MeasureError(f"{la.name} already has an audit stream called “{name}”") from None
    return item


GRADES = (
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("requires_improvement", "Requires improvement"),
    ("inadequate", "Inadequate"),
)


@dataclass(frozen=True)
class AuditInput:
    period: dt.date
    cases_audited: int
    outstanding: int
    good: int
    requires_improvement: int
    inadequate: int
    learning: str = ""


def check_audit(stream: AuditStream, item: AuditInput) -> None:
    if not periods.is_period_start(stream.frequency, item.period):
        raise MeasureError(
            f"{item.period:%d/%m/%Y} does not start a {periods.Frequency(stream.frequency).noun}"
        )
    counts = [getattr(item, key) for key, _ in GRADES]
    if item.cases_audited <= 0:
        raise MeasureError("The number of cases audited must be at least 1")
    if any(c < 0 for c in counts):
        raise MeasureError("A number of cases cannot be negative")
    if sum(counts) != item.cases_audited:
        raise MeasureError(
            f"The grades add up to {sum(counts)}, but {item.cases_audited} cases were audited"
        )


def record_audit_result(
    stream: AuditStream, *, user: Any, item: AuditInput
) -> tuple[AuditResult, str]:
    """Enter (or correct) one period's results of an audit stream."""
    require_enter(user, stream.local_authority)
    check_audit(stream, item)
    with transaction.atomic():
        row = (
            AuditResult.objects.select_for_update()
            .filter(stream=stream, period=item.period)
            .first()
        )
        created = row is None
        if row is None:
            row = AuditResult(stream=stream, period=item.period, entered_by=user)
        changed = created
        for key in ("cases_audited", *(k for k, _ in GRADES), "learning"):
            new = getattr(item, key)
            if getattr(row, key) != new:
                setattr(row, key, new)
                changed = True
        if not changed:
            return row, UNCHANGED
        row.updated_by = user
        _as(user, row)
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            raise MeasureError(
                f"Results for {stream.period_label(item.period)} were entered by someone else "
                "at the same moment. Look at the audit stream again."
            ) from None
    return row, CREATED if created else CORRECTED


def apply_rows(
    la: LocalAuthority,
    *,
    user: Any,
    values: Iterable[tuple[Measure, ValueInput]] = (),
    audits: Iterable[tuple[AuditStream, AuditInput]] = (),
) -> Mapping[str, int]:
    """Write every row of an import in one transaction: all of them, or (on any error) none."""
    require_enter(user, la)
    counts = {CREATED: 0, CORRECTED: 0, UNCHANGED: 0}
    with transaction.atomic():
        for measure, item in values:
            if measure.local_authority_id != la.pk:
                raise MeasureError("A measure is not one of this council's")
            _row, outcome = record_value(measure, user=user, item=item)
            counts[outcome] += 1
        for stream, item in audits:
            if stream.local_authority_id != la.pk:
                raise MeasureError("An audit stream is not one of this council's")
            _row, outcome = record_audit_result(stream, user=user, item=item)
            counts[outcome] += 1
    return counts
