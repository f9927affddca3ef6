"""Time to make each document, for the demo plan and for a plan of 300 actions and 5,000 updates.

    .venv/bin/python benchmarks/documents.py                     # SQLite (a temporary file)
    DATABASE_URL=postgres://user@host:5432/db .venv/bin/python benchmarks/documents.py

It builds a fresh database (for PostgreSQL a throw-away `test_<db>` database, as
benchmarks/pages.py does), loads the demo (Northbrook, its report and its plan), then gives a copy
of Northbrook's inspection a plan of 300 actions and 5,000 progress updates built as
benchmarks/pages.py builds it, with each action's history starting a year ago. Each document and
format is made once untimed, then `--runs` times; the median and the slowest run are printed,
with the file size and the number of pages of PDFs. The goal is every document under 2 s.

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _pages_module():
    spec = importlib.util.spec_from_file_location("bench_pages", HERE / "pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--actions", type=int, default=300)
    p.add_argument("--updates", type=int, default=5000)
    p.add_argument("--runs", type=int, default=3, help="timed runs per document")
    p.add_argument("--keep", type=Path, help="also save each file of the big plan in this folder")
    p.add_argument(
        "--profile",
        metavar="KIND:FORMAT",
        action="append",
        default=[],
        help="after the timings, profile this document of the big plan with cProfile and print "
        "the 25 costliest functions (e.g. action-plan:pdf; repeat for more)",
    )
    p.add_argument("--only-big", action="store_true", help="skip the demo plan's timings")
    return p.parse_args(argv)


def profile_document(plan, spec: str) -> None:
    import cProfile
    import pstats

    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from ilacs.exports.documents import KINDS, generate

    kind, _, fmt = spec.partition(":")
    today = dt.date.today()
    options = (
        {"start": today - dt.timedelta(days=30), "end": today}
        if KINDS[kind].needs_period
        else {"today": today}
    )
    reset_queries()
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        profiler.enable()
        generate(kind, plan, fmt, **options)
        profiler.disable()
    print(f"\nProfile of {spec}: {len(queries)} queries")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def copy_inspection(inspection):
    """A second report for Northbrook with the same content (a plan is one per inspection)."""
    from ilacs.inspections.models import Inspection, Judgement, Paragraph, Recommendation

    judgements = list(inspection.judgements.all())
    recommendations = list(inspection.recommendations.all())
    paragraphs = list(inspection.paragraphs.all())
    inspection.pk = None
    inspection.source_key = inspection.source_key + ":benchmark"
    inspection.save()
    for rows, model in ((judgements, Judgement), (recommendations, Recommendation),
                        (paragraphs, Paragraph)):  # fmt: skip
        for row in rows:
            row.pk = None
            row.inspection = inspection
        model.objects.bulk_create(rows)
    return Inspection.objects.get(pk=inspection.pk)


def give_history(plan, since: dt.date) -> None:
    """History rows for bulk-created actions, as if each was added on `since`."""
    from django.utils import timezone

    from ilacs.plans.models import Action

    when = timezone.make_aware(dt.datetime.combine(since, dt.time(9)))
    Action.history.bulk_history_create(list(plan.actions.all()), default_date=when)


def time_documents(plan, runs: int, keep: Path | None = None) -> None:
    import pypdfium2

    from ilacs.exports.documents import KINDS, generate

    today = dt.date.today()
    start = today - dt.timedelta(days=30)
    print(f"{'document':<34}{'median s':>10}{'slowest s':>11}{'size KB':>10}{'pages':>7}")
    for kind, spec in KINDS.items():
        for fmt in spec.formats:
            options = {"start": start, "end": today} if spec.needs_period else {"today": today}
            document = generate(kind, plan, fmt, **options)  # untimed: imports, caches
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                document = generate(kind, plan, fmt, **options)
                times.append(time.perf_counter() - t)
            pages = ""
            if fmt == "pdf":
                pdf = pypdfium2.PdfDocument(document.content)
                pages = str(len(pdf))
                pdf.close()
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / document.filename).write_bytes(document.content)
            print(
                f"{kind + ' (' + fmt + ')':<34}{statistics.median(times):>10.2f}"
                f"{max(times):>11.2f}{len(document.content) / 1024:>10.0f}{pages:>7}"
            )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    pages = _pages_module()
    with tempfile.TemporaryDirectory(prefix="ilacs-bench-docs-") as tmp:
        data_dir = Path(tmp)
        pages.setup_django(data_dir)
        from django.db import connection

        from ilacs.accounts.models import Role
        from ilacs.demo.load import load_demo
        from ilacs.plans.models import ImprovementPlan, ProgressUpdate

        old_name, _name = pages.create_database(data_dir)
        try:
            print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
            context = load_demo()
            demo_plan = ImprovementPlan.objects.get(inspection=context.inspection)
            print(
                f"\nDemo plan: {demo_plan.actions.count()} actions, "
                f"{ProgressUpdate.objects.filter(action__plan=demo_plan).count()} updates"
            )
            if not args.only_big:
                time_documents(demo_plan, args.runs)

            start = time.perf_counter()
            editor = context.user(Role.EDITOR)
            inspection = copy_inspection(context.inspection)
            plan = pages.build_plan(inspection, editor, args.actions, args.updates)
            give_history(plan, dt.date.today() - dt.timedelta(days=365))
            pages.add_self_assessment(plan, editor)  # two rounds, for the self-assessment report
            print(
                f"\nBig plan: {plan.actions.count()} actions, "
                f"{ProgressUpdate.objects.filter(action__plan=plan).count()} updates "
                f"(built in {time.perf_counter() - start:.0f} s)"
            )
            time_documents(plan, args.runs, args.keep)
            for spec in args.profile:
                profile_document(plan, spec)
            print(f"\nMedian and slowest of {args.runs} runs after one untimed run. Goal: < 2 s.")
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
