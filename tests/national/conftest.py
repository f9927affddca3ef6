"""Inspections built for the national pages' tests: published unless told otherwise, with their
judgements and recommendations (each recommendation given as its list of improvement topics)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import pytest
from django.utils import timezone

from ilacs.inspections.models import Inspection, Judgement
from ilacs.localauthorities.models import LocalAuthority, StatisticalNeighbour
from tests.factories import InspectionFactory, LocalAuthorityFactory, RecommendationFactory

TODAY = dt.date(2026, 11, 30)


def inspect(
    la: LocalAuthority,
    start: dt.date,
    overall: str = "good",
    *,
    judgements: dict[str, str] | None = None,
    recommendations: Sequence[Iterable[str]] = (),
    published: bool = True,
    report_type: str = "ilacs",
    lscb: Sequence[Iterable[str]] = (),
) -> Inspection:
    """An inspection of `la` starting on `start`, on site for two weeks, published by Ofsted six
    weeks later (or not yet: a council's draft), with an overall effectiveness judgement row
    when graded."""
    end = start + dt.timedelta(days=11)
    inspection = InspectionFactory(
        local_authority=la,
        report_type=report_type,
        inspection_start=start,
        inspection_end=end,
        overall_effectiveness=overall,
        published=end + dt.timedelta(days=42) if published else None,
        ofsted_published=published,
    )
    rows = {"overall_effectiveness": overall} if overall else {}
    rows.update(judgements or {})
    for order, (key, grade) in enumerate(rows.items(), start=1):
        Judgement.objects.create(
            inspection=inspection, key=key, grade=grade, printed=key, order=order
        )
    for number, themes in enumerate(recommendations, start=1):
        RecommendationFactory(inspection=inspection, number=number, themes=list(themes))
    for number, themes in enumerate(lscb, start=1):
        RecommendationFactory(
            inspection=inspection, number=number, themes=list(themes), is_lscb=True
        )
    return inspection


def council(name: str, region: str = "South West", **kwargs) -> LocalAuthority:
    la = LocalAuthorityFactory(name=name, is_fictional=False, **kwargs)
    la.region = region
    la.save()
    return la


def neighbours(la: LocalAuthority, *others: LocalAuthority) -> None:
    for rank, other in enumerate(others, start=1):
        StatisticalNeighbour.objects.create(local_authority=la, neighbour=other, rank=rank)


@pytest.fixture
def today(monkeypatch):
    """Freeze today's date (django.utils.timezone.localdate) at TODAY."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    return TODAY
