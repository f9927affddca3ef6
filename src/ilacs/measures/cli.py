"""`ilacs measures ...`: measures from the command line.

    ilacs measures list --council SLUG               every measure: latest value, RAG, the rule
    ilacs measures import FILE --council SLUG --user USERNAME [--dry-run]
    ilacs measures template [--council SLUG] [--kind values|audits] [--format csv|xlsx] -o FILE

The import checks the whole file first, exactly as the browser's does: any problem (printed one
per line, with its row) and nothing is written; otherwise every row is written in one
transaction. Exit status: 0 done; 1 refused (problems in the file, or not allowed); 2 not found.
The argument parser imports nothing from Django.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO


def add_measures_parser(sub: argparse._SubParsersAction, setup: Callable[[], None]) -> None:
    p = sub.add_parser(
        "measures",
        help="performance measures and case audits: list, import values, templates",
        description="Measures and case audits from the command line.",
    )
    commands = p.add_subparsers(dest="measures_command", required=True, metavar="SUBCOMMAND")

    c = commands.add_parser(
        "list",
        help="list a council's measures with their latest value and RAG",
        description="List a council's measures with their latest value, RAG and the rule.",
    )
    c.add_argument("--council", required=True, metavar="SLUG", help="the council, e.g. northbrook")
    c.add_argument("--user", metavar="USERNAME", help="show only what this user may see")
    c.set_defaults(func=lambda args: _run(_list, args, setup))

    c = commands.add_parser(
        "import",
        help="import measures' values and audit results from a CSV or XLSX file",
        description="Check every row of a CSV or XLSX file against the council's measures and "
        "audit streams, then write them all in one transaction (or, on any problem, none).",
    )
    c.add_argument("file", metavar="FILE")
    c.add_argument("--council", required=True, metavar="SLUG", help="the council, e.g. northbrook")
    c.add_argument(
        "--user",
        required=True,
        metavar="USERNAME",
        help="import as this user (a contributor, editor or admin of the council)",
    )
    c.add_argument("--dry-run", action="store_true", help="check the file and write nothing")
    c.set_defaults(func=lambda args: _run(_import, args, setup))

    c = commands.add_parser(
        "template",
        help="write an import template (CSV or XLSX)",
        description="Write an import template: headings, and with --council a row for each of "
        "its measures (or audit streams) and its next period.",
    )
    c.add_argument("--council", metavar="SLUG", help="list this council's measures in it")
    c.add_argument("--kind", choices=["values", "audits"], default="values", help="CSV only")
    c.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    c.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it")
    c.set_defaults(func=lambda args: _run(_template, args, setup))


def _run(handler: Callable[..., int], args: argparse.Namespace, setup: Callable[[], None]) -> int:
    setup()
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    from ilacs.cli_support import CommandError, require_migrated
    from ilacs.measures.imports import ImportFileError
    from ilacs.measures.services import MeasureError

    out: TextIO = getattr(args, "out", None) or sys.stdout
    err: TextIO = getattr(args, "err", None) or sys.stderr
    try:
        require_migrated()
        return handler(args, out, err)
    except CommandError as exc:
        err.write(f"{exc}\n")
        return exc.status
    except Http404:
        err.write("Not found (or not visible to that user).\n")
        return 2
    except PermissionDenied as exc:
        err.write(f"Not allowed: {exc or 'that user cannot do this'}\n")
        return 1
    except (ImportFileError, MeasureError) as exc:
        err.write(f"Nothing was imported: {exc}\n")
        return 1


def _user(username: str | None) -> Any:
    from ilacs.cli_support import find_user

    return find_user(username)


def _council(slug: str, user: Any = None, action: str = "view") -> Any:
    from ilacs.accounts import permissions
    from ilacs.cli_support import CommandError
    from ilacs.localauthorities.models import LocalAuthority

    if user is not None:
        return permissions.local_authority_for(user, slug, action)
    try:
        return LocalAuthority.objects.get(slug=slug)
    except LocalAuthority.DoesNotExist:
        raise CommandError(f"No council called {slug}", status=2) from None


def _list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ilacs.measures import queries

    la = _council(args.council, _user(args.user))
    items = queries.summaries(queries.measures_for(la))
    if not items:
        out.write(f"{la.name} has no measures yet.\n")
    for item in items:
        a = item.assessment
        latest = f"{item.latest_text} ({item.latest.label})" if item.latest else "no data"
        line = f"{item.measure.name}: {latest}; {a.label}: {a.rule}"
        if a.off_target_text:
            line += f"; {a.off_target_text[0].lower()}{a.off_target_text[1:]}"
        out.write(line + "\n")
    return 0


def _import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ilacs.accounts.permissions import Action
    from ilacs.measures import imports, services

    user = _user(args.user)
    la = _council(args.council, user, Action.ENTER_VALUES)
    from ilacs.cli_support import CommandError

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"No file at {path}", status=2)
    imports.check_size(path.stat().st_size)
    parsed = imports.parse(la, path.read_bytes(), path.name)
    problems = parsed.file_errors + [str(e) for e in parsed.errors]
    if problems:
        for problem in problems:
            err.write(f"{problem}\n")
        err.write(
            f"Nothing was imported: {len(problems)} problem{'s' if len(problems) != 1 else ''}.\n"
        )
        return 1
    rows = imports.preview(parsed)
    new = sum(1 for r in rows if r.outcome == "New")
    corrected = sum(1 for r in rows if r.outcome == "Correction")
    if args.dry_run:
        out.write(
            f"{path.name} is ready to import: {new} new, {corrected} corrected, "
            f"{len(rows) - new - corrected} unchanged. Nothing was written (--dry-run).\n"
        )
        return 0
    counts = services.apply_rows(
        la,
        user=user,
        values=[(m, i) for m, i, _ in parsed.values],
        audits=[(s, i) for s, i, _ in parsed.audits],
    )
    out.write(
        f"Imported {path.name} into {la.name}: {counts['created']} new, "
        f"{counts['corrected']} corrected, {counts['unchanged']} unchanged"
        + (f"; {parsed.skipped} blank rows left out" if parsed.skipped else "")
        + ".\n"
    )
    return 0


def _template(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ilacs.measures import imports

    la = _council(args.council) if args.council else None
    if args.format == "xlsx":
        body = imports.template_xlsx(la)
    else:
        body = imports.template_csv(la, args.kind)
    Path(args.output).write_bytes(body)
    out.write(f"Wrote {args.output}\n")
    return 0
