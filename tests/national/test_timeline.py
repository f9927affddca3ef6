"""A council's timeline: every inspection and visit with grades and the change from the last,
its predecessors' inspections marked as such."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ilacs.inspections import queries
from tests.national.conftest import council, inspect

pytestmark = pytest.mark.django_db


@pytest.fixture
def successor():
    old = council("Oldshire")
    new = council("Newshire")
    old.is_current = False
    old.save()
    old.replaced_by.add(new)
    inspect(old, dt.date(2014, 1, 6), "inadequate", report_type="sif")
    inspect(old, dt.date(2019, 1, 7), "requires_improvement")
    inspect(new, dt.date(2021, 6, 1), "", report_type="focused_visit")
    inspect(new, dt.date(2022, 10, 3), "requires_improvement")
    inspect(new, dt.date(2025, 10, 6), "good")
    inspect(new, dt.date(2026, 5, 11), "good", published=False)  # a member's draft
    return old, new


def test_changes_from_the_last_newest_first(successor):
    old, new = successor
    entries = queries.council_record(new)
    summary = [
        (e.inspection.inspection_start.year, e.is_predecessor, e.grade, e.change) for e in entries
    ]
    assert summary == [
        (2025, False, "good", "improved"),
        (2022, False, "requires_improvement", "first"),
        (2021, False, "", ""),  # a focused visit is not graded
        (2019, True, "requires_improvement", "improved"),
        (2014, True, "inadequate", "first"),
    ]
    assert entries[0].previous.inspection_start == dt.date(2022, 10, 3)


def test_members_see_their_unpublished_upload_in_the_record(successor):
    _, new = successor
    entries = queries.council_record(new, include_unpublished=True)
    assert entries[0].inspection.inspection_start == dt.date(2026, 5, 11)
    assert entries[0].change == "same"


def test_declined_and_same():
    la = council("Flatshire")
    inspect(la, dt.date(2015, 1, 5), "good", report_type="sif")
    inspect(la, dt.date(2018, 9, 3), "good")
    inspect(la, dt.date(2022, 9, 5), "inadequate")
    changes = [e.change for e in queries.council_record(la)]
    assert changes == ["declined", "same", "first"]


def test_2026_reports_without_overall_effectiveness_take_their_lowest_judgement():
    la = council("Newframe")
    inspect(la, dt.date(2022, 1, 10), "good")
    inspect(
        la,
        dt.date(2026, 6, 1),
        "",
        judgements={"impact_of_leaders": "good", "help_and_protection": "inadequate"},
    )
    latest = queries.council_record(la)[0]
    assert (latest.grade, latest.change) == ("inadequate", "declined")


def test_pages_show_the_record_with_predecessors_marked(client, cast, successor):
    old, new = successor
    client.force_login(cast.nora_nobody)
    body = client.get(reverse("national:council", args=[new.slug])).content.decode()
    assert "Oldshire" in body and "Improved" in body and "First graded inspection" in body
    assert body.count("<svg") == 2
    assert "Open Government Licence v3.0" in body
    assert "11 to 22 May 2026" not in body  # unpublished: not on the public record
    page = client.get(reverse("localauthorities:detail", args=[new.slug])).content.decode()
    assert "Predecessor: Oldshire" in page
    assert "Improved" in page
