"""Writes to improvement plans. The web pages and `ilacs plan` both call these, and nothing else
writes plan data.

- Every write takes the person making it (`user`), checks their permission through
  ilacs.accounts.permissions, and records them in the history (django-simple-history keeps
  who, when and the values before and after).
- Editing a plan or an action carries the version the person loaded; if someone else saved in
  the meantime, the save is refused with `EditConflict` and nothing is overwritten. The check
  runs inside a transaction on the row locked with SELECT ... FOR UPDATE (on SQLite, whose
  transactions here begin IMMEDIATE, the write lock does the same).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone

from ilacs.accounts import permissions
from ilacs.dates import format_date
from ilacs.inspections.models import Inspection
from ilacs.plans import topics
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
from ilacs.plans.workingdays import submission_deadline


class PlanError(ValueError):
    """A write that cannot be done, with the reason in plain words for the person."""


class Removed(PlanError):
    """What the person was changing was removed by someone else meanwhile."""


@dataclass
class EditConflict(Exception):
    """Someone else saved the same plan or action after this person loaded it."""

    current: Any  # the object as it is now
    loaded_version: int
    attempted: dict[str, Any] = field(default_factory=dict)  # what this person tried to save

    @property
    def changed_by(self) -> str:
        return person_name(self.current.updated_by) or "Someone"

    @property
    def changed_at(self) -> dt.datetime:
        return timezone.localtime(self.current.updated_at)

    def __str__(self) -> str:
        return (
            f"{self.changed_by} changed this at {self.changed_at:%H:%M} on "
            f"{self.changed_at:%d %B %Y} while you were editing it. Your changes were not saved."
        )


def _as(user: Any, *objects: Any) -> None:
    """Record `user` as the author of the next history entry of each object."""
    for obj in objects:
        obj._history_user = user


def _removed_by(model: type[models.Model], pk: int, scope: Mapping[str, Any]) -> str:
    """Who deleted the row, from its history ("Erin Editor"), or "someone else"."""
    row = (
        model.history.filter(id=pk, history_type="-", **scope)  # type: ignore[attr-defined]
        .select_related("history_user")
        .order_by("-history_date")
        .first()
    )
    return (person_name(row.history_user) if row is not None else "") or "someone else"


def _locked(model: type[models.Model], pk: int, what: str, **scope: Any) -> Any:
    """The row, locked until the transaction ends; `scope` keeps the look-up within a plan or
    an action (plan_id=..., action_id=...). Removed, with who removed it, when it is not there:
    a write never re-creates what someone else deleted."""
    found = (
        model.objects.select_for_update()  # type: ignore[attr-defined]
        .filter(pk=pk, **scope)
        .first()
    )
    if found is None:
        raise Removed(
            f"This {what} was removed by {_removed_by(model, pk, scope)}. "
            "Your changes were not saved."
        )
    return found


def _lock_plan(plan: ImprovementPlan) -> None:
    """Lock the plan's row: writes that number or name things within a plan wait in turn."""
    list(ImprovementPlan.objects.select_for_update().filter(pk=plan.pk).values_list("pk"))


def _require_edit(user: Any, plan_or_la: Any) -> None:
    la = getattr(plan_or_la, "local_authority", plan_or_la)
    if not permissions.can_edit_plan(user, la):
        raise PermissionDenied("You cannot edit this improvement plan.")


# --- Plans ---------------------------------------------------------------------------------------


def default_title(inspection: Inspection) -> str:
    return (
        f"{inspection.local_authority.name} improvement plan: inspection of {inspection.date_range}"
    )


def publication_date_problem(
    inspection: Inspection, published: dt.date, today: dt.date | None = None
) -> str:
    """Why `published` cannot be the report's publication date, or "" when it can: Ofsted
    publishes after the inspection ends, and never in the future."""
    today = today or timezone.localdate()
    if published > today:
        return "The date the report was published must be today or in the past"
    end = inspection.inspection_end or inspection.inspection_start
    if end is not None and published < end:
        return (
            "The date the report was published must be after the inspection ended on "
            f"{format_date(end)}"
        )
    return ""


