"""`ilacs ingest DIR --jobs N` beside `ilacs benchmark-extract`'s worker-pool time for the same
folder and jobs, in the same run, as a ratio; and `ilacs national load` of the packaged dataset.

    .venv/bin/python benchmarks/ingest.py [--reports DIR] [--jobs 2] [--limit N]
    DATABASE_URL=postgres://user@host:5432/db .venv/bin/python benchmarks/ingest.py

It builds a fresh database (for PostgreSQL a throw-away `test_<db>` database beside the one named,
as benchmarks/pages.py does; the named database is never touched) in a temporary data folder,
warms the page cache, then times, in this order:

1. extraction alone: every file through the worker pool (`extract_many`, as benchmark-extract's
   "--jobs N" line), records thrown away;
2. `ilacs national load` of the packaged dataset into the empty database, then again (a no-op);
   then every inspection is deleted again and the database vacuumed (outside the timings);
3. `ilacs ingest` of the same files with the same jobs (stored files, rows, everything), then
   again (every file already held).

The goal is ingest within 1.3 x extraction. The load average is printed beside the figures: the
machine may be shared. So is the CPU time this process spent in `ilacs ingest` (saving, and
handing files to the workers), which other work on the machine does not hide: with as many
workers as cores, each second of it adds about half a second to the ingest. Figures are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORTS = ROOT.parent / "shared" / "corpus" / "reports"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--reports", type=Path, default=DEFAULT_REPORTS, help="folder of reports")
    p.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    p.add_argument("--no-national", action="store_true", help="skip the national load")
    return p.parse_args(argv)


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def _cpu() -> float:
    """CPU seconds of this process (all its threads), not its workers'."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.reports.is_dir():
        print(f"No reports folder at {args.reports}: pass --reports DIR.", file=sys.stderr)
        return 2
    files = sorted(
        str(p) for p in args.reports.iterdir() if p.is_file() and not p.name.startswith(".")
    )
    if args.limit:
        files = files[: args.limit]
    with tempfile.TemporaryDirectory(prefix="ilacs-bench-") as tmp:
        data_dir = Path(tmp)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilacs.settings")
        os.environ["ILACS_DATA_DIR"] = str(data_dir)
        import django

        django.setup()
        from django.db import connection

        from ilacs.extraction.runner import extract_many
        from ilacs.inspections.cli import ingest_paths
        from ilacs.inspections.models import Inspection
        from ilacs.inspections.national import load_national_dataset
        from ilacs.localauthorities.services import load_local_authorities

        if connection.vendor == "sqlite":
            connection.settings_dict.setdefault("TEST", {})["NAME"] = str(data_dir / "b.sqlite3")
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            load_local_authorities()
            print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
            print(f"{len(files)} files in {args.reports}, --jobs {args.jobs}; {_load()}")
            for f in files:  # warm the page cache so neither side pays for the first read
                Path(f).read_bytes()

            start = time.perf_counter()
            records = sum(1 for _ in extract_many(files, jobs=args.jobs))
            extract_s = time.perf_counter() - start
            print(f"  extraction alone (worker pool)  {extract_s:8.2f} s  ({records} records)")

            if not args.no_national:
                first = load_national_dataset()
                again = load_national_dataset()
                print(
                    f"  national load (packaged)        {first.seconds:8.2f} s  "
                    f"({first.created} inspections added)"
                )
                print(
                    f"  national load again (no-op)     {again.seconds:8.2f} s  "
                    f"({again.already_held} already held, {again.created} added)"
                )
                Inspection.objects.all().delete()
                # the ingest is timed on a database as a council would have it: without the dead
                # rows of the load just deleted, which autovacuum would otherwise clean up (and
                # take CPU for) in the middle of the timed ingest on PostgreSQL
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM")

            with open(os.devnull, "w") as devnull:
                start, cpu = time.perf_counter(), _cpu()
                ingest_paths(files, jobs=args.jobs, out=devnull, err=devnull)
                ingest_s, ingest_cpu = time.perf_counter() - start, _cpu() - cpu
                held = Inspection.objects.count()
                start = time.perf_counter()
                ingest_paths(files, jobs=args.jobs, out=devnull, err=devnull)
                again_s = time.perf_counter() - start
            print(f"  ilacs ingest                    {ingest_s:8.2f} s  ({held} inspections held)")
            print(f"  ilacs ingest again (all held)   {again_s:8.2f} s")
            print(
                f"  ilacs ingest: this process's CPU {ingest_cpu:7.2f} s  "
                f"({1000 * ingest_cpu / max(1, held):.1f} ms a report)"
            )
            print(f"  ratio ingest / extraction       {ingest_s / extract_s:8.2f} x  (goal <= 1.3)")
            print(f"  {_load()}")
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
