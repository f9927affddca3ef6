"""The self-assessment pages answer a new user's questions: which recommendations are met and
what evidence says so; what changed since the last round; how each is monitored."""

from __future__ import annotations

import html
import re

from django.urls import reverse

from ilacs.assessments.models import AssessmentEntry, Monitoring, RoundStatus
from tests.assessments.conftest import review_all


def _text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def test_the_plan_links_to_self_assessment_and_monitoring(client, cast, first_round):
    client.force_login(cast.vic_viewer)
    plan = first_round.plan
    body = client.get(plan.get_absolute_url()).content.decode()
    assert reverse("assessments:rounds", args=["northbrook", plan.pk]) in body
    assert reverse("assessments:monitoring", args=["northbrook", plan.pk]) in body


def test_rounds_page_counts_the_latest_round(client, cast, first_round):
    client.force_login(cast.vic_viewer)
    response = client.get(reverse("assessments:rounds", args=["northbrook", first_round.plan.pk]))
    text = _text(response)
    assert "Latest round: Annual self-assessment, July 2024" in text
    assert "Signed off" in text
    assert "Start the next round" not in text  # a viewer cannot


def test_round_page_shows_evaluations_and_evidence(client, cast, first_round):
    client.force_login(cast.vic_viewer)
    url = first_round.get_absolute_url()
    text = _text(client.get(url))
    assert "Recommendation 1: Improve area 1." in text
    assert "Children seen within timescales" in text and "Red" in text
    assert "50.0% good or better" in text
    assert "Action 1: SMART planning workshops" in text
    assert "It is read only" in text
    assert "Sign off the round" not in text
    filtered = _text(client.get(url + "?evaluation=not_met"))
    assert "Recommendation 2: Improve area 2." in filtered
    assert "Recommendation 1: Improve area 1." not in filtered
    assert "Recommendations evaluated “not met” (1)" in filtered


def test_editor_reviews_an_entry_and_signs_off(client, cast, second_round):
    client.force_login(cast.erin_editor)
    plan = second_round.plan
    url = reverse("assessments:entry_edit", args=["northbrook", plan.pk, second_round.pk, 2])
    page = client.get(url)
    assert page.status_code == 200
    assert "not yet reviewed" in _text(page)
    response = client.post(url, {"evaluation": "partly_met", "strengths": "Plans are SMART."})
    assert response.status_code == 302
    entry = second_round.entries.get(requirement__number=2)
    assert entry.reviewed and entry.evaluation == "partly_met"
    round_page = _text(client.get(second_round.get_absolute_url()))
    assert "Changed from not met" in round_page
    assert "2 recommendations are not yet reviewed" in round_page
    sign_off = reverse("assessments:sign_off", args=["northbrook", plan.pk, second_round.pk])
    assert "not yet reviewed" in _text(client.get(sign_off))
    review_all(second_round, cast.erin_editor, {1: "met", 2: "partly_met", 3: "met"})
    refused = client.post(sign_off, {})
    assert refused.status_code == 400
    assert "Confirm the self-assessment is complete and agreed" in _text(refused)
    assert client.post(sign_off, {"confirm": "on"}).status_code == 302
    second_round.refresh_from_db()
    assert second_round.status == RoundStatus.SIGNED_OFF
    # read only now: the edit page sends the editor back to the round
    assert client.get(url).status_code == 302
    assert client.post(url, {"evaluation": "not_met"}).status_code == 302
    assert second_round.entries.get(requirement__number=2).evaluation == "partly_met"


def test_entry_form_errors_in_plain_words(client, cast, second_round):
    client.force_login(cast.erin_editor)
    url = reverse(
        "assessments:entry_edit", args=["northbrook", second_round.plan.pk, second_round.pk, 1]
    )
    response = client.post(url, {"evaluation": "brilliant"})
    assert response.status_code == 400
    assert "Select an evaluation" in response.content.decode() or "Evaluation" in _text(response)
    assert not AssessmentEntry.objects.filter(round=second_round, reviewed=True).exists()


def test_start_the_next_round_from_the_page(client, cast, first_round):
    client.force_login(cast.erin_editor)
    plan = first_round.plan
    url = reverse("assessments:round_start", args=["northbrook", plan.pk])
    response = client.post(
        url,
        {
            "title": "Annual self-assessment, July 2025",
            "date_day": "31",
            "date_month": "7",
            "date_year": "2025",
        },
    )
    assert response.status_code == 302
    new = plan.assessment_rounds.get(title="Annual self-assessment, July 2025")
    assert new.entries.count() == 3 and not new.entries.filter(reviewed=True).exists()
    again = client.post(
        url, {"title": "Another", "date_day": "1", "date_month": "8", "date_year": "2025"}
    )
    assert again.status_code == 400
    assert "still a draft" in _text(again)


