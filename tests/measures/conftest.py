"""Northbrook's measures, as the people of tests/base.py see them.

re_referrals   "Re-referrals within 12 months": percent, lower is better, target 20, amber 2
seen_in_time   "Children seen within timescales": percent, higher is better, target 85, amber 5,
               monthly values January to June 2025 (80, 82, 78, 73, 72, 73) with comparators
rate_cin       "Children in need rate": rate per 10,000, no target
cp_audit       "Child protection plans" audit stream, quarterly, with one result
southmere_measure  a Southmere measure (Olly's)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ilacs.measures import services


def value(period: dt.date, number, **kwargs) -> services.ValueInput:
    kwargs = {k: Decimal(str(v)) for k, v in kwargs.items()}
    return services.ValueInput(period=period, value=Decimal(str(number)), **kwargs)


@pytest.fixture
def re_referrals(cast):
    return services.create_measure(
        cast.northbrook,
        user=cast.erin_editor,
        name="Re-referrals within 12 months",
        unit="percent",
        direction="lower",
        frequency="monthly",
        target=Decimal(20),
        amber_tolerance=Decimal(2),
    )


@pytest.fixture
def seen_in_time(cast):
    measure = services.create_measure(
        cast.northbrook,
        user=cast.erin_editor,
        name="Children seen within timescales",
        unit="percent",
        direction="higher",
        frequency="monthly",
        target=Decimal(85),
        amber_tolerance=Decimal(5),
        owner_role="Head of Service, Children in Need",
    )
    for month, number in zip(range(1, 7), (80, 82, 78, 73, 72, 73), strict=True):
        services.record_value(
            measure,
            user=cast.cara_contributor,
            item=value(dt.date(2025, month, 1), number, england=84, statistical_neighbours=81),
        )
    return measure


@pytest.fixture
def rate_cin(cast):
    return services.create_measure(
        cast.northbrook,
        user=cast.erin_editor,
        name="Children in need rate",
        unit="rate_10k",
        direction="lower",
        frequency="monthly",
    )


@pytest.fixture
def cp_audit(cast):
    stream = services.save_audit_stream(
        cast.northbrook,
        user=cast.erin_editor,
        name="Child protection plans",
        frequency="quarterly",
        target=Decimal(60),
    )
    services.record_audit_result(
        stream,
        user=cast.cara_contributor,
        item=services.AuditInput(dt.date(2025, 4, 1), 20, 2, 8, 8, 2, "Plans are SMARTer."),
    )
    return stream


@pytest.fixture
def southmere_measure(cast):
    return services.create_measure(
        cast.southmere,
        user=cast.olly_other_la,
        name="Re-referrals within 12 months",
        unit="percent",
        direction="lower",
        frequency="monthly",
    )


@pytest.fixture
def cast_tx(transactional_db):
    from tests.base import make_cast

    return make_cast()
