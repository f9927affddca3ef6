"""`ilacs national ...`: the national dataset of published Ofsted reports.

    ilacs national build DIR [-o FILE] [--jobs N]   extract every report in DIR into the dataset
    ilacs national load [FILE]                      add the dataset's inspections to the database

Building needs no database (it reads the committed council reference list). Loading skips every
inspection already held (same source key), so running it again changes nothing.
Exit status: 0 done; 1 some reports could not be used (listed); 2 nothing could be tried.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def add_national_parser(sub: argparse._SubParsersAction, setup: Callable[[], None]) -> None:
    p = sub.add_parser(
        "national",
        help="the national dataset of published Ofsted reports: build it, load it",
        description="The national dataset: every published Ofsted children's services report's "
        "extracted record (Open Government Licence v3.0), shipped inside the package.",
    )
    commands = p.add_subparsers(dest="national_command", required=True, metavar="SUBCOMMAND")

    c = commands.add_parser(
        "build",
        help="extract every report in a folder into the compressed dataset file",
        description="Extract every report file in DIR (with --jobs worker processes), match "
        "each to its council and write one xz-compressed JSON-lines file, one record per "
        "inspection. Prints a summary: reports unreadable and councils not matched, with the "
        "file names. Needs no database.",
    )
    c.add_argument("reports", metavar="DIR")
    c.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (default: the dataset file inside the package)",
    )
    c.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    c.set_defaults(func=_build)

    c = commands.add_parser(
        "load",
        help="add the dataset's inspections to the database (skips those already held)",
        description="Add every inspection in the dataset (default: the one inside the package) "
        "to the database in bulk, all or nothing per report. Inspections already held (same "
        "source key) are skipped, so running it again changes nothing. Prints what it added "
        "and how long it took.",
    )
    c.add_argument("file", nargs="?", metavar="FILE", help="a dataset file (default: packaged)")
    c.set_defaults(func=lambda args: _load(args, setup))


def _build(args: argparse.Namespace) -> int:
    from ilacs.inspections.dataset import DATASET_FILE, ProgressBar, build_dataset, write_lines

    out: TextIO = getattr(args, "out", None) or sys.stdout
    err: TextIO = getattr(args, "err", None) or sys.stderr
    if not Path(args.reports).is_dir():
        err.write(f"ilacs national build: {args.reports} is not a folder\n")
        return 2
    bar = ProgressBar(err, label="Reading reports ")
    try:
        summary = build_dataset(
            args.reports, args.output or DATASET_FILE, jobs=max(1, args.jobs), progress=bar
        )
    finally:
        bar.close()
    out.write(f"Wrote {args.output or DATASET_FILE}\n")
    write_lines(summary.lines(), out)
    return 1 if summary.failed or summary.unmatched else 0


def _load(args: argparse.Namespace, setup: Callable[[], None]) -> int:
    setup()
    from ilacs.cli_support import CommandError, require_migrated
    from ilacs.inspections.dataset import DATASET_FILE, write_lines
    from ilacs.inspections.national import load_national_dataset

    out: TextIO = getattr(args, "out", None) or sys.stdout
    err: TextIO = getattr(args, "err", None) or sys.stderr
    path = Path(args.file) if args.file else DATASET_FILE
    try:
        require_migrated()
    except CommandError as exc:
        err.write(f"{exc}\n")
        return exc.status
    if not path.is_file():
        err.write(f"ilacs national load: no dataset file at {path}\n")
        return 2
    summary = load_national_dataset(path)
    write_lines(summary.lines(), out)
    return 1 if summary.failed else 0
