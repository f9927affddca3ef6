"""Writes to measures and audits: permissions, uniqueness in the database, corrections kept in
the history, audit grades that must add up."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from ilacs.measures import queries, services
from ilacs.measures.models import AuditResult, Measure, MeasureValue
from tests.measures.conftest import value

MARCH = dt.date(2025, 3, 1)


def test_editor_defines_a_measure(cast, re_referrals):
    assert re_referrals.local_authority == cast.northbrook
    assert re_referrals.history.first().history_user == cast.erin_editor


@pytest.mark.parametrize("name", ["cara_contributor", "vic_viewer", "olly_other_la"])
def test_only_editors_and_admins_define_measures(cast, name):
    with pytest.raises(PermissionDenied):
        services.create_measure(
            cast.northbrook, user=cast.user(name), name="X", unit="number", direction="higher"
        )


def test_name_is_unique_per_council_whatever_the_case(cast, re_referrals, southmere_measure):
    with pytest.raises(services.MeasureError, match="already has a measure called"):
        services.create_measure(
            cast.northbrook,
            user=cast.erin_editor,
            name="RE-REFERRALS within 12 months",
            unit="percent",
            direction="lower",
        )
    assert Measure.objects.filter(name__iexact="re-referrals within 12 months").count() == 2


def test_the_database_refuses_a_duplicate_name(cast, re_referrals):
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.create(
            local_authority=cast.northbrook,
            name="re-referrals WITHIN 12 months",
            unit="percent",
            direction="lower",
        )


def test_contributor_enters_a_value_and_a_correction_keeps_history(cast, re_referrals):
    row, outcome = services.record_value(
        re_referrals, user=cast.cara_contributor, item=value(MARCH, 22)
    )
    assert outcome == services.CREATED
    row, outcome = services.record_value(
        re_referrals, user=cast.erin_editor, item=value(MARCH, 19.5)
    )
    assert outcome == services.CORRECTED
    assert MeasureValue.objects.get().value == Decimal("19.50")
    old, new = row.history.order_by("history_date")
    assert (old.value, old.history_user) == (Decimal("22.00"), cast.cara_contributor)
    assert (new.value, new.history_user) == (Decimal("19.50"), cast.erin_editor)
    _r, outcome = services.record_value(
        re_referrals, user=cast.erin_editor, item=value(MARCH, 19.5)
    )
    assert outcome == services.UNCHANGED


def test_viewers_cannot_enter_values(cast, re_referrals):
    with pytest.raises(PermissionDenied):
        services.record_value(re_referrals, user=cast.vic_viewer, item=value(MARCH, 22))


def test_a_rate_cannot_be_negative(cast, rate_cin):
    with pytest.raises(services.MeasureError, match="Rate per 10,000 cannot be negative"):
        services.record_value(rate_cin, user=cast.erin_editor, item=value(MARCH, -3))
    with pytest.raises(services.MeasureError, match="England: Rate per 10,000 cannot be negative"):
        services.record_value(rate_cin, user=cast.erin_editor, item=value(MARCH, 3, england=-1))


def test_a_period_must_start_a_month(cast, re_referrals):
    with pytest.raises(services.MeasureError, match="does not start a month"):
        services.record_value(
            re_referrals, user=cast.erin_editor, item=value(dt.date(2025, 3, 5), 1)
        )


def test_queries_read_series_and_rag(seen_in_time):
    summary = queries.summary(seen_in_time)
    assert [p.value for p in summary.points][-1] == Decimal("73.00")
    assert summary.assessment.rule == "12 points below target of 85%"
    assert summary.assessment.off_target_text == "Off target for 6 months, since January 2025"
    assert queries.latest_value(seen_in_time).period == dt.date(2025, 6, 1)
    assert queries.series(seen_in_time)[0].england == Decimal("84.00")


def test_off_target_lists_red_first(cast, seen_in_time, re_referrals):
    services.record_value(re_referrals, user=cast.erin_editor, item=value(MARCH, 21))
    names = [s.measure.name for s in queries.off_target(cast.northbrook)]
    assert names == ["Children seen within timescales", "Re-referrals within 12 months"]


def test_summaries_query_count_does_not_grow_with_values(
    cast, seen_in_time, re_referrals, django_assert_max_num_queries
):
    measures = list(Measure.objects.filter(local_authority=cast.northbrook))
    with django_assert_max_num_queries(1):
        queries.summaries(measures)


def test_links_to_actions_and_recommendations_stay_within_the_council(cast, re_referrals):
    from ilacs.plans import services as plan_services
    from tests.plans.conftest import make_inspection

    plan = plan_services.create_plan(make_inspection(cast.northbrook), user=cast.erin_editor)
    action = plan_services.add_action(
        plan, user=cast.erin_editor, title="Front door review", lead_role="AD"
    )
    requirement = plan.requirements.first()
    services.link_measure(
        re_referrals, user=cast.erin_editor, actions=[action], requirements=[requirement]
    )
    assert list(action.measures.all()) == [re_referrals]
    other = plan_services.create_plan(make_inspection(cast.southmere), user=cast.olly_other_la)
    with pytest.raises(services.MeasureError, match="not in one of this council's plans"):
        services.link_measure(
            re_referrals, user=cast.erin_editor, requirements=[other.requirements.first()]
        )


def test_audit_grades_must_add_up(cast, cp_audit):
    with pytest.raises(services.MeasureError, match="The grades add up to 19, but 20 cases"):
        services.record_audit_result(
            cp_audit,
            user=cast.erin_editor,
            item=services.AuditInput(dt.date(2025, 7, 1), 20, 1, 8, 8, 2),
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditResult.objects.create(
            stream=cp_audit, period=dt.date(2025, 7, 1), cases_audited=5, good=4
        )
    point = queries.audit_series(cp_audit)[0]
    assert point.percent == Decimal("50.0")
    assert point.label == "Q1 2025-26"


def test_scorecard_holds_only_the_councils_measures(cast, re_referrals, southmere_measure):
    card = services.save_scorecard(
        cast.northbrook,
        user=cast.erin_editor,
        name="Children and Families Scorecard",
        measures=[re_referrals],
    )
    assert list(card.measures.all()) == [re_referrals]
    with pytest.raises(services.MeasureError, match="not one of this council's"):
        services.save_scorecard(
            cast.northbrook, user=cast.erin_editor, name="Other", measures=[southmere_measure]
        )
    with pytest.raises(services.MeasureError, match="already has a scorecard"):
        services.save_scorecard(
            cast.northbrook, user=cast.erin_editor, name="children and families scorecard"
        )


@pytest.mark.django_db(transaction=True)
def test_two_people_entering_the_same_period_at_once_make_one_value(cast_tx):
    """Real concurrency: needs PostgreSQL (SQLite serialises every writer)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to test")
    import threading

    cast = cast_tx
    measure = services.create_measure(
        cast.northbrook, user=cast.erin_editor, name="Race", unit="number", direction="higher"
    )
    barrier = threading.Barrier(2)
    outcomes = []

    def enter(number):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            try:
                outcomes.append(
                    services.record_value(
                        measure, user=cast.erin_editor, item=value(MARCH, number)
                    )[1]
                )
            except services.MeasureError as exc:
                outcomes.append(str(exc))
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=enter, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert MeasureValue.objects.filter(measure=measure).count() == 1
    assert len(outcomes) == 2