def plan_deadline_for(inspection: Inspection, report_published: dt.date | None = None) -> dt.date:
    published = inspection.published or report_published
    if published is None:
        raise PlanError(
            "The report does not print the date it was published. Enter the date it was "
            "published: the deadline counts from it."
        )
    if inspection.published is None:
        problem = publication_date_problem(inspection, published)
        if problem:
            raise PlanError(problem + ".")
    return submission_deadline(published)


def create_plan(
    inspection: Inspection,
    *,
    user: Any,
    report_published: dt.date | None = None,
    title: str = "",
) -> ImprovementPlan:
    """A new draft plan for the inspection, with one requirement per recommendation of the report
    (the LSCB review's own recommendations are the board's, not the council's, and are left out).

    The submission deadline is 70 working days after publication: the report's printed date, or
    `report_published` when the report prints none.
    """
    la = inspection.local_authority
    _require_edit(user, la)
    published = inspection.published or report_published
    deadline = plan_deadline_for(inspection, report_published)
    assert published is not None
    with transaction.atomic():
        # lock the inspection so that two editors creating its plan at once make one plan
        locked = Inspection.objects.select_for_update().filter(pk=inspection.pk).first()
        if locked is None or locked.withdrawn_at is not None:
            raise PlanError("This report has been withdrawn: it cannot have an improvement plan.")
        if ImprovementPlan.objects.filter(inspection=inspection).exists():
            raise PlanError("This inspection already has an improvement plan.")
        plan = ImprovementPlan(
            local_authority=la,
            inspection=inspection,
            title=(title or default_title(inspection))[:200],
            status=PlanStatus.DRAFT,
            owner=user,
            report_published=published,
            submission_deadline=deadline,
            created_by=user,
            updated_by=user,
        )
        _as(user, plan)
        plan.save()
        for rec in inspection.recommendations.filter(is_lscb=False).order_by("number"):
            requirement = Requirement(
                plan=plan, number=rec.number, text=rec.text, page=rec.page, recommendation=rec
            )
            requirement.topics = topics.auto_topics(requirement)
            _as(user, requirement)
            requirement.save()
    return plan


PLAN_FIELDS = (
    "title",
    "status",
    "owner",
    "report_published",
    "submission_deadline",
    "last_board_meeting",
)


def update_plan(
    plan: ImprovementPlan, *, user: Any, expected_version: int, changes: Mapping[str, Any]
) -> ImprovementPlan:
    """Change the plan's details (PLAN_FIELDS); refused with EditConflict if someone saved it
    since `expected_version` was loaded."""
    _require_edit(user, plan)
    unknown = set(changes) - set(PLAN_FIELDS)
    if unknown:
        raise PlanError(f"Unknown plan fields: {', '.join(sorted(unknown))}")
    owner = changes.get("owner")
    if owner is not None and permissions.role_for(owner, plan.local_authority) is None:
        raise PlanError(f"{person_name(owner)} is not a member of {plan.local_authority.name}.")
    with transaction.atomic():
        current = ImprovementPlan.objects.select_for_update().get(pk=plan.pk)
        if current.version != expected_version:
            raise EditConflict(current, expected_version, dict(changes))
        changes = dict(changes)
        published = changes.get("report_published")
        if published is not None and published != current.report_published:
            problem = publication_date_problem(plan.inspection, published)
            if problem:
                raise PlanError(problem + ".")
        if (
            published is not None
            and published != current.report_published
            and changes.get("submission_deadline", current.submission_deadline)
            == current.submission_deadline
            and current.submission_deadline == submission_deadline(current.report_published)
        ):
            # The deadline was the default: it follows the corrected publication date.
            changes["submission_deadline"] = submission_deadline(published)
        for name, value in changes.items():
            setattr(current, name, value)
        current.version += 1
        current.updated_by = user
        _as(user, current)
        current.save()
    return current


