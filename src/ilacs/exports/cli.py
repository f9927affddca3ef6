"""`ilacs export KIND PLAN_ID --format F -o FILE`: the same documents as the Download links.

Exit status: 0 written; 1 cannot be made as asked (wrong format, bad dates, a council template
that cannot be filled in: the reason is printed); 2 not found or not visible to --user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

KIND_NAMES = (
    "action-plan",
    "progress-report",
    "plan-on-a-page",
    "cabinet-report",
    "self-assessment-report",
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_export_parser(sub: argparse._SubParsersAction, setup: Callable[[], None]) -> None:
    p = sub.add_parser(
        "export",
        help="write a plan's documents: action plan, progress report, self-assessment report, "
        "plan on a page, Cabinet report (Word, PDF, Excel)",
        description="Write one of a plan's documents to a file: the same file as the plan "
        "page's Download link. action-plan: docx, pdf or xlsx; progress-report: docx or pdf "
        "(with --start, --end, --forum); self-assessment-report: docx or pdf (with --round); "
        "plan-on-a-page: pdf; cabinet-report: docx. A "
        "council's own Word template is used for docx unless --built-in.",
    )
    p.add_argument("kind", choices=KIND_NAMES, metavar="KIND", help=" | ".join(KIND_NAMES))
    p.add_argument("plan", type=int, metavar="PLAN_ID")
    p.add_argument("--format", required=True, choices=["docx", "pdf", "xlsx"])
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (default: the usual name, e.g. "
        "northbrook-action-plan-2026-11-30.docx, in the current folder; - for standard output)",
    )
    p.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="as at this date")
    p.add_argument(
        "--start",
        type=_date,
        metavar="YYYY-MM-DD",
        help="progress report: first day of the period (default: the last board meeting)",
    )
    p.add_argument(
        "--end", type=_date, metavar="YYYY-MM-DD", help="progress report: last day (default: today)"
    )
    p.add_argument("--forum", default="", help='progress report: e.g. "Improvement board"')
    p.add_argument(
        "--built-in", action="store_true", help="use the built-in Word layout, not the council's"
    )
    p.add_argument(
        "--round",
        type=int,
        metavar="ROUND_ID",
        help="self-assessment report: this round (default: the plan's latest)",
    )
    p.add_argument("--user", metavar="USERNAME", help="only if this user may see the plan")
    p.set_defaults(func=lambda args: run_export(args, setup))


def run_export(
    args: argparse.Namespace,
    setup: Callable[[], None],
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    setup()
    from django.contrib.auth import get_user_model
    from django.http import Http404

    from ilacs.accounts import permissions
    from ilacs.db_state import pending_migrations
    from ilacs.exports.documents import ExportError, check, generate
    from ilacs.plans.models import ImprovementPlan

    out = out or sys.stdout
    err = err or sys.stderr
    if pending_migrations():
        err.write("The database is not set up: run `ilacs manage migrate` first.\n")
        return 2
    try:
        check(args.kind, args.format)
    except ExportError as exc:
        err.write(f"{exc}\n")
        return 1
    plan = (
        ImprovementPlan.objects.select_related("local_authority", "inspection")
        .filter(pk=args.plan)
        .first()
    )
    if plan is None:
        err.write(f"There is no plan {args.plan}.\n")
        return 2
    if args.user:
        user = get_user_model().objects.filter(username=args.user).first()
        if user is None:
            err.write(f"There is no user called {args.user!r}.\n")
            return 2
        try:
            permissions.check(user, plan.local_authority)
        except Http404:
            err.write("Not found (or not visible to that user).\n")
            return 2
    try:
        document = generate(
            args.kind,
            plan,
            args.format,
            today=args.today,
            start=args.start,
            end=args.end,
            forum=args.forum,
            house_style=not args.built_in,
            round_id=args.round,
        )
    except ExportError as exc:
        err.write(f"Not written: {exc}\n")
        return 1
    if args.output == "-":
        sys.stdout.buffer.write(document.content)
        return 0
    target = Path(args.output or document.filename)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(document.content)
    partial.replace(target)  # never a half-written file under the real name
    style = " (the council's template)" if document.house_style else ""
    out.write(f"Wrote {target} ({len(document.content):,} bytes){style}.\n")
    return 0
