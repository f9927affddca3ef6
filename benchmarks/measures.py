"""Server time and query count of the measures pages with many measures and values.

    .venv/bin/python benchmarks/measures.py                     # SQLite (a temporary file)
    DATABASE_URL=postgres://user@host:5432/db .venv/bin/python benchmarks/measures.py

Builds a fresh database (on PostgreSQL a throw-away `test_<db>`, as benchmarks/pages.py does),
gives one council 60 measures with 5 years of monthly values and comparators, all on one
scorecard, and prints p50 / p95 server time and the query count of the scorecard, the measures
list and a measure page; then the query count again with 5 measures of 12 values each, to show
that it does not depend on the number of measures or values. Needs no corpus.

Figures are printed, never asserted: the tests check query counts, not timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import create_database, measure, setup_django  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--measures", type=int, default=60)
    p.add_argument("--years", type=int, default=5)
    p.add_argument("--requests", type=int, default=30, help="timed requests per page")
    p.add_argument("--warmup", type=int, default=3, help="untimed requests per page first")
    return p.parse_args(argv)


def build(la, user, measures: int, months: int, name: str):
    from ilacs.measures import services
    from ilacs.measures.models import MeasureValue
    from ilacs.measures.periods import add_periods

    made = []
    start = add_periods("monthly", dt.date(2026, 1, 1), -months)
    rows = []
    for i in range(measures):
        m = services.create_measure(
            la,
            user=user,
            name=f"Measure {i + 1}",
            unit="percent",
            direction="higher" if i % 2 else "lower",
            frequency="monthly",
            target=Decimal(60),
            amber_tolerance=Decimal(5),
        )
        made.append(m)
        for j in range(months):
            number = Decimal(40 + (i * 7 + j * 3) % 45)
            rows.append(
                MeasureValue(
                    measure=m,
                    period=add_periods("monthly", start, j),
                    value=number,
                    england=number + 2,
                    statistical_neighbours=number - 1,
                    region=number + 1,
                    entered_by=user,
                    updated_by=user,
                )
            )
    MeasureValue.objects.bulk_create(rows, batch_size=2000)
    return services.save_scorecard(la, user=user, name=name, measures=made), made


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ilacs-bench-") as tmp:
        data_dir = Path(tmp)
        setup_django(data_dir)
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        from ilacs.accounts.models import Role
        from ilacs.accounts.services import ensure_user, grant_membership
        from ilacs.localauthorities.services import create_fictional_local_authority

        call_command("collectstatic", interactive=False, verbosity=0)
        old_name, _ = create_database(data_dir)
        try:
            print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
            big = create_fictional_local_authority("Bigtown", "bigtown")
            small = create_fictional_local_authority("Smallville", "smallville")
            user = ensure_user("bench_editor", "bench-password-not-used")
            grant_membership(user, big, Role.EDITOR)
            grant_membership(user, small, Role.EDITOR)
            start = time.perf_counter()
            card, made = build(big, user, args.measures, args.years * 12, "Big scorecard")
            small_card, small_made = build(small, user, 5, 12, "Small scorecard")
            print(
                f"{args.measures} measures x {args.years * 12} monthly values "
                f"({args.measures * args.years * 12} values) in {time.perf_counter() - start:.0f} s"
            )
            client = Client()
            client.force_login(user)

            def urls(la, c, m):
                return {
                    "scorecard": reverse("measures:scorecard", args=[la.slug, c.pk]),
                    "measures list": reverse("measures:index", args=[la.slug]),
                    "measure": reverse("measures:detail", args=[la.slug, m.pk]),
                }

            big_urls = urls(big, card, made[0])
            small_urls = urls(small, small_card, small_made[0])
            print(f"\n{'page':<16}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}{'queries, 5 x 12':>18}")
            for page, url in big_urls.items():
                p50, p95, queries = measure(client, url, args.warmup, args.requests)
                _, _, small_queries = measure(client, small_urls[page], 1, 1)
                print(f"{page:<16}{p50:>9.1f}{p95:>9.1f}{queries:>9}{small_queries:>18}")
            print(f"\n{args.requests} timed requests per page after {args.warmup} untimed.")
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