# --- Themes --------------------------------------------------------------------------------------


THEME_NAME_TAKEN = "The plan already has a theme called “{name}”."


def _check_theme_name(plan: ImprovementPlan, name: str, *, exclude: int | None = None) -> str:
    name = name.strip()
    if not name:
        raise PlanError("Enter the theme's name.")
    others = Theme.objects.filter(plan=plan, name__iexact=name)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    if others.exists():
        raise PlanError(THEME_NAME_TAKEN.format(name=name))
    return name


def _save_theme(theme: Theme, name: str) -> None:
    """Save; the database's case-insensitive unique name is the last word (two people at once)."""
    try:
        with transaction.atomic():
            theme.save()
    except IntegrityError:
        raise PlanError(THEME_NAME_TAKEN.format(name=name)) from None


def add_theme(plan: ImprovementPlan, *, user: Any, name: str, description: str = "") -> Theme:
    _require_edit(user, plan)
    with transaction.atomic():
        # the plan's row lock makes a second add wait, then see the first's name and order
        _lock_plan(plan)
        name = _check_theme_name(plan, name)
        order = (Theme.objects.filter(plan=plan).aggregate(m=Max("order"))["m"] or 0) + 1
        theme = Theme(plan=plan, name=name, description=description.strip(), order=order)
        _as(user, theme)
        _save_theme(theme, name)
    return theme


def update_theme(theme: Theme, *, user: Any, name: str, description: str = "") -> Theme:
    """Rename a theme. Refused if another theme has the name (whatever its case) or if someone
    removed the theme meanwhile."""
    _require_edit(user, theme.plan)
    with transaction.atomic():
        _lock_plan(theme.plan)
        current = _locked(Theme, theme.pk, "theme", plan_id=theme.plan_id)
        name = _check_theme_name(theme.plan, name, exclude=theme.pk)
        current.name, current.description = name, description.strip()
        _as(user, current)
        _save_theme(current, name)
    theme.name, theme.description = current.name, current.description
    return current


def move_theme(theme: Theme, *, user: Any, up: bool) -> None:
    """Swap the theme with the one before (up) or after it."""
    _require_edit(user, theme.plan)
    with transaction.atomic():
        _lock_plan(theme.plan)
        themes = list(Theme.objects.filter(plan=theme.plan).order_by("order", "pk"))
        index = next((i for i, t in enumerate(themes) if t.pk == theme.pk), None)
        if index is None:
            _locked(Theme, theme.pk, "theme", plan_id=theme.plan_id)  # raises Removed
        other = index - 1 if up else index + 1
        if not 0 <= other < len(themes):
            return
        themes[index], themes[other] = themes[other], themes[index]
        for position, item in enumerate(themes, start=1):
            if item.order != position:
                item.order = position
                _as(user, item)
                item.save(update_fields=["order"])


def delete_theme(theme: Theme, *, user: Any) -> None:
    """Remove a theme. Its actions stay in the plan, without a theme."""
    _require_edit(user, theme.plan)
    with transaction.atomic():
        _lock_plan(theme.plan)
        current = _locked(Theme, theme.pk, "theme", plan_id=theme.plan_id)
        for action in Action.objects.select_for_update().filter(theme=current):
            action.theme = None
            action.updated_by = user
            action.version += 1
            _as(user, action)
            action.save()
        _as(user, current)
        current.delete()


# --- Requirements --------------------------------------------------------------------------------


def add_requirement(plan: ImprovementPlan, *, user: Any, text: str) -> Requirement:
    """A requirement of the council's own (not from the report), numbered after the others."""
    _require_edit(user, plan)
    text = text.strip()
    if not text:
        raise PlanError("Enter what needs to improve.")
    with transaction.atomic():
        # two editors at once: the plan row lock makes the second wait for the first's number
        _lock_plan(plan)
        number = (plan.requirements.aggregate(m=Max("number"))["m"] or 0) + 1
        requirement = Requirement(plan=plan, number=number, text=text)
        requirement.topics = topics.auto_topics(requirement)
        _as(user, requirement)
        requirement.save()
    return requirement


