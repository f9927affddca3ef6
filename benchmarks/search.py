"""Search response time over the database's findings paragraphs and recommendations.

    .venv/bin/python benchmarks/search.py                     # SQLite (ILACS_DATA_DIR, ./var)
    DATABASE_URL=postgres://user@host:5432/db .venv/bin/python benchmarks/search.py

Runs against the database the settings name, which must already hold the inspections: the
national dataset (`make demo`) or a folder of reports ingested with `ilacs ingest`. Nothing is
written. Each typical query (words, a phrase, "or", filters, filters alone as the plan page's
link opens it, a later page) is run through `ilacs.search.services.search()` after a warm-up,
and p50 / p95 wall time per query and over all queries is printed with the load average of the
machine, which wall times depend on, and this process's CPU time (all of the work on SQLite; on
PostgreSQL the server's share is not in it). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (words, filters, page): what people ask ("care leavers, judged outstanding, since 2023").
QUERIES: list[tuple[str, dict, int]] = [
    ("care leavers", {}, 1),
    ("care leavers", {"grades": ("outstanding",), "year_from": 2023}, 1),
    ("management oversight", {}, 1),
    ('"return home interviews"', {}, 1),
    ("supervision", {"grades": ("good", "outstanding")}, 1),
    ("neglect", {"year_from": 2019, "year_to": 2024}, 1),
    ("pathway plans", {"regions": ("London",)}, 1),
    ("early help", {"themes": ("early_help",)}, 1),
    ("exploitation or missing", {}, 1),
    ("voice of the child", {"report_types": ("ilacs",)}, 1),
    ("care", {}, 3),
    ("", {"themes": ("care_leavers",), "grades": ("good", "outstanding")}, 1),
    ("", {"themes": ("management_oversight",), "grades": ("good", "outstanding")}, 2),
]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--runs", type=int, default=30, help="timed runs per query")
    p.add_argument("--warmup", type=int, default=3, help="untimed runs per query first")
    return p.parse_args(argv)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilacs.settings")
    import django

    django.setup()
    from django.db import connection

    from ilacs.inspections.models import Paragraph, Recommendation
    from ilacs.search.services import SearchFilters, search, searchable_inspections

    paragraphs, recommendations = Paragraph.objects.count(), Recommendation.objects.count()
    if paragraphs < 1000:
        print(
            f"The database holds {paragraphs} paragraphs: load the national dataset (make demo) "
            "or ingest the corpus (ilacs ingest DIR) first.",
            file=sys.stderr,
        )
        return 2
    print(
        f"{connection.vendor}: {searchable_inspections().count()} inspections, "
        f"{paragraphs} paragraphs, {recommendations} recommendations; "
        f"load average before {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(f"{'query':<62} {'results':>7} {'p50 ms':>7} {'p95 ms':>7} {'cpu p50':>7}")
    everything: list[float] = []
    everything_cpu: list[float] = []
    for words, filters, page in QUERIES:
        chosen = SearchFilters(**filters)
        for _ in range(args.warmup):
            search(words, chosen, page=page)
        times, cpu = [], []
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            results = search(words, chosen, page=page)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        everything.extend(times)
        everything_cpu.extend(cpu)
        label = (words or "(no words)") + "".join(
            f" {key}={','.join(map(str, v)) if isinstance(v, tuple) else v}"
            for key, v in filters.items()
        )
        label += f" page {page}" if page > 1 else ""
        print(
            f"{label[:62]:<62} {results.total:>7} {statistics.median(times):>7.1f} "
            f"{percentile(times, 0.95):>7.1f} {statistics.median(cpu):>7.1f}"
        )
    print(
        f"all {len(everything)} searches: p50 {statistics.median(everything):.1f} ms, "
        f"p95 {percentile(everything, 0.95):.1f} ms, max {max(everything):.1f} ms; this "
        f"process's CPU p50 {statistics.median(everything_cpu):.1f} ms, "
        f"p95 {percentile(everything_cpu, 0.95):.1f} ms (on PostgreSQL the server's is apart); "
        f"load average after {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
        f"({os.cpu_count()} CPUs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
