"""History in plain words: who changed what, when, field by field.

django-simple-history keeps a row per change of every plan model (who, when, all values).
This module turns those rows into entries a council officer reads: "Erin Editor changed the
due date from 31 March 2025 to 30 June 2025", "Cara Jones posted a progress update (Amber)".
Names of people, themes and requirements are looked up in bulk, so a page of history costs a
fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F, Window
from django.db.models.functions import Lag
from django.utils import timezone

from ilacs.dates import format_date
from ilacs.plans.models import (
    Action,
    ActionStatus,
    ImprovementPlan,
    JudgedRag,
    Milestone,
    PlanStatus,
    ProgressUpdate,
    RagOverride,
    Requirement,
    Theme,
    person_name,
)
from ilacs.plans.topics import topic_name

# Consecutive rows by one person within this many seconds are one change (saving an action and
# then its linked recommendations writes two rows).
MERGE_SECONDS = 5

# Fields never shown: bookkeeping.
HIDDEN = {"id", "version", "created_at", "updated_at", "created_by", "updated_by", "plan",
          "corrected_at", "corrected_by", "withdrawn_at", "withdrawn_by"}  # fmt: skip


def _withdrawal(changes: list[FieldChange]) -> FieldChange | None:
    """The change that withdrew something (its reason given where there was none)."""
    for change in changes:
        if change.label == "Withdrawn reason" and change.old in ("", "none") and change.new:
            return FieldChange("Reason", "", change.new)
    return None


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: dt.datetime
    who: str
    summary: str  # "changed action 3", "added milestone “…”"
    changes: list[FieldChange] = field(default_factory=list)
    subject: str = ""  # what it is about, for plan-wide history ("Action 3: …")
    subject_url: str = ""
    # Something new (created, posted, set by hand): its values, with no "before".
    values_only: bool = False


class Names:
    """Display names for ids found in history rows, read in a few queries."""

    def __init__(self, plan: ImprovementPlan):
        self.plan = plan
        self.users: dict[int, str] = {}
        self.themes: dict[int, str] = {}
        self.requirements: dict[int, str] = {}
        self.recommendations: dict[int, str] = {}
        self.actions: dict[int, str] = {}

    def load(self, records: Iterable[Any]) -> Names:
        user_ids: set[int] = set()
        theme_ids: set[int] = set()
        for record in records:
            for name in ("history_user_id", "lead_user_id", "owner_id", "author_id", "set_by_id",
                         "cleared_by_id"):  # fmt: skip
                value = getattr(record, name, None)
                if value:
                    user_ids.add(value)
            if getattr(record, "theme_id", None):
                theme_ids.add(record.theme_id)
        users = get_user_model().objects.filter(pk__in=user_ids)
        self.users = {u.pk: person_name(u) for u in users}
        # Themes may have been removed since: fall back on their last historical name.
        self.themes = dict(Theme.objects.filter(pk__in=theme_ids).values_list("pk", "name"))
        missing = theme_ids - set(self.themes)
        if missing:
            for row in Theme.history.filter(id__in=missing).order_by("history_date"):
                self.themes[row.id] = row.name
        requirements = list(Requirement.objects.filter(plan=self.plan).order_by("number"))
        self.requirements = {r.pk: r.label for r in requirements}
        self.recommendations = {
            r.recommendation_id: f"Recommendation {r.number} of the report"
            for r in requirements
            if r.recommendation_id
        }
        action_ids = {getattr(record, "action_id", None) for record in records} - {None}
        if action_ids:
            self.actions.update(
                (pk, f"Action {number}: {title}")
                for pk, number, title in Action.all_objects.filter(pk__in=action_ids).values_list(
                    "pk", "number", "title"
                )
            )
        return self

    def related(self, name: str, value: Any) -> str:
        """A related object named in words, never its database id."""
        if name == "action":
            return self.actions.get(value, "a removed action")
        if name == "recommendation":
            return self.recommendations.get(value, "a recommendation of the report")
        if name == "local_authority":
            return self.plan.local_authority.name
        if name == "inspection":
            return f"Inspection, {self.plan.inspection.date_range}"
        if name == "plan":
            return self.plan.title
        return "another record"

    def user(self, pk: int | None) -> str:
        if not pk:
            return ""
        return self.users.get(pk, "a former member")


def _who(record: Any, names: Names) -> str:
    return names.user(record.history_user_id) or "The system"


def _choice_label(choices: Any, value: Any) -> str:
    return dict(choices).get(value, value or "")


def _display(model: type[models.Model], name: str, value: Any, names: Names) -> str:
    """A stored value as words."""
    if value in (None, "", []):
        return "none"
    if name == "requirements":
        ids = sorted(v["requirement"] for v in value)
        return ", ".join(names.requirements.get(i, "a removed recommendation") for i in ids)
    if name in ("lead_user", "owner", "author", "set_by", "cleared_by"):
        return names.user(value)
    if name == "theme":
        return names.themes.get(value, "a removed theme")
    if name == "status":
        choices = PlanStatus.choices if model is ImprovementPlan else ActionStatus.choices
        return _choice_label(choices, value)
    if name == "rag":
        return _choice_label(JudgedRag.choices, value)
    if name == "done":
        return "done" if value else "not done"
    if name == "topics":
        return ", ".join(topic_name(key) for key in value or []) or "none"
    if name == "topics_set_by_hand":
        return "yes" if value else "no"
    try:
        related = isinstance(model._meta.get_field(name), models.ForeignKey)
    except FieldDoesNotExist:
        related = False
    if related:
        return names.related(name, value)
    if isinstance(value, dt.datetime):
        return format_date(timezone.localtime(value).date())
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def _label(model: type[models.Model], name: str) -> str:
    if name == "requirements":
        return "Recommendations"
    try:
        verbose = model._meta.get_field(name).verbose_name
    except Exception:
        verbose = name.replace("_", " ")
    text = str(verbose)
    return text[0].upper() + text[1:]


def _field_names(record: Any) -> list[str]:
    names = [f.name for f in record.instance_type._meta.fields]
    names += [f.name for f in getattr(record, "_history_m2m_fields", [])]
    return names


def with_requirements(records: list[Any]) -> list[Any]:
    """Attach to each historical action row the requirements linked at that time (one query)."""
    if not records:
        return records
    from django.apps import apps

    through = apps.get_model("plans", "HistoricalAction_requirements")
    linked: dict[int, list[int]] = {}
    rows = through.objects.filter(history_id__in=[r.history_id for r in records])
    for history_id, requirement_id in rows.values_list("history_id", "requirement_id"):
        linked.setdefault(history_id, []).append(requirement_id)
    for record in records:
        record._requirement_ids = sorted(linked.get(record.history_id, []))
    return records


def _value(record: Any, name: str) -> Any:
    if name == "requirements":
        ids = getattr(record, "_requirement_ids", None)
        if ids is None:
            ids = sorted(row.requirement_id for row in record.requirements.all())
        return [{"requirement": i} for i in ids]
    field_obj = record.instance_type._meta.get_field(name)
    if isinstance(field_obj, models.ForeignKey):
        return getattr(record, field_obj.attname)
    return getattr(record, name)


def diff(model: type[models.Model], old: Any | None, new: Any, names: Names) -> list[FieldChange]:
    """Field by field, what differs between two history rows of one object (old None: what
    it was created with)."""
    changes = []
    for name in _field_names(new):
        if name in HIDDEN or name.endswith("_ptr"):
            continue
        after = _value(new, name)
        before = _value(old, name) if old is not None else None
        if name == "requirements":
            before_ids = sorted(v["requirement"] for v in (before or []))
            after_ids = sorted(v["requirement"] for v in (after or []))
            if before_ids == after_ids:
                continue
        elif before == after or (old is None and after in (None, "", False)):
            continue
        changes.append(
            FieldChange(
                _label(model, name),
                _display(model, name, before, names) if old is not None else "",
                _display(model, name, after, names),
            )
        )
    return changes


def _group(records: list[Any]) -> list[list[Any]]:
    """Consecutive rows (oldest first) by the same person within MERGE_SECONDS: one change."""
    groups: list[list[Any]] = []
    for record in records:
        if groups:
            last = groups[-1][-1]
            same = (
                last.id == record.id
                and last.history_user_id == record.history_user_id
                and record.history_type != "-"
                # a withdrawal is always its own entry, however soon after the last change
                and not (getattr(record, "withdrawn_at", None) and not last.withdrawn_at)
                and (record.history_date - last.history_date).total_seconds() <= MERGE_SECONDS
            )
            if same:
                groups[-1].append(record)
                continue
        groups.append([record])
    return groups


def _object_entries(
    model: type[models.Model],
    records: list[Any],
    names: Names,
    describe: Any,
    before: dict[int, Any] | None = None,
) -> list[Entry]:
    """Entries for the history rows of many objects of one model (rows oldest first). `before`:
    for an object whose older rows were left out, the row just before its first one here, to
    compare that first change with."""
    by_object: dict[int, list[Any]] = {}
    for record in records:
        by_object.setdefault(record.id, []).append(record)
    entries: list[Entry] = []
    for object_id, rows in by_object.items():
        previous = (before or {}).get(object_id)
        for group in _group(rows):
            first, last = group[0], group[-1]
            if first.history_type == "-":
                kind = "deleted"
                changes: list[FieldChange] = []
            elif first.history_type == "+":
                kind = "created"
                changes = diff(model, None, last, names)
            else:
                kind = "changed"
                changes = diff(model, previous, last, names) if previous is not None else []
            previous = last
            entry = describe(kind, first, last, changes)
            if entry is None:
                continue
            entry.when = last.history_date
            entry.who = _who(first, names)
            entry.values_only = entry.values_only or kind == "created"
            entries.append(entry)
    return entries


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def _describe_action(names: Names, action_urls: dict[int, tuple[str, str]]):
    def describe(kind: str, first: Any, last: Any, changes: list[FieldChange]) -> Entry | None:
        if kind == "changed" and not changes:
            return None
        subject, url = action_urls.get(last.id, (f"Action {last.number}: {last.title}", ""))
        withdrawal = _withdrawal(changes) if kind == "changed" else None
        if withdrawal is not None:
            return Entry(
                first.history_date, "", "withdrew the action", [withdrawal], subject, url, True
            )
        summary = {
            "created": "added the action",
            "changed": "changed the action",
            "deleted": "removed the action",
        }[kind]
        return Entry(first.history_date, "", summary, changes, subject, url)

    return describe


def _describe_child(kind_name: str, names: Names, action_urls: dict[int, tuple[str, str]]):
    def describe(kind: str, first: Any, last: Any, changes: list[FieldChange]) -> Entry | None:
        subject, url = action_urls.get(last.action_id, ("A removed action", ""))
        if kind_name == "milestone":
            title = _quote(last.title)
            if kind == "created":
                summary = f"added the milestone {title}"
                changes = [c for c in changes if c.label != "Title"]
            elif kind == "deleted":
                summary = f"removed the milestone {title}"
            else:
                if not changes:
                    return None
                summary = f"changed the milestone {title}"
        elif kind_name == "update":
            rag = _display(ProgressUpdate, "rag", last.rag, names)
            if kind == "created":
                summary = f"posted a progress update ({rag}) dated {format_date(last.date)}"
                changes = [FieldChange("Progress", "", last.narrative)]
                if last.evidence:
                    changes.append(FieldChange("Evidence", "", last.evidence))
            elif kind == "deleted":
                summary = f"removed the progress update dated {format_date(last.date)}"
            else:
                withdrawal = _withdrawal(changes)
                if withdrawal is not None:
                    summary = f"withdrew the progress update dated {format_date(last.date)}"
                    changes = [withdrawal]
                elif not changes:
                    return None
                else:
                    summary = f"corrected the progress update dated {format_date(last.date)}"
        else:  # override
            rag = _display(RagOverride, "rag", last.rag, names)
            if kind == "created":
                summary = f"set the RAG by hand to {rag}"
                changes = [FieldChange("Reason", "", last.reason)]
            elif last.cleared_at is not None and (first.cleared_at is None or kind == "changed"):
                summary = f"cleared the RAG set by hand ({rag})"
                changes = []
            else:
                return None
        values_only = kind_name == "update" and summary.startswith("withdrew")
        return Entry(first.history_date, "", summary, changes, subject, url, values_only)

    return describe


def action_history(action: Action) -> list[Entry]:
    """Everything that happened to one action, newest first: the action's own fields, its
    milestones, progress updates and RAG overrides."""
    plan = action.plan
    action_rows = with_requirements(
        list(Action.history.filter(id=action.pk).order_by("history_date", "history_id"))
    )
    milestones = list(
        Milestone.history.filter(action_id=action.pk).order_by("history_date", "history_id")
    )
    updates = list(
        ProgressUpdate.history.filter(action_id=action.pk).order_by("history_date", "history_id")
    )
    overrides = list(
        RagOverride.history.filter(action_id=action.pk).order_by("history_date", "history_id")
    )
    names = Names(plan).load([*action_rows, *milestones, *updates, *overrides])
    urls = {action.pk: (str(action), action.get_absolute_url())}
    entries = [
        *_object_entries(Action, action_rows, names, _describe_action(names, urls)),
        *_object_entries(Milestone, milestones, names, _describe_child("milestone", names, urls)),
        *_object_entries(ProgressUpdate, updates, names, _describe_child("update", names, urls)),
        *_object_entries(RagOverride, overrides, names, _describe_child("override", names, urls)),
    ]
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def _newest_rows(history: Any, limit: int) -> tuple[list[Any], dict[int, Any]]:
    """The newest `limit` rows of a history queryset (oldest first), and for each object whose
    first kept row is a change, the row before it (without it that change, perhaps the newest
    of all, could not be described). Two queries: the previous row's id comes from a window
    function over each object's rows."""
    rows = list(
        history.annotate(
            previous_history_id=Window(
                Lag("history_id"),
                partition_by=[F("id")],
                order_by=[F("history_date").asc(), F("history_id").asc()],
            )
        ).order_by("-history_date", "-history_id")[:limit]
    )[::-1]
    first_kept: dict[int, Any] = {}
    for row in rows:
        first_kept.setdefault(row.id, row)
    wanted = [
        row.previous_history_id
        for row in first_kept.values()
        if row.history_type != "+" and row.previous_history_id is not None
    ]
    before = {row.id: row for row in history.model.objects.filter(history_id__in=wanted)}
    return rows, before


