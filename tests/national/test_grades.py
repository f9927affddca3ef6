"""Grades over time: the distribution of each judgement by year and by region, from published
inspections only, with the changes of framework marked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ilacs.national import queries
from tests.national.conftest import council, inspect

pytestmark = pytest.mark.django_db


@pytest.fixture
def country():
    a = council("Aville", "South West")
    b = council("Bton", "South West")
    c = council("Cford", "London")
    inspect(a, dt.date(2018, 3, 5), "good", judgements={"help_and_protection": "good"})
    inspect(a, dt.date(2023, 3, 6), "outstanding", judgements={"help_and_protection": "good"})
    inspect(b, dt.date(2018, 6, 4), "inadequate", judgements={"help_and_protection": "inadequate"})
    inspect(b, dt.date(2023, 1, 9), "requires_improvement")
    inspect(c, dt.date(2023, 5, 1), "good")
    # Left out: not published, and withdrawn.
    inspect(c, dt.date(2024, 5, 1), "inadequate", published=False)
    gone = inspect(a, dt.date(2024, 2, 1), "inadequate")
    gone.withdrawn_at = timezone.now()
    gone.save()
    return a, b, c


def test_counts_by_year(country):
    result = queries.grades_by_year("overall_effectiveness")
    assert result.labels == ["2018", "2023"]
    assert dict(result.counts["2018"]) == {"good": 1, "inadequate": 1}
    assert dict(result.counts["2023"]) == {"outstanding": 1, "requires_improvement": 1, "good": 1}
    assert result.grades == ["outstanding", "good", "requires_improvement", "inadequate"]
    rows = {row[0]: row for row in result.table.rows}
    assert rows[2018] == [2018, 0, 1, 0, 1, 2, "ILACS framework from January 2018"]
    assert rows[2023][:6] == [2023, 1, 1, 1, 0, 3]
    assert "care leavers" in rows[2023][6]


def test_other_judgements_are_counted_on_their_own(country):
    result = queries.grades_by_year("help_and_protection")
    assert dict(result.counts["2018"]) == {"good": 1, "inadequate": 1}
    assert dict(result.counts["2023"]) == {"good": 1}


def test_by_region_counts_each_councils_latest_grade(country):
    result = queries.grades_by_region("overall_effectiveness")
    assert result.labels == ["London", "South West"]
    assert dict(result.counts["South West"]) == {"outstanding": 1, "requires_improvement": 1}
    assert dict(result.counts["London"]) == {"good": 1}  # its unpublished 2024 one left out
    england = result.table.rows[-1]
    assert england[0] == "England" and england[-1] == 3


def test_page_shows_chart_table_frameworks_and_licence(client, cast, country):
    client.force_login(cast.nora_nobody)
    body = client.get(reverse("national:grades")).content.decode()
    assert body.count("<svg") == 2 and 'role="img"' in body
    assert "<script" not in body.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "2018 ILACS" in body  # the framework change named under its year on the chart
    assert "Single inspection framework (SIF) from November 2013" in body
    assert "Open Government Licence v3.0" in body
    assert "Published inspection data: visible to everyone signed in" in body
    assert 'href="/national/grades/by-year.csv?judgement=overall_effectiveness"' in body
    response = client.get(reverse("national:grades") + "?judgement=help_and_protection")
    assert "Help and protection, by year" in response.content.decode()


def test_unknown_judgement_falls_back_to_overall_effectiveness(client, cast, country):
    client.force_login(cast.nora_nobody)
    body = client.get(reverse("national:grades") + "?judgement=<b>").content.decode()
    assert "Overall effectiveness, by year" in body
