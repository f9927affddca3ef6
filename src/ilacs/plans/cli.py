"""`ilacs plan ...`: the command-line path to everything the plan pages do. This module is the
argument parser alone; the handlers are in ilacs.plans.commands.

Reading (list, show, dashboard, history) needs no user: whoever runs the command runs the
service, as with `ilacs ingest`; with --user, that person's view applies. Every change needs
--user: their permissions apply (ilacs.accounts.permissions) and the history records them.

Exit status: 0 done; 1 refused (not allowed, invalid, or someone else changed it first); 2 not
found or not set up. The argument parser imports nothing from Django (its choices come from the
plain-Python ilacs.plans.rag): the handlers do, once `setup()` has run.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable

from ilacs.plans.rag import ACTION_STATUSES, JUDGED_RAGS, PLAN_STATUSES


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

    def command(name: str, help_text: str, writes: bool = False) -> argparse.ArgumentParser:
        c = commands.add_parser(name, help=help_text, description=help_text)
        c.add_argument(
            "--user",
            metavar="USERNAME",
            required=writes,
            help="act as this user" if writes else "show only what this user may see",
        )
        c.set_defaults(func=lambda args: _run(name, args, setup))
        return c

    c = command("list", "list improvement plans")
    c.add_argument("--la", metavar="SLUG", help="only this local authority's plans")

    c = command(
        "create",
        "create a plan from an inspection, one requirement per recommendation",
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

    c = command("show", "print a plan: its details, themes and actions with their RAG")
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="as at this date")

    c = command("dashboard", "print a plan's dashboard summary")
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="default: last board date")
    c.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="as at this date")
    c.add_argument("--json", action="store_true", help="print JSON")

    c = command("history", "print the changes to a plan, or to one action")
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, nargs="?", metavar="ACTION_NUMBER")

    c = command("edit", "change a plan's details", writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("--title")
    c.add_argument("--status", choices=PLAN_STATUSES)
    c.add_argument("--owner", metavar="USERNAME")
    c.add_argument("--published", type=_date, metavar="YYYY-MM-DD")
    c.add_argument("--deadline", type=_date, metavar="YYYY-MM-DD")
    c.add_argument("--board-date", type=_date, metavar="YYYY-MM-DD")

    c = command("add-theme", "add a theme (workstream) to a plan", writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("name")
    c.add_argument("--description", default="")

    for name, help_text in (
        ("add-action", "add an action to a plan"),
        ("edit-action", "change an action (only the options given change)"),
    ):
        c = command(name, help_text, writes=True)
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
        c.add_argument("--status", choices=ACTION_STATUSES)
        c.add_argument("--measure", metavar="TEXT", help="SMART target or success measure")
        c.add_argument(
            "--recommendation",
            type=int,
            action="append",
            metavar="N",
            help="number of a recommendation it answers (repeat for more)",
        )

    c = command("add-milestone", "add a milestone to an action", writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, metavar="ACTION_NUMBER")
    c.add_argument("title")
    c.add_argument("--due", type=_date, metavar="YYYY-MM-DD")

    c = command("milestone-done", "mark a milestone done (or not done)", writes=True)
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

    c = command("post-update", "post a progress update on an action", writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, metavar="ACTION_NUMBER")
    c.add_argument("--rag", required=True, choices=[rag.value for rag in JUDGED_RAGS])
    c.add_argument("--narrative", required=True)
    c.add_argument("--evidence", default="")
    c.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="default: today")

    c = command("set-rag", "set an action's RAG by hand, with a reason", writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, metavar="ACTION_NUMBER")
    c.add_argument("--rag", required=True, choices=[rag.value for rag in JUDGED_RAGS])
    c.add_argument("--reason", required=True)

    c = command("clear-rag", "clear a RAG set by hand", writes=True)
    c.add_argument("plan", type=int, metavar="PLAN_ID")
    c.add_argument("action", type=int, metavar="ACTION_NUMBER")

    c = command(
        "import",
        "import an existing action plan from an Excel workbook (.xlsx), a CSV file or the "
        "tables of a Word document (.docx), all or nothing; the inspection's plan is created "
        "if it has none",
        writes=True,
    )
    c.add_argument("file", metavar="FILE")
    c.add_argument("--inspection", type=int, required=True, metavar="ID")
    c.add_argument(
        "--mapping",
        action="append",
        default=[],
        metavar="HEADING=FIELD",
        help="which field a column heading fills (repeat for more), e.g. "
        '"Key Lead=lead"; FIELD is one of recommendations, theme, title, description, lead, '
        "due_date, success_measure, progress, rag, or nothing to leave the column out. "
        "Headings not given use the council's remembered choice, else a guess from their words",
    )
    c.add_argument(
        "--dry-run", action="store_true", help="check the file and print what it would create"
    )


def _run(command: str, args: argparse.Namespace, setup: Callable[[], None]) -> int:
    setup()
    from ilacs.plans import commands  # imports Django: only once it is set up

    return commands.run(command, args)
