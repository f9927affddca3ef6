"""The handlers of `ilacs plan ...` (the parser is in ilacs.plans.cli). Imported once Django is
set up: each handler takes the parsed arguments and where to print, and returns the exit status
(0 done; 1 refused; 2 not found or not set up)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from ilacs.accounts import permissions
from ilacs.cli_support import CommandError, find_user, require_migrated
from ilacs.dates import format_date
from ilacs.inspections.models import Inspection
from ilacs.plans import history, queries, services
from ilacs.plans.models import ImprovementPlan
from ilacs.plans.services import EditConflict, PlanError


def run(command: str, args: argparse.Namespace) -> int:
    """Run the handler for `command`; refusals are printed on stderr as one line."""
    out: TextIO = getattr(args, "out", None) or sys.stdout
    err: TextIO = getattr(args, "err", None) or sys.stderr
    try:
        require_migrated()
        return HANDLERS[command](args, out)
    except CommandError as exc:
        err.write(f"{exc}\n")
        return exc.status
    except Http404:
        err.write("Not found (or not visible to that user).\n")
        return 2
    except PermissionDenied as exc:
        err.write(f"Not allowed: {exc or 'that user cannot do this'}\n")
        return 1
    except EditConflict as exc:
        err.write(f"Not saved: {exc}\n")
        return 1
    except PlanError as exc:
        err.write(f"Not saved: {exc}\n")
        return 1


# --- look-ups ----------------------------------------------------------------------------------


def _plan(args: argparse.Namespace, user: Any) -> Any:
    plan = (
        ImprovementPlan.objects.select_related("local_authority", "inspection", "owner")
        .filter(pk=args.plan)
        .first()
    )
    if plan is None:
        raise CommandError(f"There is no plan {args.plan}.", 2)
    if user is not None:
        permissions.check(user, plan.local_authority)
    return plan


def _action(plan: Any, number: int) -> Any:
    action = plan.actions.select_related("theme", "lead_user").filter(number=number).first()
    if action is None:
        raise CommandError(f"Plan {plan.pk} has no action {number}.", 2)
    action.plan = plan
    return action


def _theme(plan: Any, name: str | None) -> Any:
    if not name:
        return None
    theme = plan.themes.filter(name__iexact=name.strip()).first()
    if theme is None:
        names = ", ".join(plan.themes.values_list("name", flat=True)) or "none yet"
        raise CommandError(f"The plan has no theme {name!r} (themes: {names}).")
    return theme


def _requirements(plan: Any, numbers: list[int] | None) -> list[Any]:
    if not numbers:
        return []
    found = {r.number: r for r in plan.requirements.filter(number__in=numbers)}
    missing = [n for n in numbers if n not in found]
    if missing:
        raise CommandError(f"The plan has no recommendation {', '.join(map(str, missing))}.")
    return [found[n] for n in numbers]


def _today(args: argparse.Namespace) -> dt.date:
    return getattr(args, "today", None) or timezone.localdate()


def _fmt(day: dt.date | None) -> str:
    return format_date(day) if day else "none"


# --- commands ----------------------------------------------------------------------------------


def _list(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    plans = ImprovementPlan.objects.select_related("local_authority", "inspection")
    if user is not None:
        plans = plans.filter(local_authority__in=permissions.visible_local_authorities(user))
    if args.la:
        plans = plans.filter(local_authority__slug=args.la)
    for plan in plans.order_by("local_authority__name", "pk"):
        out.write(
            f"{plan.pk}\t{plan.local_authority.name}\t{plan.get_status_display()}\t"
            f"due {plan.submission_deadline.isoformat()}\t{plan.title}\n"
        )
    return 0


def _create(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    inspection = Inspection.objects.select_related("local_authority").filter(pk=args.inspection)
    inspection = inspection.first()
    if inspection is None:
        raise CommandError(f"There is no inspection {args.inspection}.", 2)
    permissions.check(user, inspection.local_authority)
    if inspection.published is None and args.published is None:
        raise CommandError(
            "The report does not print its publication date: give it with "
            "--published YYYY-MM-DD (the deadline counts 70 working days from it)."
        )
    plan = services.create_plan(
        inspection, user=user, report_published=args.published, title=args.title or ""
    )
    out.write(
        f"Created plan {plan.pk}: {plan.title}\n"
        f"{plan.requirements.count()} recommendations; submission deadline "
        f"{_fmt(plan.submission_deadline)} (70 working days after {_fmt(plan.report_published)})\n"
    )
    return 0


def _show(args: argparse.Namespace, out: TextIO) -> int:
    plan = _plan(args, find_user(args.user))
    overview = queries.plan_overview(plan, _today(args))
    out.write(f"{plan.title}\n{plan.local_authority.name}; {plan.get_status_display()}; ")
    out.write(f"submission deadline {_fmt(plan.submission_deadline)}\n")
    sections = [(theme.name, rows) for theme, rows in overview.themes]
    for name, rows in [*sections, ("No theme", overview.unthemed)]:
        if not rows:
            continue
        out.write(f"\n{name}\n")
        for row in rows:
            out.write(_row_line(row) + "\n")
    out.write("\nRecommendations\n")
    for item in overview.requirements:
        numbers = [action.number for action in item.actions]
        answered = ", ".join(map(str, numbers)) if numbers else "no action yet"
        requirement = item.requirement
        out.write(f"  {requirement.label}: {requirement.short_text} [actions: {answered}]\n")
    return 0


def _row_line(row: Any) -> str:
    action = row.action
    return (
        f"  {action.number:>3}. {action.title} | {action.lead_text or 'no lead'} | due "
        f"{_fmt(action.due_date)} | {row.rag.text} | {action.get_status_display()}"
    )


def _dashboard(args: argparse.Namespace, out: TextIO) -> int:
    plan = _plan(args, find_user(args.user))
    today = _today(args)
    since = args.since or plan.last_board_meeting
    board = queries.build_dashboard(plan, today, since=since)
    if args.json:
        json.dump(_dashboard_json(plan, board), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    out.write(f"{plan.title} ({plan.get_status_display()})\nAs at {_fmt(today)}\n\n")
    out.write("RAG: " + ", ".join(f"{rag.label} {n}" for rag, n in board.rag_counts) + "\n")
    out.write("Status: " + ", ".join(f"{label} {n}" for _, label, n in board.status_counts))
    out.write("\n")
    sections = [
        ("Overdue", board.overdue),
        ("Due in the next 30 days", board.due_soon),
    ]
    if since is not None:
        sections.append((f"No progress update since {_fmt(since)}", board.not_updated))
    for title, rows in sections:
        out.write(f"\n{title} ({len(rows)})\n")
        for row in rows:
            out.write(_row_line(row) + "\n")
    missing = board.requirements_without_action
    out.write(f"\nRecommendations with no action ({len(missing)})\n")
    for requirement in missing:
        out.write(f"  {requirement.label}: {requirement.text}\n")
    return 0


def _dashboard_json(plan: Any, board: Any) -> dict[str, Any]:
    def row(r: Any) -> dict[str, Any]:
        a = r.action
        return {
            "number": a.number,
            "title": a.title,
            "lead": a.lead_text,
            "due_date": a.due_date.isoformat() if a.due_date else None,
            "status": a.status,
            "rag": r.rag.rag.value,
            "rag_text": r.rag.text,
            "rag_reason": r.rag.reason,
            "rag_to_review": r.rag.to_review,
            "latest_update": r.latest_update_date.isoformat() if r.latest_update_date else None,
        }

    return {
        "plan": plan.pk,
        "title": plan.title,
        "status": plan.status,
        "as_at": board.today.isoformat(),
        "since": board.since.isoformat() if board.since else None,
        "rag_counts": {rag.value: n for rag, n in board.rag_counts},
        "status_counts": {value: n for value, _, n in board.status_counts},
        "overdue": [row(r) for r in board.overdue],
        "due_soon": [row(r) for r in board.due_soon],
        "not_updated": [row(r) for r in board.not_updated],
        "to_review": [row(r) for r in board.to_review],
        "recommendations_without_action": [
            {"number": r.number, "text": r.text} for r in board.requirements_without_action
        ],
    }


def _history(args: argparse.Namespace, out: TextIO) -> int:

    plan = _plan(args, find_user(args.user))
    if args.action:
        entries = history.action_history(_action(plan, args.action))
    else:
        entries = history.plan_history(plan)
    for entry in entries:
        when = timezone.localtime(entry.when)
        subject = f" [{entry.subject}]" if entry.subject and not args.action else ""
        out.write(f"{when:%Y-%m-%d %H:%M} {entry.who} {entry.summary}{subject}\n")
        for change in entry.changes:
            before = f"{change.old} -> " if change.old else ""
            out.write(f"    {change.label}: {before}{change.new}\n")
    return 0


def _edit(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    plan = _plan(args, user)
    changes: dict[str, Any] = {}
    for option, name in (
        ("title", "title"),
        ("status", "status"),
        ("published", "report_published"),
        ("deadline", "submission_deadline"),
        ("board_date", "last_board_meeting"),
    ):
        value = getattr(args, option)
        if value is not None:
            changes[name] = value
    if args.owner:
        changes["owner"] = find_user(args.owner)
    if not changes:
        raise CommandError("Nothing to change: give at least one option.")
    plan = services.update_plan(plan, user=user, expected_version=plan.version, changes=changes)
    out.write(f"Saved plan {plan.pk}: {plan.title} ({plan.get_status_display()})\n")
    return 0


def _add_theme(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    plan = _plan(args, user)
    theme = services.add_theme(plan, user=user, name=args.name, description=args.description)
    out.write(f"Added theme {theme.name!r} to plan {plan.pk}\n")
    return 0


def _action_values(args: argparse.Namespace, plan: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for option, name in (
        ("title", "title"),
        ("description", "description"),
        ("lead_role", "lead_role"),
        ("due", "due_date"),
        ("status", "status"),
        ("measure", "success_measure"),
    ):
        value = getattr(args, option)
        if value is not None:
            values[name] = value
    if args.theme is not None:
        values["theme"] = _theme(plan, args.theme)
    if args.lead is not None:
        values["lead_user"] = find_user(args.lead)
    if args.recommendation is not None:
        values["requirements"] = _requirements(plan, args.recommendation)
    return values


def _add_action(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    plan = _plan(args, user)
    action = services.add_action(plan, user=user, **_action_values(args, plan))
    out.write(f"Added action {action.number} to plan {plan.pk}: {action.title}\n")
    return 0


def _edit_action(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    plan = _plan(args, user)
    action = _action(plan, args.action)
    values = _action_values(args, plan)
    if not values:
        raise CommandError("Nothing to change: give at least one option.")
    version = args.version if args.version is not None else action.version
    action = services.update_action(action, user=user, expected_version=version, changes=values)
    out.write(f"Saved action {action.number} (version {action.version}): {action.title}\n")
    return 0


def _add_milestone(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    plan = _plan(args, user)
    action = _action(plan, args.action)
    milestone = services.add_milestone(action, user=user, title=args.title, due_date=args.due)
    out.write(f"Added milestone {milestone.pk} to action {action.number}: {milestone.title}\n")
    return 0


def _milestone_done(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    plan = _plan(args, user)
    action = _action(plan, args.action)
    milestone = action.milestones.filter(pk=args.milestone).first()
    if milestone is None:
        raise CommandError(f"Action {action.number} has no milestone {args.milestone}.", 2)
    milestone.action = action
    if args.undo and args.on:
        raise CommandError("Give --on only when marking a milestone done.")
    milestone = services.update_milestone(milestone, user=user, done=not args.undo, done_on=args.on)
    if args.undo:
        out.write(f"Milestone {milestone.pk} is not done\n")
    else:
        out.write(f"Milestone {milestone.pk} is done (on {milestone.done_on.isoformat()})\n")
    return 0


def _post_update(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    plan = _plan(args, user)
    action = _action(plan, args.action)
    update = services.post_update(
        action,
        user=user,
        narrative=args.narrative,
        rag=args.rag,
        date=args.date,
        evidence=args.evidence,
    )
    out.write(f"Posted update of {_fmt(update.date)} ({update.rag}) on action {action.number}\n")
    return 0


def _set_rag(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    plan = _plan(args, user)
    action = _action(plan, args.action)
    services.set_rag_override(action, user=user, rag=args.rag, reason=args.reason)
    out.write(f"Action {action.number}'s RAG is set by hand to {args.rag}\n")
    return 0


def _clear_rag(args: argparse.Namespace, out: TextIO) -> int:
    user = find_user(args.user)
    plan = _plan(args, user)
    action = _action(plan, args.action)
    cleared = services.clear_rag_override(action, user=user)
    out.write(
        f"Action {action.number}: "
        + ("the RAG set by hand is cleared\n" if cleared else "no RAG was set by hand\n")
    )
    return 0


def _import(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from ilacs.plans import imports
    from ilacs.tables import ImportFileError, check_size

    user = find_user(args.user)
    inspection = Inspection.objects.select_related("local_authority").filter(pk=args.inspection)
    inspection = inspection.first()
    if inspection is None:
        raise CommandError(f"There is no inspection {args.inspection}.", 2)
    la = inspection.local_authority
    permissions.check(user, la, permissions.Action.EDIT_PLAN)
    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"There is no file {args.file!r}.", 2)
    given: dict[str, str] = {}
    for item in args.mapping:
        heading, sep, name = item.rpartition("=")
        name = name.strip()
        if not sep or (name and name not in imports.FIELDS):
            raise CommandError(
                f"--mapping {item!r}: write HEADING=FIELD, FIELD one of "
                + ", ".join(imports.FIELDS)
                + " (or nothing)."
            )
        given[imports.heading_key(heading)] = name
    try:
        check_size(path.stat().st_size)
        found = imports.read(path.read_bytes(), path.name)
    except ImportFileError as exc:
        raise CommandError(f"Nothing was imported: {exc}") from None
    mapping = imports.guess_mapping(found.headings, {**imports.saved_mapping(la), **given})
    for heading, name in mapping.items():
        out.write(f"  {heading!r} -> {imports.FIELDS.get(name, '(left out)')}\n")
    problems = imports.mapping_problems(mapping, found.headings)
    if problems:
        raise CommandError("Nothing was imported: " + " ".join(problems))
    parsed = imports.parse(inspection, found, mapping)
    for name in parsed.left_out:
        out.write(f"{name} was left out: no column of it is the action.\n")
    if not parsed.ok:
        for error in parsed.errors:
            out.write(f"{error.message}\n")
        raise CommandError(
            f"Nothing was imported: the file has {len(parsed.errors)} problem"
            f"{'s' if len(parsed.errors) != 1 else ''} (listed above)."
        )
    if args.dry_run:
        out.write(f"{len(parsed.rows)} actions would be imported (dry run: nothing written).\n")
        return 0
    outcome = imports.apply(inspection, parsed, user=user, filename=path.name)
    imports.remember_mapping(la, mapping, user)
    out.write(
        ("Created" if outcome.created_plan else "Added to")
        + f" plan {outcome.plan.pk}: {outcome.actions} actions, {outcome.themes} new themes, "
        f"{outcome.updates} progress updates.\n"
    )
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "import": _import,
    "list": _list,
    "create": _create,
    "show": _show,
    "dashboard": _dashboard,
    "history": _history,
    "edit": _edit,
    "add-theme": _add_theme,
    "add-action": _add_action,
    "edit-action": _edit_action,
    "add-milestone": _add_milestone,
    "milestone-done": _milestone_done,
    "post-update": _post_update,
    "set-rag": _set_rag,
    "clear-rag": _clear_rag,
}
