"""Rounds, entries, sign-off, forums and monitoring: the rules of ilacs.assessments.services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from ilacs.assessments import queries, services
from ilacs.assessments.models import AssessmentEntry, Evaluation, RoundStatus
from ilacs.assessments.services import EntryInput, MonitoringInput
from tests.assessments.conftest import review_all


def test_the_first_round_starts_blank_with_every_recommendation(cast, plan):
    round_ = services.start_round(
        plan,
        user=cast.erin_editor,
        title="Annual self-assessment, July 2024",
        date=dt.date(2024, 7, 31),
    )
    entries = list(round_.entries.order_by("requirement__number"))
    assert [e.requirement.number for e in entries] == [1, 2, 3]
    assert {e.evaluation for e in entries} == {Evaluation.NOT_EVALUATED}
    assert not any(e.reviewed for e in entries)
    assert round_.status == RoundStatus.DRAFT


def test_the_next_round_copies_every_entry_not_yet_reviewed(
    cast, first_round, second_round, seen_in_time, cp_audit, caras_action
):
    entries = {e.requirement.number: e for e in second_round.entries.all()}
    assert {n: e.evaluation for n, e in entries.items()} == {
        1: "met",
        2: "not_met",
        3: "partly_met",
    }
    assert not any(e.reviewed for e in entries.values())
    assert entries[1].strengths == "Strengths of 1"
    assert list(entries[1].measures.all()) == [seen_in_time]
    assert list(entries[1].audit_streams.all()) == [cp_audit]
    assert list(entries[1].actions.all()) == [caras_action]
    assert second_round.started_from == first_round
    # the first round is untouched
    assert first_round.entries.filter(reviewed=True).count() == 3


def test_saving_an_entry_marks_it_reviewed_and_keeps_history(cast, second_round):
    requirement = second_round.plan.requirements.get(number=2)
    entry = services.save_entry(
        second_round,
        requirement,
        user=cast.erin_editor,
        item=EntryInput(evaluation="partly_met", strengths="Better plans"),
    )
    entry.refresh_from_db()
    assert entry.reviewed and entry.reviewed_by == cast.erin_editor
    assert entry.evaluation == "partly_met"
    latest = entry.history.order_by("-history_date", "-history_id").first()
    assert latest.history_user == cast.erin_editor
    assert latest.evaluation == "partly_met"
    assert latest.prev_record.evaluation == "not_met"


def test_a_second_draft_is_refused(cast, second_round):
    with pytest.raises(services.AssessmentError, match="still a draft"):
        services.start_round(
            second_round.plan, user=cast.erin_editor, title="Another", date=dt.date(2025, 9, 1)
        )


def test_a_round_title_is_unique_in_the_plan(cast, first_round):
    with pytest.raises(services.AssessmentError, match="already has a round called"):
        services.start_round(
            first_round.plan,
            user=cast.erin_editor,
            title="annual self-assessment, july 2024",
            date=dt.date(2025, 7, 31),
        )


def test_sign_off_needs_every_recommendation_reviewed(cast, second_round):
    with pytest.raises(services.AssessmentError, match="3 recommendations are not yet reviewed"):
        services.sign_off(second_round, user=cast.erin_editor)
    review_all(second_round, cast.erin_editor, {1: "remains_met", 2: "met", 3: "not_met"})
    services.sign_off(second_round, user=cast.erin_editor)
    second_round.refresh_from_db()
    assert second_round.status == RoundStatus.SIGNED_OFF
    assert second_round.signed_off_by == cast.erin_editor


def test_a_signed_off_round_is_read_only(cast, first_round):
    requirement = first_round.plan.requirements.get(number=1)
    with pytest.raises(services.RoundSignedOff):
        services.save_entry(
            first_round, requirement, user=cast.erin_editor, item=EntryInput(evaluation="not_met")
        )
    with pytest.raises(services.RoundSignedOff):
        services.sign_off(first_round, user=cast.erin_editor)
    with pytest.raises(services.RoundSignedOff):
        services.rename_round(first_round, user=cast.erin_editor, title="X", date=dt.date.today())
    assert first_round.entries.get(requirement=requirement).evaluation == "met"


@pytest.mark.parametrize("name", ["cara_contributor", "vic_viewer", "olly_other_la"])
def test_only_editors_and_admins_write(cast, plan, name):
    with pytest.raises(PermissionDenied):
        services.start_round(plan, user=cast.user(name), title="R", date=dt.date(2025, 1, 1))


def test_a_contributor_cannot_sign_off(cast, second_round):
    with pytest.raises(PermissionDenied):
        services.sign_off(second_round, user=cast.cara_contributor)


def test_evidence_must_be_the_councils_own(cast, second_round, southmere_plan):
    from ilacs.measures import services as measure_services

    other = measure_services.create_measure(
        cast.southmere,
        user=cast.olly_other_la,
        name="Theirs",
        unit="percent",
        direction="higher",
        frequency="monthly",
    )
    requirement = second_round.plan.requirements.get(number=1)
    with pytest.raises(services.AssessmentError, match="this council"):
        services.save_entry(
            second_round,
            requirement,
            user=cast.erin_editor,
            item=EntryInput(evaluation="met", measures=[other]),
        )
    foreign = southmere_plan.requirements.get(number=1)
    with pytest.raises(services.AssessmentError, match="not part of this plan"):
        services.save_entry(
            second_round, foreign, user=cast.erin_editor, item=EntryInput(evaluation="met")
        )


def test_latest_evaluations_prefer_the_signed_off_round(cast, first_round, second_round):
    requirement = second_round.plan.requirements.get(number=2)
    services.save_entry(
        second_round, requirement, user=cast.erin_editor, item=EntryInput(evaluation="met")
    )
    latest = queries.latest_evaluations(second_round.plan)
    assert {e.round_id for e in latest.values()} == {first_round.pk}
    assert latest[requirement.pk].evaluation == "not_met"


def test_latest_evaluations_fall_back_to_the_draft(cast, plan):
    assert queries.latest_evaluations(plan) == {}
    round_ = services.start_round(plan, user=cast.erin_editor, title="R1", date=dt.date(2024, 1, 1))
    latest = queries.latest_evaluations(plan)
    assert set(latest) == set(plan.requirements.values_list("pk", flat=True))
    assert all(isinstance(e, AssessmentEntry) and e.round_id == round_.pk for e in latest.values())


def test_across_rounds_marks_what_changed(cast, first_round, second_round):
    review_all(second_round, cast.erin_editor, {1: "remains_met", 2: "not_met", 3: "met"})
    table = queries.across_rounds(second_round.plan)
    assert [r.title for r in table.rounds] == [first_round.title, second_round.title]
    by_number = {row.requirement.number: row for row in table.rows}
    assert [c.changed for c in by_number[2].cells] == [False, False]
    assert by_number[1].cells[1].change_text == "Changed from met"
    assert by_number[3].cells[1].change_text == "Changed from partly met"
    assert [r.requirement.number for r in table.changes_since_last] == [1, 3]


def test_round_sheet_counts_and_evidence(cast, first_round, seen_in_time):
    sheet = queries.round_sheet(first_round, dt.date(2025, 7, 1))
    counts = dict(sheet.counts)
    assert counts[Evaluation.MET] == 1 and counts[Evaluation.NOT_MET] == 1
    assert counts[Evaluation.PARTLY_MET] == 1 and sheet.unreviewed == 0
    evidence = sheet.rows[0].evidence
    kinds = [item.kind for item in evidence]
    assert kinds == ["measure", "audit", "action"]
    assert evidence[0].tag == "Red" and "73%" in evidence[0].status
    assert "50.0% good or better" in evidence[1].status


def test_forums_meetings_and_monitoring(cast, plan, board, seen_in_time, caras_action):
    with pytest.raises(services.AssessmentError, match="already has a forum"):
        services.save_forum(
            cast.northbrook,
            user=cast.erin_editor,
            name="children's improvement board",
            kind="scrutiny",
        )
    with pytest.raises(services.AssessmentError, match="already has a meeting"):
        services.add_meeting(board, user=cast.erin_editor, date=dt.date(2025, 1, 15))
    requirement = plan.requirements.get(number=1)
    services.save_monitoring(
        requirement,
        user=cast.erin_editor,
        item=MonitoringInput(
            forums=[board],
            measures=[seen_in_time],
            other_evidence="Missing tracker\n\nCSE report",
            note="Will be met once timeliness is restored",
        ),
    )
    rows = {r.requirement.number: r for r in queries.monitoring_rows(plan)}
    assert rows[1].forums == [board]
    assert rows[1].supported_by[0][:2] == ("Measure", "Children seen within timescales")
    assert rows[1].other_evidence == ["Missing tracker", "CSE report"]
    assert [a.number for a in rows[1].actions] == [1]
    assert rows[1].note == "Will be met once timeliness is restored"
    assert rows[3].forums == [] and rows[3].supported_by == []


def test_the_self_evaluation_shows_each_recommendations_latest_evaluation(
    cast, first_round, second_round
):
    from ilacs.selfevaluation import queries as selfevaluation_queries

    rows = selfevaluation_queries.recommendation_evaluations(first_round.plan, dt.date(2025, 8, 1))
    assert [(r.requirement.number, r.evaluation.get_evaluation_display()) for r in rows] == [
        (1, "Met"),
        (2, "Not met"),
        (3, "Partly met"),
    ]
