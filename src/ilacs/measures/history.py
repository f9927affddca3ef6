"""Late corrections in plain words: who changed a measure's value, when, and from what."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ilacs.measures.models import Measure, MeasureValue
from ilacs.measures.units import format_value
from ilacs.plans.models import person_name

_FIELDS = {
    "value": "Value",
    "england": "England",
    "statistical_neighbours": "Statistical neighbours",
    "region": "Region",
    "note": "Note",
}


@dataclass(frozen=True)
class Change:
    when: dt.datetime
    who: str
    period: str
    what: str  # "corrected", "removed"
    details: list[tuple[str, str, str]]  # (field, before, after)


def _text(measure: Measure, key: str, value: Any) -> str:
    if value is None or value == "":
        return "none"
    return value if key == "note" else format_value(measure.unit, value)


def value_changes(measure: Measure, limit: int = 50) -> list[Change]:
    """Corrections and removals of the measure's values, newest first (new values are not
    listed: the table shows them)."""
    records = list(
        MeasureValue.history.filter(measure_id=measure.pk)
        .select_related("history_user")
        .order_by("period", "history_date", "history_id")
    )
    previous: dict[Any, Any] = {}
    changes: list[Change] = []
    for record in records:
        before = previous.get(record.period)
        label = measure.period_label(record.period)
        who = person_name(record.history_user) or "Someone"
        when = timezone.localtime(record.history_date)
        if record.history_type == "~" and before is not None:
            details = [
                (
                    name,
                    _text(measure, key, getattr(before, key)),
                    _text(measure, key, getattr(record, key)),
                )
                for key, name in _FIELDS.items()
                if getattr(before, key) != getattr(record, key)
            ]
            if details:
                changes.append(Change(when, who, label, "corrected", details))
        elif record.history_type == "-":
            changes.append(
                Change(
                    when,
                    who,
                    label,
                    "removed",
                    [("Value", _text(measure, "value", record.value), "none")],
                )
            )
        previous[record.period] = record
    changes.sort(key=lambda c: c.when, reverse=True)
    return changes[:limit]
