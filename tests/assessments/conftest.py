# ruff: noqa: F811 - the fixtures of tests/plans and tests/measures are imported to be used here
"""Northbrook's plan with self-assessment rounds, as the people of tests/base.py see it.

plan            Northbrook's plan (tests/plans/conftest.py): three recommendations; action 1
                (Cara's) answers 1 and 2, action 2 answers 3
first_round     "Annual self-assessment, July 2024": every recommendation reviewed (1 met,
                2 not met, 3 partly met), with the "Children seen within timescales" measure,
                the child protection audit and action 1 as evidence of recommendation 1; signed off
second_round    "Annual self-assessment, July 2025", started from the first (a draft)
board           the Children's Improvement Board (a forum) with two meetings
"""

from __future__ import annotations

import datetime as dt

import pytest

from ilacs.assessments import services
from ilacs.assessments.services import EntryInput
from tests.measures.conftest import cast_tx, cp_audit, seen_in_time  # noqa: F401 - fixtures
from tests.plans.conftest import (  # noqa: F401 - fixtures
    caras_action,
    inspection,
    officers_action,
    plan,
    southmere_plan,
    theme,
)

FIRST = {1: "met", 2: "not_met", 3: "partly_met"}


def review_all(round_, user, evaluations, **evidence):
    for requirement in round_.plan.requirements.order_by("number"):
        services.save_entry(
            round_,
            requirement,
            user=user,
            item=EntryInput(
                evaluation=evaluations[requirement.number],
                strengths=f"Strengths of {requirement.number}",
                areas_for_improvement=f"To improve on {requirement.number}",
                next_steps=f"Next for {requirement.number}",
                **(evidence if requirement.number == 1 else {}),
            ),
        )


@pytest.fixture
def first_round(cast, plan, caras_action, officers_action, seen_in_time, cp_audit):
    round_ = services.start_round(
        plan,
        user=cast.erin_editor,
        title="Annual self-assessment, July 2024",
        date=dt.date(2024, 7, 31),
    )
    review_all(
        round_,
        cast.erin_editor,
        FIRST,
        measures=[seen_in_time],
        audit_streams=[cp_audit],
        actions=[caras_action],
    )
    services.sign_off(round_, user=cast.alice_admin)
    return round_


@pytest.fixture
def second_round(cast, plan, first_round):
    return services.start_round(
        plan,
        user=cast.erin_editor,
        title="Annual self-assessment, July 2025",
        date=dt.date(2025, 7, 31),
    )


@pytest.fixture
def board(cast):
    forum = services.save_forum(
        cast.northbrook,
        user=cast.erin_editor,
        name="Children's Improvement Board",
        kind="improvement_board",
    )
    services.add_meeting(forum, user=cast.erin_editor, date=dt.date(2025, 1, 15))
    services.add_meeting(forum, user=cast.erin_editor, date=dt.date(2099, 3, 12), note="Annual")
    return forum
