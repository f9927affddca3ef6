"""An edit racing a sign-off cannot land after it; two people starting the next round at once
get one draft. Real concurrency: PostgreSQL only (tests/races.py)."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from ilacs.assessments import services
from ilacs.assessments.models import AssessmentEntry, AssessmentRound, RoundStatus
from ilacs.assessments.services import EntryInput
from ilacs.plans import services as plan_services
from tests.assessments.conftest import review_all
from tests.plans.conftest import make_inspection
from tests.races import needs_postgresql, race


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_an_edit_racing_a_sign_off_never_lands_after_it(cast_tx):
    cast = cast_tx
    plan = plan_services.create_plan(make_inspection(cast.northbrook), user=cast.erin_editor)
    for n in range(8):
        round_ = services.start_round(
            plan, user=cast.erin_editor, title=f"Round {n}", date=dt.date(2020 + n, 1, 1)
        )
        review_all(round_, cast.erin_editor, {1: "met", 2: "met", 3: "met"})
        requirement = plan.requirements.get(number=2)
        edit = partial(
            services.save_entry,
            AssessmentRound.objects.get(pk=round_.pk),
            requirement,
            user=cast.erin_editor,
            item=EntryInput(evaluation="not_met", strengths=f"late edit {n}"),
        )
        sign = partial(
            services.sign_off, AssessmentRound.objects.get(pk=round_.pk), user=cast.alice_admin
        )
        edited, signed = race(edit, sign)
        assert isinstance(signed, AssessmentRound), signed
        round_.refresh_from_db()
        assert round_.status == RoundStatus.SIGNED_OFF
        entry = AssessmentEntry.objects.get(round=round_, requirement=requirement)
        if isinstance(edited, AssessmentEntry):
            # it landed first: the signed-off round holds it, written before the sign-off
            assert entry.evaluation == "not_met"
            assert entry.history.latest().history_date <= round_.signed_off_at
        else:
            assert isinstance(edited, services.RoundSignedOff), edited
            assert entry.evaluation == "met"
        late = entry.history.filter(history_date__gt=round_.signed_off_at)
        assert not late.exists()


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_people_starting_the_next_round_get_one_draft(cast_tx):
    cast = cast_tx
    plan = plan_services.create_plan(make_inspection(cast.northbrook), user=cast.erin_editor)
    for n in range(4):
        results = race(
            partial(
                services.start_round,
                plan,
                user=cast.erin_editor,
                title=f"A{n}",
                date=dt.date(2020 + n, 1, 1),
            ),
            partial(
                services.start_round,
                plan,
                user=cast.alice_admin,
                title=f"B{n}",
                date=dt.date(2020 + n, 1, 1),
            ),
        )
        made = [r for r in results if isinstance(r, AssessmentRound)]
        assert len(made) == 1, results
        assert all(isinstance(r, AssessmentRound | services.AssessmentError) for r in results)
        assert plan.assessment_rounds.filter(status=RoundStatus.DRAFT).count() == 1
        round_ = made[0]
        review_all(round_, cast.erin_editor, {1: "met", 2: "met", 3: "met"})
        services.sign_off(round_, user=cast.erin_editor)
