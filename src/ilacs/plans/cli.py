"""`ilacs plan ...`: the command-line path to everything the plan pages do.

Reading (list, show, dashboard, history) needs no user: whoever runs the command runs the
service, as with `ilacs ingest`; with --user, that person's view applies. Every change needs
--user: their permissions apply (ilacs.accounts.permissions) and the history records them.

Exit status: 0 done; 1 refused (not allowed, invalid, or someone else changed it first); 2 not
found or not set up. The argument parser imports nothing from Django: the command handlers do,
once `setup()` has run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO


class CommandError(Exception):
    def __init__(self, message: str, status: int = 1):
        super().__init__(message)
        self.status = status


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_plan_parser(sub: argparse._SubParsersAction, setup: Callable[[], None]) -> None:
    p = sub.add_parser(
        "plan",
        help="improvement plans: create, add actions, post updates, print the dashboard",
        description="Improvement plans from the command line. Changes need --user USERNAME "
        "(their permissions apply and the history records them).",
    )
    commands = p.add_subparsers(dest="plan_command", required=True, metavar="SUBCOMMAND")

    def command(name: str, help_text: str, handler: Callable[..., int], writes: bool = False):
        c = commands.add_parser(name, help=help_text, description=help_text)
        c.add_argument(
            "--user",
            metavar="USERNAME",
            required=writes,
            help="act as this user" if writes else "show only what this user may see",
        )
        c.set_defaults(func=lambda args: _run(handler, args, setup))
        return c

    c = command("list", "list improvement plans", _list)
    c.add_argument("--la", metavar="SLUG", help="only this local authority's plans")

    c = command(
        "create",
        "create a plan from an inspection, one requirement per recommendation",
        _create,
        writes=True,
    )
    c.add_argument("inspection", type=int, metavar="INSPECTION_ID")
    c.add_argument(
        "--published",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the report's publication date, when the report does not print it",
    )
    c.add_argument("--title")

    c = command("show", "print a plan: its details, themes and actions with their RAG", _show)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="as at this date")

    c = command("dashboard", "print a plan's dashboard summary", _dashboard)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="default: last board date")
    c.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="as at this date")
    c.add_argument("--json", action="store_true", help="print JSON")

    c = command("history", "print the changes to a plan, or to one action", _history)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, nargs="?", metavar="ACTION_NUMBER")

    c = command("edit", "change a plan's details", _edit, writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("--title")
    c.add_argument("--status", choices=["draft", "submitted", "active", "closed"])
    c.add_argument("--owner", metavar="USERNAME")
    c.add_argument("--published", type=_date, metavar="YYYY-MM-DD")
    c.add_argument("--deadline", type=_date, metavar="YYYY-MM-DD")
    c.add_argument("--board-date", type=_date, metavar="YYYY-MM-DD")

    c = command("add-theme", "add a theme (workstream) to a plan", _add_theme, writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("name")
    c.add_argument("--description", default="")

    for name, handler, help_text in (
        ("add-action", _add_action, "add an action to a plan"),
        ("edit-action", _edit_action, "change an action (only the options given change)"),
    ):
        c = command(name, help_text, handler, writes=True)
        c.add_argument("plan", type=int, metavar="PLAN_ID")
        if name == "edit-action":
            c.add_argument("action", type=int, metavar="ACTION_NUMBER")
            c.add_argument(
                "--version",
                type=int,
                help="refuse the change if the action is no longer at this version",
            )
        c.add_argument("--title", required=name == "add-action")
        c.add_argument("--description")
        c.add_argument("--theme", metavar="NAME")
        c.add_argument("--lead", metavar="USERNAME", help="a member of the council")
        c.add_argument(
            "--lead-role", metavar="TEXT", help='e.g. "Head of Service, Children in Care"'
        )
        c.add_argument("--due", type=_date, metavar="YYYY-MM-DD")
        c.add_argument("--status", choices=["not_started", "in_progress", "complete", "closed"])
        c.add_argument("--measure", metavar="TEXT", help="SMART target or success measure")
        c.add_argument(
            "--recommendation",
            type=int,
            action="append",
            metavar="N",
            help="number of a recommendation it answers (repeat for more)",
        )

    c = command("add-milestone", "add a milestone to an action", _add_milestone, writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, metavar="ACTION_NUMBER")
    c.add_argument("title")
    c.add_argument("--due", type=_date, metavar="YYYY-MM-DD")

    c = command(
        "milestone-done", "mark a milestone done (or not done)", _milestone_done, writes=True
    )
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, metavar="ACTION_NUMBER")
    c.add_argument("milestone", type=int, metavar="MILESTONE_ID")
    c.add_argument("--undo", action="store_true", help="mark it not done")
    c.add_argument(
        "--on",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the day it was done (default today; never in the future); for a milestone "
        "already done, corrects that day",
    )

    c = command("post-update", "post a progress update on an action", _post_update, writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, metavar="ACTION_NUMBER")
    c.add_argument("--rag", required=True, choices=["red", "amber", "green"])
    c.add_argument("--narrative", required=True)
    c.add_argument("--evidence", default="")
    c.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="default: today")

    c = command("set-rag", "set an action's RAG by hand, with a reason", _set_rag, writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, metavar="ACTION_NUMBER")
    c.add_argument("--rag", required=True, choices=["red", "amber", "green"])
    c.add_argument("--reason", required=True)

    c = command("clear-rag", "clear a RAG set by hand", _clear_rag, writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, metavar="ACTION_NUMBER")


def _run(handler: Callable[..., int], args: argparse.Namespace, setup: Callable[[], None]) -> int:
    setup()
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    from ilacs.db_state import pending_migrations
    from ilacs.plans.services import EditConflict, PlanError

    out: TextIO = getattr(args, "out", None) or sys.stdout
    err: TextIO = getattr(args, "err", None) or sys.stderr
    pending = pending_migrations()
    if pending:
        err.write(
            f"The database is not set up ({len(pending)} migrations to apply): run "
            "`ilacs manage migrate` first.\n"
        )
        return 2
    try:
        return handler(args, out)
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


def _user(username: str | None) -> Any:
    if not username:
        return None
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"There is no user called {username!r}.", 2)
    return user


def _plan(args: argparse.Namespace, user: Any) -> Any:
    from ilacs.accounts import permissions
    from ilacs.plans.models import ImprovementPlan

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
    from django.utils import timezone

    return getattr(args, "today", None) or timezone.localdate()


def _fmt(day: dt.date | None) -> str:
    from ilacs.inspections.labels import format_date

    return format_date(day) if day else "none"


# --- commands ----------------------------------------------------------------------------------


def _list(args: argparse.Namespace, out: TextIO) -> int:
    from ilacs.accounts import permissions
    from ilacs.plans.models import ImprovementPlan

    user = _user(args.user)
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
    from ilacs.inspections.models import Inspection
    from ilacs.plans import services

    user = _user(args.user)
    inspection = Inspection.objects.select_related("local_authority").filter(pk=args.inspection)
    inspection = inspection.first()
    if inspection is None:
        raise CommandError(f"There is no inspection {args.inspection}.", 2)
    from ilacs.accounts import permissions

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
    from ilacs.plans import queries

    plan = _plan(args, _user(args.user))
    today = _today(args)
    rows = queries.action_rows(plan, today)
    out.write(f"{plan.title}\n{plan.local_authority.name}; {plan.get_status_display()}; ")
    out.write(f"submission deadline {_fmt(plan.submission_deadline)}\n")
    themes = {t.pk: t.name for t in plan.themes.all()}
    for theme_id, name in [*themes.items(), (None, "No theme")]:
        items = [r for r in rows if r.action.theme_id == theme_id]
        if not items:
            continue
        out.write(f"\n{name}\n")
        for row in items:
            out.write(_row_line(row) + "\n")
    out.write("\nRecommendations\n")
    for requirement in plan.requirements.order_by("number"):
        numbers = [r.action.number for r in rows if requirement in r.action.requirement_list]
        answered = ", ".join(map(str, numbers)) if numbers else "no action yet"
        out.write(f"  {requirement.label}: {requirement.short_text} [actions: {answered}]\n")
    return 0


def _row_line(row: Any) -> str:
    action = row.action
    return (
        f"  {action.number:>3}. {action.title} | {action.lead_text or 'no lead'} | due "
        f"{_fmt(action.due_date)} | {row.rag.text} | {action.get_status_display()}"
    )


def _dashboard(args: argparse.Namespace, out: TextIO) -> int:
    from ilacs.plans import queries

    plan = _plan(args, _user(args.user))
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
        "recommendations_without_action": [
            {"number": r.number, "text": r.text} for r in board.requirements_without_action
        ],
    }


def _history(args: argparse.Namespace, out: TextIO) -> int:
    from django.utils import timezone

    from ilacs.plans import history

    plan = _plan(args, _user(args.user))
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
    from ilacs.plans import services

    user = _user(args.user)
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
        changes["owner"] = _user(args.owner)
    if not changes:
        raise CommandError("Nothing to change: give at least one option.")
    plan = services.update_plan(plan, user=user, expected_version=plan.version, changes=changes)
    out.write(f"Saved plan {plan.pk}: {plan.title} ({plan.get_status_display()})\n")
    return 0


def _add_theme(args: argparse.Namespace, out: TextIO) -> int:
    from ilacs.plans import services

    user = _user(args.user)
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
        values["lead_user"] = _user(args.lead)
    if args.recommendation is not None:
        values["requirements"] = _requirements(plan, args.recommendation)
    return values


def _add_action(args: argparse.Namespace, out: TextIO) -> int:
    from ilacs.plans import services

    user = _user(args.user)
    plan = _plan(args, user)
    action = services.add_action(plan, user=user, **_action_values(args, plan))
    out.write(f"Added action {action.number} to plan {plan.pk}: {action.title}\n")
    return 0


def _edit_action(args: argparse.Namespace, out: TextIO) -> int:
    from ilacs.plans import services

    user = _user(args.user)
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
    from ilacs.plans import services

    user = _user(args.user)
    plan = _plan(args, user)
    action = _action(plan, args.action)
    milestone = services.add_milestone(action, user=user, title=args.title, due_date=args.due)
    out.write(f"Added milestone {milestone.pk} to action {action.number}: {milestone.title}\n")
    return 0


def _milestone_done(args: argparse.Namespace, out: TextIO) -> int:
    from ilacs.plans import services

    user = _user(args.user)
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
    from ilacs.plans import services

    user = _user(args.user)
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
    from ilacs.plans import services

    user = _user(args.user)
    plan = _plan(args, user)
    action = _action(plan, args.action)
    services.set_rag_override(action, user=user, rag=args.rag, reason=args.reason)
    out.write(f"Action {action.number}'s RAG is set by hand to {args.rag}\n")
    return 0


def _clear_rag(args: argparse.Namespace, out: TextIO) -> int:
    from ilacs.plans import services

    user = _user(args.user)
    plan = _plan(args, user)
    action = _action(plan, args.action)
    cleared = services.clear_rag_override(action, user=user)
    out.write(
        f"Action {action.number}: "
        + ("the RAG set by hand is cleared\n" if cleared else "no RAG was set by hand\n")
    )
    return 0
