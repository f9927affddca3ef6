"""Northbrook's plan, as the people of tests/base.py see it.

inspection       Northbrook's ILACS inspection, published 26 April 2024, three recommendations
plan             its improvement plan, created by Erin (editor)
caras_action     action 1, led by Cara (contributor), answering recommendations 1 and 2
officers_action  action 2, led by a named officer who is not a member of ilacs
southmere_plan   another council's plan (Olly's)
"""

from __future__ import annotations

import datetime as dt

import pytest

from ilacs.plans import services
from tests.factories import InspectionFactory, RecommendationFactory


def make_inspection(la, published=dt.date(2024, 4, 26), recommendations=3):
    inspection = InspectionFactory(
        local_authority=la,
        inspection_start=dt.date(2024, 3, 4),
        inspection_end=dt.date(2024, 3, 15),
        published=published,
    )
    for n in range(1, recommendations + 1):
        RecommendationFactory(inspection=inspection, number=n, text=f"Improve area {n}.", page=n)
    RecommendationFactory(inspection=inspection, number=1, is_lscb=True, text="LSCB item.")
    return inspection


@pytest.fixture
def inspection(cast):
    return make_inspection(cast.northbrook)


@pytest.fixture
def plan(cast, inspection):
    return services.create_plan(inspection, user=cast.erin_editor)


@pytest.fixture
def theme(cast, plan):
    return services.add_theme(plan, user=cast.erin_editor, name="Practice excellence")


@pytest.fixture
def caras_action(cast, plan, theme):
    requirements = list(plan.requirements.order_by("number"))
    return services.add_action(
        plan,
        user=cast.erin_editor,
        title="SMART planning workshops",
        description="Half-day workshops for every team.",
        theme=theme,
        lead_user=cast.cara_contributor,
        lead_role="Head of Service, Children in Need",
        due_date=dt.date(2025, 6, 30),
        success_measure="All 18 teams attend.",
        requirements=requirements[:2],
    )


@pytest.fixture
def officers_action(cast, plan):
    return services.add_action(
        plan,
        user=cast.erin_editor,
        title="Performance scorecard for the board",
        lead_role="Head of Performance",
        due_date=dt.date(2025, 3, 31),
        requirements=list(plan.requirements.filter(number=3)),
    )


@pytest.fixture
def southmere_plan(cast):
    inspection = make_inspection(cast.southmere)
    plan = services.create_plan(inspection, user=cast.olly_other_la)
    services.add_action(plan, user=cast.olly_other_la, title="Southmere action", lead_role="AD")
    return plan
