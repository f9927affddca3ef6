"""Recurring weaknesses: improvement topics asked for in consecutive inspections'
recommendations, on the council page, beside each requirement on the plan page, and by year
nationally."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ilacs.inspections import queries
from ilacs.national import queries as national
from ilacs.plans.models import Requirement
from tests.factories import ImprovementPlanFactory
from tests.national.conftest import council, inspect

pytestmark = pytest.mark.django_db

OVERSIGHT, VOICE, CARE_LEAVERS = "management_oversight", "voice_participation", "care_leavers"


@pytest.fixture
def history():
    la = council("Repeatshire")
    first = inspect(
        la,
        dt.date(2019, 2, 4),
        "requires_improvement",
        recommendations=[[VOICE], ["plans"], [OVERSIGHT, "recording"]],
        lscb=[["partnership"]],
    )
    visit = inspect(
        la, dt.date(2021, 5, 3), "", report_type="focused_visit", recommendations=[[CARE_LEAVERS]]
    )
    latest = inspect(
        la,
        dt.date(2024, 6, 3),
        "requires_improvement",
        recommendations=[[OVERSIGHT], [CARE_LEAVERS, "health"], ["partnership"]],
    )
    return la, first, visit, latest


def test_recurring_across_consecutive_inspections_with_recommendations(history):
    la, first, visit, latest = history
    found = [
        (r.theme, r.earlier.inspection.pk, r.later.inspection.pk)
        for r in queries.recurring_weaknesses(la)
    ]
    # Care leavers: the 2021 visit and 2024. Management oversight was asked for in 2019 and
    # 2024, but the 2021 visit came between: not consecutive. Partnership was only the LSCB's.
    assert found == [(CARE_LEAVERS, visit.pk, latest.pk)]


def test_without_the_visit_2019_and_2024_are_consecutive(history):
    la, first, visit, latest = history
    visit.recommendations.all().delete()
    themes = queries.recurring_themes(queries.recurring_weaknesses(la))
    assert [t.theme for t in themes] == [OVERSIGHT]
    assert [(a.year, a.numbers_label) for a in themes[0].asks] == [
        (2019, "recommendation 3"),
        (2024, "recommendation 1"),
    ]


def test_a_theme_in_three_inspections_in_a_row_is_one_run():
    la = council("Thriceshire")
    for year in (2014, 2018, 2022):
        inspect(la, dt.date(year, 3, 3), "good", recommendations=[["workforce"], ["assessment"]])
    inspect(la, dt.date(2025, 3, 3), "good", recommendations=[["workforce"]])
    themes = queries.recurring_themes(queries.recurring_weaknesses(la))
    assert [(t.theme, [a.year for a in t.asks]) for t in themes] == [
        ("workforce", [2014, 2018, 2022, 2025]),
        ("assessment", [2014, 2018, 2022]),
    ]


def test_unpublished_reports_count_for_members_only(history):
    la, first, visit, latest = history
    latest.ofsted_published = False
    latest.save()
    assert queries.recurring_weaknesses(la) == []
    assert len(queries.recurring_weaknesses(la, include_unpublished=True)) == 1


def test_council_page_lists_them(client, cast, history):
    la, *_ = history
    client.force_login(cast.nora_nobody)
    body = client.get(reverse("localauthorities:detail", args=[la.slug])).content.decode()
    assert "Recurring weaknesses" in body
    assert "Care leavers" in body and "recommendation 2" in body


def test_plan_page_says_also_asked_for_beside_the_requirement(client, cast, history):
    la, first, visit, latest = history
    visit.recommendations.all().delete()
    la_inspections = [first, latest]
    for inspection in la_inspections:
        inspection.local_authority = cast.northbrook
        inspection.save()
    plan = ImprovementPlanFactory(inspection=latest)
    for recommendation in latest.recommendations.all():
        Requirement.objects.create(
            plan=plan,
            number=recommendation.number,
            recommendation=recommendation,
            text=recommendation.text,
        )
    client.force_login(cast.vic_viewer)
    body = client.get(reverse("plans:detail", args=["northbrook", plan.pk])).content.decode()
    assert "Also asked for in 2019:" in body
    assert '#recommendation-3">recommendation 3' in body
    assert "(management oversight and supervision)" in body
    assert body.count("Also asked for in") == 1


def test_national_topics_by_year(client, cast, history):
    data = national.themes_by_year()
    assert data.years == [2019, 2021, 2024]
    assert data.totals == {2019: 3, 2021: 1, 2024: 3}  # LSCB recommendations left out
    assert data.counts[2024][CARE_LEAVERS] == 1 and data.counts[2019][OVERSIGHT] == 1
    assert data.share(CARE_LEAVERS, 2021) == 100.0
    top = {row[0]: row for row in data.top_table.rows}
    assert top[2021] == [2021, 1, "Care leavers (100%)", "", ""]
    client.force_login(cast.nora_nobody)
    body = client.get(reverse("national:topics")).content.decode()
    assert "Care leavers (100%)" in body and body.count("<svg") == 1


def test_inspection_page_says_also_asked_for_to_everyone(client, cast, history):
    la, first, visit, latest = history
    visit.recommendations.all().delete()
    client.force_login(cast.nora_nobody)
    body = client.get(latest.get_absolute_url()).content.decode()
    assert body.count("Also asked for in 2019:") == 1
    assert f'{first.get_absolute_url()}#recommendation-3">recommendation 3' in body
