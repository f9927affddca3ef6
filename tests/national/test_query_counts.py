"""The national pages and the council page read a fixed number of queries, whatever the number
of inspections (prefetches and aggregates, no query per row)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.national.conftest import council, inspect, neighbours

pytestmark = pytest.mark.django_db

GRADES = ["good", "requires_improvement", "inadequate", "outstanding"]


def _add(councils, years):
    for i, la in enumerate(councils):
        for j, year in enumerate(years):
            inspect(
                la,
                dt.date(year, 1 + (i % 12), 5),
                GRADES[(i + j) % 4],
                judgements={"help_and_protection": GRADES[(i + 2 * j) % 4]},
                recommendations=[["workforce"], ["plans", "assessment"]],
            )


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_inspections(client, cast, today):
    home = council("Homeshire")
    others = [council(f"Other {n}", "London" if n % 2 else "North West") for n in range(6)]
    neighbours(home, *others[:3])
    _add([home, *others[:2]], [2015, 2019])
    latest = home.inspections.order_by("-inspection_start").first()
    client.force_login(cast.nora_nobody)
    urls = [
        reverse("national:grades"),
        reverse("national:topics"),
        reverse("national:due"),
        reverse("national:council", args=[home.slug]),
        reverse("localauthorities:detail", args=[home.slug]),
        latest.get_absolute_url(),
    ]
    for url in urls:  # warm up (sessions, content types)
        client.get(url)
    before = [_count(client, url) for url in urls]
    _add([home, *others], [2022, 2025])
    after = [_count(client, url) for url in urls]
    assert after == before