def test_across_rounds_says_what_changed_in_words(client, cast, second_round):
    review_all(second_round, cast.erin_editor, {1: "remains_met", 2: "not_met", 3: "met"})
    client.force_login(cast.vic_viewer)
    text = _text(
        client.get(reverse("assessments:across", args=["northbrook", second_round.plan.pk]))
    )
    assert "Changed in Annual self-assessment, July 2025 (2)" in text
    assert "Recommendation 3 : now met (changed from partly met)" in text
    assert "Changed from met" in text


def test_monitoring_page_and_form(client, cast, first_round, board, seen_in_time):
    client.force_login(cast.erin_editor)
    plan = first_round.plan
    url = reverse("assessments:monitoring_edit", args=["northbrook", plan.pk, 2])
    response = client.post(
        url,
        {
            "forums": [board.pk],
            "measures": [seen_in_time.pk],
            "other_evidence": "Missing from home tracker",
            "note": "Will be met once timely",
        },
    )
    assert response.status_code == 302
    assert Monitoring.objects.get(requirement__number=2).forums.get() == board
    page = reverse("assessments:monitoring", args=["northbrook", plan.pk])
    text = _text(client.get(page))
    assert "Children's Improvement Board" in text
    assert "Missing from home tracker" in text and "Will be met once timely" in text
    not_met = _text(client.get(page + "?show=not-met"))
    assert "Recommendation 2:" in not_met and "Recommendation 1:" not in not_met


def test_forum_pages(client, cast, board):
    client.force_login(cast.erin_editor)
    text = _text(client.get(reverse("assessments:forums", args=["northbrook"])))
    assert "Children's Improvement Board" in text and "15 January 2025" in text
    add = reverse("assessments:meeting_add", args=["northbrook", board.pk])
    bad = client.post(add, {"date_day": "31", "date_month": "2", "date_year": "2025"})
    assert bad.status_code == 400 and "Meeting date must be a real date" in _text(bad)
    ok = client.post(add, {"date_day": "2", "date_month": "4", "date_year": "2025"})
    assert ok.status_code == 302
    assert board.meetings.count() == 3


def test_dashboard_panel(client, cast, first_round):
    client.force_login(cast.vic_viewer)
    text = _text(client.get(reverse("plans:dashboard", args=["northbrook", first_round.plan.pk])))
    assert "Evidence of progress" in text
    assert "Measures off target (1)" in text
    assert "Children seen within timescales" in text
    assert "Child protection plans" in text
    assert "evaluation in Annual self-assessment, July 2024" in text


def test_queries_do_not_grow_with_the_evidence(client, cast, second_round, seen_in_time, cp_audit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ilacs.measures import services as measure_services

    client.force_login(cast.erin_editor)
    plan = second_round.plan
    urls = [
        second_round.get_absolute_url(),
        reverse("assessments:across", args=["northbrook", plan.pk]),
        reverse("assessments:monitoring", args=["northbrook", plan.pk]),
        reverse("plans:dashboard", args=["northbrook", plan.pk]),
    ]

    def counts():
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    counts()  # warm-up
    before = counts()
    extra = [
        measure_services.create_measure(
            cast.northbrook, user=cast.erin_editor, name=f"Measure {i}", unit="percent",
            direction="higher", frequency="monthly",
        )
        for i in range(5)
    ]  # fmt: skip
    review_all(
        second_round,
        cast.erin_editor,
        {1: "met", 2: "met", 3: "met"},
        measures=[seen_in_time, *extra],
        audit_streams=[cp_audit],
        actions=list(plan.actions.all()),
    )
    assert counts() == before


def test_change_a_draft_rounds_title(client, cast, first_round, second_round):
    client.force_login(cast.erin_editor)
    plan = second_round.plan
    url = reverse("assessments:round_edit", args=["northbrook", plan.pk, second_round.pk])
    clash = client.post(
        url,
        {"title": first_round.title, "date_day": "1", "date_month": "8", "date_year": "2025"},
    )
    assert clash.status_code == 400 and "already has a round called" in _text(clash)
    ok = client.post(
        url,
        {"title": "Self-assessment, August 2025", "date_day": "1", "date_month": "8",
         "date_year": "2025"},
    )  # fmt: skip
    assert ok.status_code == 302
    second_round.refresh_from_db()
    assert second_round.title == "Self-assessment, August 2025"
    signed = reverse("assessments:round_edit", args=["northbrook", plan.pk, first_round.pk])
    assert client.get(signed).status_code == 302  # read only: back to the round