def set_topics(obj: Requirement | Action, *, user: Any, chosen: list[str] | None) -> Any:
    """An editor's correction of a requirement's or action's improvement topics (the chief
    first, up to three), kept in its history; `chosen=None` hands them back to ilacs, which
    takes them from the words again. Locked, so two editors at once do not interleave."""
    _require_edit(user, obj.plan)
    if chosen is not None:
        try:
            chosen = topics.check_topics(chosen)
        except ValueError as exc:
            raise PlanError(str(exc)) from exc
    model = type(obj)
    manager = Action.objects if model is Action else Requirement.objects
    with transaction.atomic():
        current = manager.select_for_update().filter(pk=obj.pk).first()
        if current is None:
            raise PlanError("This has been removed or withdrawn: its topics cannot be changed.")
        if chosen is None:
            current.topics_set_by_hand = False
            current.topics = topics.auto_topics(current)
        else:
            current.topics_set_by_hand = True
            current.topics = chosen
        if model is Action:
            current.version += 1
            current.updated_by = user
        _as(user, current)
        current.save()
    return current


# --- Actions -------------------------------------------------------------------------------------

ACTION_FIELDS = (
    "title",
    "description",
    "theme",
    "lead_user",
    "lead_role",
    "due_date",
    "status",
    "success_measure",
    "requirements",
)


def lead_problem(user: Any, la: Any) -> str:
    """Why `user` cannot lead an action of the council, or "" when they can. A lead posts
    progress updates, so they must be a member who may: a contributor, editor or admin."""
    role = permissions.role_for(user, la)
    if role is None:
        return f"{person_name(user)} is not a member of {la.name}."
    if not permissions.role_allows(role, permissions.Action.POST_UPDATE_OWN):
        return (
            f"{person_name(user)} is a {role.label.lower()} of {la.name}, and viewers cannot "
            "post progress updates, so cannot lead an action. Ask the council's ilacs admin to "
            "make them a contributor, or enter the lead's role instead."
        )
    return ""


