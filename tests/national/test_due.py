"""Inspections due: six months either side of the third anniversary of the last graded
inspection; councils judged inadequate get monitoring visits instead of a window. Today's date is
frozen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ilacs.inspections import queries
from tests.factories import ImprovementPlanFactory
from tests.national.conftest import TODAY, council, inspect

pytestmark = pytest.mark.django_db


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert queries.add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert queries.add_months(dt.date(2023, 1, 15), -6) == dt.date(2022, 7, 15)
    assert queries.add_months(dt.date(2023, 1, 15), 36) == dt.date(2026, 1, 15)


@pytest.mark.parametrize(
    ("last_day", "status", "window"),
    [
        # Third anniversary 14 March 2027: window 14 September 2026 to 14 September 2027.
        (dt.date(2024, 3, 14), queries.WINDOW_OPEN, (dt.date(2026, 9, 14), dt.date(2027, 9, 14))),
        (dt.date(2025, 1, 20), queries.UPCOMING, (dt.date(2027, 7, 20), dt.date(2028, 7, 20))),
        (dt.date(2023, 5, 30), queries.WINDOW_OPEN, (dt.date(2025, 11, 30), dt.date(2026, 11, 30))),
        (dt.date(2023, 5, 29), queries.OVERDUE, (dt.date(2025, 11, 29), dt.date(2026, 11, 29))),
    ],
)
def test_window_from_the_last_day_on_site(last_day, status, window):
    la = council("Windowshire")
    inspect(la, last_day - dt.timedelta(days=11), "good")
    upcoming = queries.next_inspection(la, TODAY)
    assert upcoming.status == status
    assert (upcoming.window_start, upcoming.window_end) == window


def test_inadequate_means_monitoring_visits_not_a_window():
    la = council("Lowshire")
    inspect(la, dt.date(2024, 2, 5), "inadequate")
    inspect(la, dt.date(2025, 3, 3), "", report_type="monitoring_visit")
    upcoming = queries.next_inspection(la, TODAY)
    assert upcoming.status == queries.MONITORING
    assert upcoming.window_start is None
    assert "monitoring visits" in upcoming.summary


def test_visits_do_not_move_the_window_and_no_graded_inspection_means_unknown():
    la = council("Visitshire")
    inspect(la, dt.date(2026, 1, 5), "", report_type="focused_visit")
    upcoming = queries.next_inspection(la, TODAY)
    assert upcoming.status == queries.UNKNOWN and upcoming.last is None
    inspect(la, dt.date(2024, 1, 8), "good")
    assert queries.next_inspection(la, TODAY).last.inspection_start == dt.date(2024, 1, 8)


def test_national_list_for_the_next_six_months(client, cast, today):
    opening = council("Opening")  # window opens in March 2027: within six months
    inspect(opening, dt.date(2024, 9, 2), "requires_improvement")
    far = council("Farshire")  # window opens in 2028: not listed
    inspect(far, dt.date(2025, 6, 2), "good")
    closed = council("Closedshire")  # window passed before today: due at any time
    inspect(closed, dt.date(2022, 1, 10), "good")
    low = council("Lowshire")
    inspect(low, dt.date(2024, 2, 5), "inadequate")
    due, monitoring = queries.inspections_due(TODAY)
    assert [(n.local_authority.name, n.status) for n in due] == [
        ("Closedshire", queries.OVERDUE),
        ("Opening", queries.UPCOMING),
    ]
    assert due[1].window_start == dt.date(2027, 3, 13)
    assert [n.local_authority.name for n in monitoring] == ["Lowshire"]

    client.force_login(cast.nora_nobody)
    body = client.get(reverse("national:due")).content.decode()
    assert "Opening" in body and "Lowshire" in body and "Farshire" not in body
    assert "Window passed: due at any time" in body
    assert "30 November 2026" in body
    assert body.count("<svg") == 1


def test_council_page_and_plan_page_show_the_window(client, cast, today):
    inspection = inspect(cast.northbrook, dt.date(2024, 3, 4), "requires_improvement")
    plan = ImprovementPlanFactory(inspection=inspection)
    client.force_login(cast.erin_editor)
    expected = "15 September 2026 to 15 September 2027"
    body = client.get(reverse("localauthorities:detail", args=["northbrook"])).content.decode()
    assert "The window is open now" in body and expected in body
    body = client.get(reverse("plans:detail", args=["northbrook", plan.pk])).content.decode()
    assert expected in body
