"""Server time and query count of the busiest pages, with a realistic amount of data.

    .venv/bin/python benchmarks/pages.py                     # SQLite (a temporary file)
    DATABASE_URL=postgres://user@host:5432/db .venv/bin/python benchmarks/pages.py

It builds a fresh database (for PostgreSQL: a throw-away `test_<db>` database beside the one
named, as the test runner does; the named database is never touched), loads every corpus report
through `ilacs ingest` (../shared/corpus/reports), then gives one council's latest inspection an
improvement plan of 300 actions and 5,000 progress updates (with milestones, themes, overrides).
Each page is then requested many times in process with Django's test client after a warm-up,
and p50 / p95 server time and the query count are printed. The query count is also measured
with a 10-action plan, to show it does not depend on the number of actions. The national pages
(grades over time, topics, inspections due, a council's record and page, downloads) are
measured over every published inspection held.

Figures are printed, never asserted: the tests check query counts, not timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORTS = ROOT.parent / "shared" / "corpus" / "reports"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--reports", type=Path, default=DEFAULT_REPORTS, help="folder of reports")
    p.add_argument("--limit", type=int, default=0, help="only the first N reports (0: all)")
    p.add_argument("--actions", type=int, default=300)
    p.add_argument("--updates", type=int, default=5000)
    p.add_argument("--requests", type=int, default=60, help="timed requests per page")
    p.add_argument("--warmup", type=int, default=5, help="untimed requests per page first")
    return p.parse_args(argv)


def setup_django(data_dir: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilacs.settings")
    os.environ.setdefault("ILACS_DATA_DIR", str(data_dir))
    import django

    django.setup()


def create_database(data_dir: Path) -> tuple[object, str]:
    """A fresh, migrated database: test_<name> on PostgreSQL, a new file on SQLite."""
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host, fast password hashing is not needed
    if connection.vendor == "sqlite":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = str(data_dir / "bench.sqlite3")
    old_name = connection.settings_dict["NAME"]
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return old_name, name


def ingest_corpus(reports: Path, limit: int) -> int:
    from ilacs.inspections.cli import ingest_paths

    files = sorted(p for p in reports.iterdir() if p.suffix.lower() == ".pdf")
    if limit:
        files = files[:limit]
    with open(os.devnull, "w") as devnull:
        ingest_paths([str(f) for f in files], jobs=2, out=devnull, err=devnull)
    return len(files)


def build_plan(inspection, editor, actions: int, updates: int, seed: int = 1):
    """A plan with `actions` actions and `updates` progress updates, bulk-created."""
    from ilacs.plans import services
    from ilacs.plans.models import (
        Action,
        Milestone,
        ProgressUpdate,
        RagOverride,
        Theme,
    )

    rnd = random.Random(seed)
    plan = services.create_plan(
        inspection, user=editor, report_published=inspection.inspection_end or dt.date(2024, 1, 1)
    )
    requirements = list(plan.requirements.all())
    if not requirements:
        requirements = [
            services.add_requirement(plan, user=editor, text=f"Requirement {i}") for i in (1, 2)
        ]
    themes = Theme.objects.bulk_create(
        Theme(plan=plan, name=name, order=i)
        for i, name in enumerate(
            ["Practice excellence", "Learning organisation", "Leadership", "Partnerships"]
        )
    )
    today = dt.date.today()
    statuses = ["not_started", "in_progress", "in_progress", "in_progress", "complete", "closed"]
    created = Action.objects.bulk_create(
        Action(
            plan=plan,
            number=i + 1,
            title=f"Action {i + 1}: improve the quality of plans in team {i % 18 + 1}",
            description="Audit, feedback to teams, workshops and a practice guide. " * 3,
            theme=themes[i % len(themes)],
            lead_user=editor if i % 4 == 0 else None,
            lead_role=f"Head of Service {i % 7 + 1}",
            due_date=today + dt.timedelta(days=rnd.randint(-120, 400)),
            status=statuses[i % len(statuses)],
            success_measure="65% of plans audited as good or better by March.",
        )
        for i in range(actions)
    )
    links = Action.requirements.through
    links.objects.bulk_create(
        links(action_id=a.pk, requirement_id=r.pk)
        for a in created
        for r in rnd.sample(requirements, k=min(len(requirements), rnd.randint(1, 3)))
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            action=created[i % len(created)],
            date=today - dt.timedelta(days=rnd.randint(1, 400)),
            narrative="Progress this month: workshops held, audit findings shared. " * 4,
            rag=rnd.choice(["red", "amber", "green", "green"]),
            evidence="Quarterly audit report" if i % 3 == 0 else "",
            author=editor,
        )
        for i in range(updates)
    )
    Milestone.objects.bulk_create(
        Milestone(
            action=a,
            title=f"Step {k}",
            due_date=today + dt.timedelta(days=rnd.randint(-90, 200)),
            done=k == 0,
        )
        for a in created
        for k in range(2)
    )
    now = dt.datetime.now(dt.UTC)
    RagOverride.objects.bulk_create(
        RagOverride(action=a, rag="amber", reason="Board's view", set_by=editor, set_at=now)
        for a in created[::25]
    )
    return plan


def add_self_assessment(plan, editor) -> None:
    """Two rounds (the first signed off), each requirement's entry linking every action that
    answers it, and its monitoring: the self-assessment pages at their busiest."""
    from ilacs.assessments import services

    requirements = list(plan.requirements.prefetch_related("actions"))
    for n, (title, day) in enumerate(
        (("Self-assessment, last year", dt.date(2024, 8, 1)), ("This year", dt.date(2025, 8, 1)))
    ):
        round_ = services.start_round(plan, user=editor, title=title, date=day)
        for i, requirement in enumerate(requirements):
            services.save_entry(
                round_,
                requirement,
                user=editor,
                item=services.EntryInput(
                    evaluation=["met", "partly_met", "not_met"][(i + n) % 3],
                    strengths="Strengths. " * 40,
                    areas_for_improvement="Areas for improvement. " * 30,
                    next_steps="Next steps. " * 20,
                    actions=list(requirement.actions.all()),
                ),
            )
        if n == 0:
            services.sign_off(round_, user=editor)
    for requirement in requirements:
        services.save_monitoring(
            requirement, user=editor, item=services.MonitoringInput(note="Monitored monthly")
        )


def measure(client, url: str, warmup: int, requests: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured)  # now: the next request empties the log
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    return statistics.median(times), p95, queries


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.reports.is_dir():
        print(f"No reports folder at {args.reports}: pass --reports DIR.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="ilacs-bench-") as tmp:
        data_dir = Path(tmp)
        setup_django(data_dir)
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        from ilacs.accounts.models import Role
        from ilacs.accounts.services import ensure_user, grant_membership
        from ilacs.inspections.models import Inspection

        call_command("collectstatic", interactive=False, verbosity=0)  # as `ilacs serve` does
        old_name, name = create_database(data_dir)
        try:
            vendor = f"{connection.vendor} ({connection.settings_dict['NAME']})"
            print(f"Database: {vendor}")
            start = time.perf_counter()
            files = ingest_corpus(args.reports, args.limit)
            held = Inspection.objects.count()
            print(f"Ingested {files} report files: {held} inspections held, "
                  f"{time.perf_counter() - start:.0f} s")  # fmt: skip

            with_recs = (
                Inspection.objects.filter(report_type="ilacs", recommendations__isnull=False)
                .order_by("-inspection_start")
                .distinct()
            )
            big, small = list(with_recs[:2])
            editor = ensure_user("bench_editor", "bench-password-not-used")
            for inspection in (big, small):
                grant_membership(editor, inspection.local_authority, Role.EDITOR)
            start = time.perf_counter()
            plan = build_plan(big, editor, args.actions, args.updates)
            small_plan = build_plan(small, editor, 10, 160, seed=2)
            print(
                f"Plan for {big.local_authority.name}: {plan.actions.count()} actions, "
                f"{args.updates} updates ({time.perf_counter() - start:.0f} s); "
                f"comparison plan for {small.local_authority.name}: 10 actions"
            )

            for p in (plan, small_plan):
                add_self_assessment(p, editor)

            client = Client()
            client.force_login(editor)

            from ilacs.selfevaluation import services as self_evaluations

            def urls(p):
                slug = p.local_authority.slug
                middle = p.actions.order_by("number")[p.actions.count() // 2]
                self_evaluations.start(
                    p.local_authority, user=editor, year=2026, as_at=dt.date(2026, 1, 19), plan=p
                )
                return {
                    "dashboard": reverse("plans:dashboard", args=[slug, p.pk]),
                    "dashboard (search)": reverse("plans:dashboard", args=[slug, p.pk])
                    + "?q=audit&rag=amber",
                    "plan": reverse("plans:detail", args=[slug, p.pk]),
                    "action": reverse("plans:action", args=[slug, p.pk, middle.number]),
                    "inspection": p.inspection.get_absolute_url(),
                    "self-assessment": p.assessment_rounds.order_by("-date")
                    .first()
                    .get_absolute_url(),
                    "across rounds": reverse("assessments:across", args=[slug, p.pk]),
                    "monitoring": reverse("assessments:monitoring", args=[slug, p.pk]),
                    "self-evaluation": reverse("selfevaluation:detail", args=[slug, 2026]),
                }

            big_urls, small_urls = urls(plan), urls(small_plan)
            print(
                f"\n{'page':<20}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}{'queries, 10 actions':>22}"
            )
            for page, url in big_urls.items():
                p50, p95, queries = measure(client, url, args.warmup, args.requests)
                _, _, small_queries = measure(client, small_urls[page], 1, 1)
                print(f"{page:<20}{p50:>9.1f}{p95:>9.1f}{queries:>9}{small_queries:>22}")
            # The national pages read every published inspection: their query count must not
            # depend on how many there are (tests/national/test_query_counts.py checks it).
            slug = big.local_authority.slug
            national = {
                "national grades": reverse("national:grades"),
                "national grades (h&p)": reverse("national:grades")
                + "?judgement=help_and_protection",
                "national topics": reverse("national:topics"),
                "national due": reverse("national:due"),
                "council record": reverse("national:council", args=[slug]),
                "council page": reverse("localauthorities:detail", args=[slug]),
                "council index": reverse("localauthorities:index"),
                "grades CSV": reverse("national:grades_download", args=["by-year", "csv"]),
                "topics XLSX": reverse("national:topics_download", args=["by-year", "xlsx"]),
            }
            public = Inspection.objects.public().count()
            print(f"\nNational pages over {public} published inspections")
            print(f"{'page':<24}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}")
            for page, url in national.items():
                p50, p95, queries = measure(client, url, args.warmup, args.requests)
                print(f"{page:<24}{p50:>9.1f}{p95:>9.1f}{queries:>9}")
            print(f"\n{args.requests} timed requests per page after {args.warmup} untimed.")
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