def _check_action_values(plan: ImprovementPlan, values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(ACTION_FIELDS)
    if unknown:
        raise PlanError(f"Unknown action fields: {', '.join(sorted(unknown))}")
    if "title" in values and not (values["title"] or "").strip():
        raise PlanError("Enter the action's title.")
    theme = values.get("theme")
    if theme is not None and theme.plan_id != plan.pk:
        raise PlanError("That theme belongs to another plan.")
    lead = values.get("lead_user")
    if lead is not None:
        problem = lead_problem(lead, plan.local_authority)
        if problem:
            raise PlanError(problem)
    for requirement in values.get("requirements") or ():
        if requirement.plan_id != plan.pk:
            raise PlanError("That recommendation belongs to another plan.")
    if "status" in values and values["status"] not in ActionStatus.values:
        raise PlanError(f"Unknown status {values['status']!r}.")


def add_action(
    plan: ImprovementPlan,
    *,
    user: Any,
    title: str,
    description: str = "",
    theme: Theme | None = None,
    lead_user: Any = None,
    lead_role: str = "",
    due_date: dt.date | None = None,
    status: str = ActionStatus.NOT_STARTED,
    success_measure: str = "",
    requirements: Iterable[Requirement] = (),
) -> Action:
    _require_edit(user, plan)
    requirements = list(requirements)
    values = {
        "title": title,
        "theme": theme,
        "lead_user": lead_user,
        "status": status,
        "requirements": requirements,
    }
    _check_action_values(plan, values)
    if lead_user is None and not lead_role.strip():
        raise PlanError("Choose the lead, or enter the lead's role.")
    with transaction.atomic():
        # Lock the plan so that two actions added at once get different numbers.
        _lock_plan(plan)
        if theme is not None:
            theme = _locked(Theme, theme.pk, "theme", plan_id=plan.pk)
        # withdrawn actions keep their numbers: never reused
        number = (Action.all_objects.filter(plan=plan).aggregate(m=Max("number"))["m"] or 0) + 1
        action = Action(
            plan=plan,
            number=number,
            title=title.strip(),
            description=description.strip(),
            theme=theme,
            lead_user=lead_user,
            lead_role=lead_role.strip(),
            due_date=due_date,
            status=status,
            success_measure=success_measure.strip(),
            created_by=user,
            updated_by=user,
        )
        action.topics = topics.auto_topics(action)
        _as(user, action)
        action.save()
        if requirements:
            action.requirements.set(requirements)
    return action


def update_action(
    action: Action, *, user: Any, expected_version: int, changes: Mapping[str, Any]
) -> Action:
    """Change an action's fields (ACTION_FIELDS). If anyone saved the action after
    `expected_version` was loaded, nothing is saved and EditConflict says who and when."""
    plan = action.plan
    _require_edit(user, plan)
    _check_action_values(plan, changes)
    with transaction.atomic():
        if changes.get("theme") is not None:
            # not a theme removed meanwhile (locked first: delete_theme locks theme, then actions)
            _locked(Theme, changes["theme"].pk, "theme", plan_id=plan.pk)
        current = (
            Action.objects.select_for_update(of=("self",))
            .select_related("plan__local_authority", "updated_by")
            .filter(pk=action.pk)
            .first()
        )
        if current is None:
            raise PlanError("This action has been withdrawn: it cannot be changed.")
        if current.version != expected_version:
            raise EditConflict(current, expected_version, dict(changes))
        lead_user = changes.get("lead_user", current.lead_user)
        lead_role = changes.get("lead_role", current.lead_role)
        if lead_user is None and not (lead_role or "").strip():
            raise PlanError("Choose the lead, or enter the lead's role.")
        for name, value in changes.items():
            if name == "requirements":
                continue
            if isinstance(value, str):
                value = value.strip()
            setattr(current, name, value)
        if not current.topics_set_by_hand and ({"title", "description"} & set(changes)):
            current.topics = topics.auto_topics(current)
        current.version += 1
        current.updated_by = user
        _as(user, current)
        current.save()
        if "requirements" in changes:
            wanted = {r.pk for r in changes["requirements"]}
            if wanted != set(current.requirements.values_list("pk", flat=True)):
                current.requirements.set(list(changes["requirements"]))
    return current


# --- Milestones ----------------------------------------------------------------------------------


class _Unchanged:
    """The default of an optional argument that may also be given as None ("no due date")."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()


def _check_done_on(done_on: dt.date | None) -> dt.date:
    today = timezone.localdate()
    if done_on is None:
        return today
    if done_on > today:
        raise PlanError("The date a milestone was done must be today or in the past.")
    return done_on


def add_milestone(
    action: Action,
    *,
    user: Any,
    title: str,
    due_date: dt.date | None = None,
    done: bool = False,
    done_on: dt.date | None = None,
) -> Milestone:
    """A dated step of the action; `done` (on `done_on`, today by default) when it is already
    done. One write: the milestone is added done, or not at all."""
    _require_edit(user, action.plan)
    title = title.strip()
    if not title:
        raise PlanError("Enter the milestone.")
    with transaction.atomic():
        milestone = Milestone(action=action, title=title, due_date=due_date, done=done)
        if done:
            milestone.done_on = _check_done_on(done_on)
        _as(user, milestone)
        milestone.save()
    return milestone


def update_milestone(
    milestone: Milestone,
    *,
    user: Any,
    title: str | None = None,
    due_date: dt.date | None = UNCHANGED,
    done: bool | None = None,
    done_on: dt.date | None = None,
) -> Milestone:
    """Change a milestone. `due_date=None` removes its due date; leave it out to keep it. When
    it is ticked done, `done_on` is the day it was done (today by default, never later); given
    for a milestone already done, it corrects that day. Refused when someone removed the
    milestone meanwhile: nothing is re-created."""
    _require_edit(user, milestone.action.plan)
    if title is not None and not title.strip():
        raise PlanError("Enter the milestone.")
    with transaction.atomic():
        current = _locked(Milestone, milestone.pk, "milestone", action_id=milestone.action_id)
        if title is not None:
            current.title = title.strip()
        if due_date is not UNCHANGED:
            current.due_date = due_date
        if done is not None and done != current.done:
            current.done = done
            current.done_on = _check_done_on(done_on) if done else None
        elif current.done and done_on is not None and done is not False:
            current.done_on = _check_done_on(done_on)
        _as(user, current)
        current.save()
    milestone.__dict__.update(
        title=current.title, due_date=current.due_date, done=current.done, done_on=current.done_on
    )
    return current


def delete_milestone(milestone: Milestone, *, user: Any) -> None:
    """Remove a milestone (refused, with who did it, when it was already removed)."""
    _require_edit(user, milestone.action.plan)
    with transaction.atomic():
        current = _locked(Milestone, milestone.pk, "milestone", action_id=milestone.action_id)
        _as(user, current)
        current.delete()


# --- Progress updates ----------------------------------------------------------------------------


def post_update(
    action: Action,
    *,
    user: Any,
    narrative: str,
    rag: str,
    date: dt.date | None = None,
    evidence: str = "",
) -> ProgressUpdate:
    """A dated progress narrative with the author's RAG. Editors and admins post on any action;
    contributors on the actions they lead. The first update on a not-started action marks it in
    progress."""
    if not permissions.can_post_update(user, action):
        raise PermissionDenied("You can only post updates on the actions you lead.")
    narrative = narrative.strip()
    if not narrative:
        raise PlanError("Enter the progress made.")
    if rag not in JudgedRag.values:
        raise PlanError("Choose red, amber or green.")
    if date is not None and date > timezone.localdate():
        # a future-dated update would stay "the latest" and hide every later judgement
        raise PlanError("The date of an update must be today or in the past.")
    with transaction.atomic():
        update = ProgressUpdate(
            action=action,
            date=date or timezone.localdate(),
            narrative=narrative,
            rag=rag,
            evidence=evidence.strip(),
            author=user,
        )
        _as(user, update)
        update.save()
        if action.status == ActionStatus.NOT_STARTED:
            current = Action.objects.select_for_update().get(pk=action.pk)
            if current.status == ActionStatus.NOT_STARTED:
                current.status = ActionStatus.IN_PROGRESS
                current.version += 1
                current.updated_by = user
                _as(user, current)
                current.save()
                action.status, action.version = current.status, current.version
    return update


def can_correct_update(user: Any, update: ProgressUpdate) -> bool:
    """Its author (while they may still post updates in the council) or an editor."""
    la = update.action.plan.local_authority
    if permissions.can_edit_plan(user, la):
        return True
    return bool(
        user is not None
        and update.author_id is not None
        and update.author_id == user.pk
        and permissions.has_permission(user, la, permissions.Action.POST_UPDATE_OWN)
    )


def _require_correct(user: Any, update: ProgressUpdate) -> None:
    if not can_correct_update(user, update):
        raise PermissionDenied("Only its author or an editor can correct a progress update.")


def correct_update(
    update: ProgressUpdate,
    *,
    user: Any,
    narrative: str,
    rag: str,
    date: dt.date,
    evidence: str = "",
) -> ProgressUpdate:
    """Correct a progress update (its author or an editor). The history keeps what it said."""
    _require_correct(user, update)
    narrative = narrative.strip()
    if not narrative:
        raise PlanError("Enter the progress made.")
    if rag not in JudgedRag.values:
        raise PlanError("Choose red, amber or green.")
    if date > timezone.localdate():
        raise PlanError("The date of an update must be today or in the past.")
    with transaction.atomic():
        current = ProgressUpdate.objects.select_for_update().filter(pk=update.pk).first()
        if current is None:
            raise PlanError("This progress update has been withdrawn: it cannot be corrected.")
        current.narrative, current.rag, current.date = narrative, rag, date
        current.evidence = evidence.strip()
        current.corrected_at, current.corrected_by = timezone.now(), user
        _as(user, current)
        current.save()
    return current


def withdraw_update(update: ProgressUpdate, *, user: Any, reason: str) -> ProgressUpdate:
    """Withdraw a progress update posted by mistake (its author or an editor): it leaves the
    action's page and RAG; the history keeps it, with who withdrew it and why."""
    _require_correct(user, update)
    reason = reason.strip()
    if not reason:
        raise PlanError("Enter why the progress update is being withdrawn.")
    with transaction.atomic():
        current = ProgressUpdate.objects.select_for_update().filter(pk=update.pk).first()
        if current is None:
            raise PlanError("This progress update has already been withdrawn.")
        current.withdrawn_at, current.withdrawn_by = timezone.now(), user
        current.withdrawn_reason = reason
        _as(user, current)
        current.save()
    return current


def withdraw_action(action: Action, *, user: Any, reason: str) -> Action:
    """Withdraw an action added by mistake (editors): it leaves the plan's pages and counts and
    keeps its number; the action, its updates and the history stay, with who withdrew it and
    why."""
    _require_edit(user, action.plan)
    reason = reason.strip()
    if not reason:
        raise PlanError("Enter why the action is being withdrawn.")
    with transaction.atomic():
        current = Action.objects.select_for_update(of=("self",)).filter(pk=action.pk).first()
        if current is None:
            raise PlanError("This action has already been withdrawn.")
        current.withdrawn_at, current.withdrawn_by = timezone.now(), user
        current.withdrawn_reason = reason
        current.version += 1
        current.updated_by = user
        _as(user, current)
        current.save()
    return current


# --- RAG overrides -------------------------------------------------------------------------------


def standing_override(action: Action) -> RagOverride | None:
    return action.rag_overrides.filter(cleared_at__isnull=True).select_related("set_by").first()


def set_rag_override(action: Action, *, user: Any, rag: str, reason: str) -> RagOverride:
    """An editor's RAG for the action, shown with their name and reason until cleared. Replaces
    any override standing before."""
    _require_edit(user, action.plan)
    reason = reason.strip()
    if not reason:
        raise PlanError("Enter why the RAG is being set by hand.")
    if rag not in JudgedRag.values:
        raise PlanError("Choose red, amber or green.")
    now = timezone.now()
    with transaction.atomic():
        # Lock the action: two people setting its RAG at once take turns, and the second
        # replaces the first's (one standing override per action, enforced by the database).
        _locked(Action, action.pk, "action", plan_id=action.plan_id)
        for old in action.rag_overrides.select_for_update().filter(cleared_at__isnull=True):
            old.cleared_at, old.cleared_by = now, user
            _as(user, old)
            old.save()
        override = RagOverride(action=action, rag=rag, reason=reason, set_by=user, set_at=now)
        _as(user, override)
        override.save()
    return override


def clear_rag_override(action: Action, *, user: Any) -> bool:
    """Return the action to the RAG rules. True when an override was standing."""
    _require_edit(user, action.plan)
    cleared = False
    with transaction.atomic():
        _locked(Action, action.pk, "action", plan_id=action.plan_id)
        for old in action.rag_overrides.select_for_update().filter(cleared_at__isnull=True):
            old.cleared_at, old.cleared_by = timezone.now(), user
            _as(user, old)
            old.save()
            cleared = True
    return cleared
