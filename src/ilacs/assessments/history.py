"""Self-assessment changes on the plan's Changes page, in plain words: "started the round
“Annual self-assessment, July 2025”", "reviewed Recommendation 2 in “…”" with the evaluation
before and after, "signed off “…”", "changed the monitoring of Recommendation 3". Added to
ilacs.plans.history through ilacs.plans.hooks."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.urls import reverse

from ilacs.assessments.models import AssessmentEntry, AssessmentRound, Evaluation, Monitoring
from ilacs.plans.history import Entry, FieldChange
from ilacs.plans.models import ImprovementPlan, person_name

MERGE_SECONDS = 5
ENTRY_FIELDS = {
    "background": "Background",
    "strengths": "Strengths",
    "areas_for_improvement": "Areas for improvement",
    "next_steps": "Next steps",
}


def _newest(history: Any, limit: int) -> list[Any]:
    """The newest `limit` rows, oldest first."""
    return list(history.order_by("-history_date", "-history_id")[:limit])[::-1]


def _grouped(rows: list[Any]) -> list[tuple[Any, Any, Any]]:
    """(row before the group or None, first, last) for runs of one object's rows saved by one
    person within MERGE_SECONDS (a save and its links write several rows)."""
    by_object: dict[int, list[Any]] = {}
    for row in rows:
        by_object.setdefault(row.id, []).append(row)
    groups = []
    for object_rows in by_object.values():
        before = None
        start = 0
        for i in range(1, len(object_rows) + 1):
            last = object_rows[i - 1]
            following = object_rows[i] if i < len(object_rows) else None
            if (
                following is not None
                and following.history_user_id == last.history_user_id
                and (following.history_date - last.history_date).total_seconds() <= MERGE_SECONDS
            ):
                continue
            groups.append((before, object_rows[start], last))
            before, start = last, i
    return groups


def _label(value: str) -> str:
    try:
        return Evaluation(value).label
    except ValueError:
        return value


def _short(text: str) -> str:
    return text if len(text) <= 200 else text[:199].rsplit(" ", 1)[0] + "…"


def plan_entries(plan: ImprovementPlan, limit: int) -> list[Entry]:
    slug = plan.local_authority.slug
    rounds = {r.pk: r for r in AssessmentRound.objects.filter(plan=plan)}
    titles = {
        row.id: row.title
        for row in AssessmentRound.history.filter(plan_id=plan.pk).order_by("history_date")
    }
    numbers = dict(plan.requirements.values_list("pk", "number"))
    round_rows = _newest(AssessmentRound.history.filter(plan_id=plan.pk), limit)
    entry_rows = _newest(AssessmentEntry.history.filter(round_id__in=list(titles)), limit)
    monitoring_rows = _newest(Monitoring.history.filter(requirement_id__in=list(numbers)), limit)
    user_ids = {r.history_user_id for r in (*round_rows, *entry_rows, *monitoring_rows)}
    users = {u.pk: person_name(u) for u in get_user_model().objects.filter(pk__in=user_ids)}

    def round_url(round_id: int, number: int | None = None) -> str:
        if round_id not in rounds:
            return ""
        url = reverse("assessments:round", args=[slug, plan.pk, round_id])
        return f"{url}#recommendation-{number}" if number else url

    found: list[Entry] = []

    def add(last: Any, summary: str, changes: list[FieldChange], url: str, new: bool) -> None:
        who = users.get(last.history_user_id, "") if last.history_user_id else ""
        found.append(
            Entry(
                last.history_date, who or "Someone", summary, changes, "Self-assessment", url, new
            )  # fmt: skip
        )

    for before, first, last in _grouped(round_rows):
        title = f"“{titles.get(last.id, last.title)}”"
        if first.history_type == "+":
            add(last, f"started the self-assessment round {title}", [], round_url(last.id), True)
        elif last.status == "signed_off" and (before is None or before.status != "signed_off"):
            add(last, f"signed off the self-assessment round {title}", [], round_url(last.id), True)
        elif before is not None and (before.title, before.date) != (last.title, last.date):
            changes = [
                FieldChange(name, str(getattr(before, key)), str(getattr(last, key)))
                for key, name in (("title", "Title"), ("date", "Date"))
                if getattr(before, key) != getattr(last, key)
            ]
            add(
                last,
                f"changed the self-assessment round {title}",
                changes,
                round_url(last.id),
                False,
            )

    for before, first, last in _grouped(entry_rows):
        if first.history_type == "+" and not last.reviewed:
            continue  # made when its round started
        number = numbers.get(last.requirement_id)
        label = f"Recommendation {number}" if number else "a removed recommendation"
        title = f"“{titles.get(last.round_id, 'a removed round')}”"
        changes = []
        if before is None or before.evaluation != last.evaluation:
            changes.append(
                FieldChange(
                    "Evaluation",
                    _label(before.evaluation) if before else "",
                    _label(last.evaluation),
                )
            )
        for key, name in ENTRY_FIELDS.items():
            old = getattr(before, key) if before else ""
            if old != getattr(last, key):
                changes.append(FieldChange(name, _short(old), _short(getattr(last, key))))
        add(
            last,
            f"reviewed {label} in {title}",
            changes,
            round_url(last.round_id, number),
            before is None,
        )

    monitoring_url = reverse("assessments:monitoring", args=[slug, plan.pk])
    for before, _first, last in _grouped(monitoring_rows):
        number = numbers.get(last.requirement_id)
        changes = [
            FieldChange(name, getattr(before, key) if before else "", getattr(last, key))
            for key, name in (("other_evidence", "Other evidence"), ("note", "Note"))
            if (getattr(before, key) if before else "") != getattr(last, key)
        ]
        add(
            last,
            f"changed the monitoring of Recommendation {number}",
            changes,
            f"{monitoring_url}#recommendation-{number}",
            before is None,
        )
    return found