def plan_history(plan: ImprovementPlan, limit: int = 200) -> list[Entry]:
    """The latest changes anywhere in the plan, newest first (at most `limit`)."""
    plan_rows = list(
        ImprovementPlan.history.filter(id=plan.pk).order_by("history_date", "history_id")
    )
    theme_rows = list(Theme.history.filter(plan_id=plan.pk).order_by("history_date", "history_id"))
    requirement_rows = list(
        Requirement.history.filter(plan_id=plan.pk).order_by("history_date", "history_id")
    )
    action_rows, actions_before = _newest_rows(Action.history.filter(plan_id=plan.pk), limit * 2)
    with_requirements([*action_rows, *actions_before.values()])
    # actions are never deleted, so the plan's actions are every action its history knows
    current = list(Action.all_objects.filter(plan=plan).values_list("id", "number", "title"))
    action_ids = {pk for pk, _, _ in current}
    milestones, milestones_before = _newest_rows(
        Milestone.history.filter(action_id__in=action_ids), limit
    )
    updates, updates_before = _newest_rows(
        ProgressUpdate.history.filter(action_id__in=action_ids), limit
    )
    overrides, overrides_before = _newest_rows(
        RagOverride.history.filter(action_id__in=action_ids), limit
    )
    names = Names(plan).load(
        [
            *plan_rows,
            *theme_rows,
            *action_rows,
            *milestones,
            *updates,
            *overrides,
            *actions_before.values(),
            *milestones_before.values(),
            *updates_before.values(),
            *overrides_before.values(),
        ]
    )
    slug = plan.local_authority.slug
    latest_titles = {pk: (number, title) for pk, number, title in current}
    from django.urls import reverse

    urls = {
        pk: (
            f"Action {number}: {title}",
            reverse("plans:action", args=[slug, plan.pk, number]),
        )
        for pk, (number, title) in latest_titles.items()
    }

    def describe_plan(kind: str, first: Any, last: Any, changes: list[FieldChange]):
        if kind == "created":
            return Entry(first.history_date, "", "created the plan", [], "The plan")
        if not changes:
            return None
        return Entry(first.history_date, "", "changed the plan's details", changes, "The plan")

    def describe_theme(kind: str, first: Any, last: Any, changes: list[FieldChange]):
        name = _quote(last.name)
        if kind == "created":
            return Entry(first.history_date, "", f"added the theme {name}", [], "Themes")
        if kind == "deleted":
            return Entry(first.history_date, "", f"removed the theme {name}", [], "Themes")
        changes = [c for c in changes if c.label != "Order"]
        summary = f"changed the theme {name}" if changes else f"moved the theme {name}"
        return Entry(first.history_date, "", summary, changes, "Themes")

    def describe_requirement(kind: str, first: Any, last: Any, changes: list[FieldChange]):
        if kind == "created" and last.recommendation_id:
            return None  # copied from the report with the plan
        label = ("Recommendation " if last.recommendation_id else "Requirement ") + str(last.number)
        verb = {"created": "added", "changed": "changed", "deleted": "removed"}[kind]
        return Entry(first.history_date, "", f"{verb} {label}", changes, "Recommendations")

    entries = [
        *_object_entries(ImprovementPlan, plan_rows, names, describe_plan),
        *_object_entries(Theme, theme_rows, names, describe_theme),
        *_object_entries(Requirement, requirement_rows, names, describe_requirement),
        *_object_entries(Action, action_rows, names, _describe_action(names, urls), actions_before),
        *_object_entries(
            Milestone,
            milestones,
            names,
            _describe_child("milestone", names, urls),
            milestones_before,
        ),
        *_object_entries(
            ProgressUpdate, updates, names, _describe_child("update", names, urls), updates_before
        ),
        *_object_entries(
            RagOverride,
            overrides,
            names,
            _describe_child("override", names, urls),
            overrides_before,
        ),
    ]
    # Apps above plans (self-assessment rounds, ...) add theirs through ilacs.plans.hooks.
    from ilacs.plans import hooks

    entries.extend(hooks.history_entries(plan, limit))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def changes_since(obj: Any, loaded_version: int) -> list[FieldChange]:
    """What others changed in a plan or action after `loaded_version` (for an edit conflict):
    the difference between the last history row at that version and the latest."""
    model = type(obj)
    rows = list(model.history.filter(id=obj.pk).order_by("history_date", "history_id"))
    if model is Action:
        with_requirements(rows)
    before = [r for r in rows if r.version <= loaded_version]
    if not before or not rows:
        return []
    plan = obj if isinstance(obj, ImprovementPlan) else obj.plan
    names = Names(plan).load(rows)
    return diff(model, before[-1], rows[-1], names)


def describe_values(obj: Any, values: dict[str, Any]) -> list[FieldChange]:
    """Field by field, values a person tried to save that differ from `obj`'s (for an edit
    conflict: "Your changes, not saved")."""
    model = type(obj)
    plan = obj if isinstance(obj, ImprovementPlan) else obj.plan
    names = Names(plan).load([])
    out = []
    for name, value in values.items():
        if name in HIDDEN:
            continue
        if name == "requirements":
            new = sorted(r.pk for r in value)
            old = sorted(obj.requirements.values_list("pk", flat=True))
            if new == old:
                continue
            text = ", ".join(names.requirements.get(i, "?") for i in new) or "none"
        else:
            current = getattr(obj, name)
            if current == value or (current in (None, "") and value in (None, "")):
                continue
            if name in ("lead_user", "owner"):
                text = person_name(value) if value else "none"
            elif isinstance(value, models.Model):
                text = str(value)
            else:
                text = _display(model, name, value, names)
        out.append(FieldChange(_label(model, name), "", text))
    return out
