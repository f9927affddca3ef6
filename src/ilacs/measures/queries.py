"""Reading measures and case audits: the one read API for pages, the command line and board
papers. Nothing here takes a request; every function reads a council's data in a fixed number
of queries, however many values it holds.

    latest_value(measure)          the newest value (or None)
    assess(measure)                its RAG, the rule in words, how long it has been off target
    series(measure)                every period: value, comparators, target, RAG
    summaries(measures)            the above for many measures at once (scorecards, dashboards)
    off_target(la)                 a council's measures that are amber or red, worst first
    audit_series(stream)           every period of an audit stream with its % good or better
    audit_summaries(la)            each stream with its latest result
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from ilacs.localauthorities.models import LocalAuthority
from ilacs.measures import periods, rag
from ilacs.measures.models import AuditResult, AuditStream, Measure, MeasureValue


@dataclass(frozen=True)
class SeriesPoint:
    period: dt.date
    label: str  # "March 2025", "Q1 2025-26"
    value: Decimal
    england: Decimal | None
    statistical_neighbours: Decimal | None
    region: Decimal | None
    rag: rag.MeasureRag  # this period's value against today's target
    note: str = ""


@dataclass
class MeasureSummary:
    measure: Measure
    points: list[SeriesPoint] = field(default_factory=list)
    assessment: rag.Assessment | None = None

    @property
    def latest(self) -> SeriesPoint | None:
        return self.points[-1] if self.points else None

    @property
    def latest_text(self) -> str:
        return self.measure.format(self.latest.value) if self.latest else "No data"


def measures_for(la: LocalAuthority) -> QuerySet[Measure]:
    return la.measures.select_related("owner_user", "theme")


def _assess(measure: Measure, points: list[SeriesPoint]) -> rag.Assessment:
    return rag.assess(
        [rag.Point(p.period, p.value) for p in points],
        target=measure.target,
        tolerance=measure.amber_tolerance,
        direction=measure.direction,
        unit=measure.unit,
        frequency=measure.frequency,
    )


def _point(measure: Measure, row: dict) -> SeriesPoint:
    if measure.target is None:
        point_rag = rag.MeasureRag.NOT_RATED
    else:
        point_rag = rag.rate(
            row["value"],
            target=measure.target,
            tolerance=measure.amber_tolerance,
            direction=measure.direction,
        )
    return SeriesPoint(
        period=row["period"],
        label=periods.period_label(measure.frequency, row["period"]),
        value=row["value"],
        england=row["england"],
        statistical_neighbours=row["statistical_neighbours"],
        region=row["region"],
        rag=point_rag,
        note=row.get("note", ""),
    )


_COLUMNS = ("measure_id", "period", "value", "england", "statistical_neighbours", "region", "note")


def summaries(
    measures: Iterable[Measure],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[MeasureSummary]:
    """Each measure with its series and assessment, in two queries for any number of measures
    (the measures, then all their values). `since` limits the series (not the assessment's
    "off target since", which needs the whole run) for sparklines; `until` leaves out periods
    starting after that day, so a report for a past period judges measures as they stood."""
    measures = list(measures)
    by_id: dict[int, list[dict]] = defaultdict(list)
    rows = MeasureValue.objects.filter(measure__in=[m.pk for m in measures]).order_by(
        "measure_id", "period"
    )
    if until is not None:
        rows = rows.filter(period__lte=until)
    for row in rows.values(*_COLUMNS):
        by_id[row["measure_id"]].append(row)
    result = []
    for measure in measures:
        points = [_point(measure, row) for row in by_id[measure.pk]]
        summary = MeasureSummary(measure, points, _assess(measure, points))
        if since is not None:
            summary.points = [p for p in points if p.period >= since]
        result.append(summary)
    return result


def summary(measure: Measure) -> MeasureSummary:
    return summaries([measure])[0]


def series(measure: Measure) -> list[SeriesPoint]:
    return summary(measure).points


def assess(measure: Measure) -> rag.Assessment:
    summary_ = summary(measure)
    assert summary_.assessment is not None
    return summary_.assessment


def latest_value(measure: Measure) -> MeasureValue | None:
    return measure.values.order_by("-period").first()


def off_target(la: LocalAuthority, *, until: dt.date | None = None) -> list[MeasureSummary]:
    """The council's measures that are red or amber: red first, then the longest off target.
    With `until`, as they stood on that day."""
    found = [
        s
        for s in summaries(measures_for(la), until=until)
        if s.assessment is not None and s.assessment.rag.is_off_target
    ]
    found.sort(
        key=lambda s: (
            rag.RAG_ORDER.index(s.assessment.rag),
            -s.assessment.periods_off_target,
            s.measure.name.lower(),
        )
    )
    return found


def rag_counts(items: Iterable[MeasureSummary]) -> list[tuple[rag.MeasureRag, int]]:
    counts = {r: 0 for r in rag.RAG_ORDER}
    for item in items:
        if item.assessment is not None:
            counts[item.assessment.rag] += 1
    return [(r, n) for r, n in counts.items() if n]


# --- Case audits -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditPoint:
    period: dt.date
    label: str
    result: AuditResult

    @property
    def percent(self) -> Decimal:
        return self.result.percent_good_or_better

    @property
    def value(self) -> Decimal:
        """What the trend chart draws: % good or better."""
        return self.percent


@dataclass
class AuditSummary:
    stream: AuditStream
    points: list[AuditPoint] = field(default_factory=list)

    @property
    def latest(self) -> AuditPoint | None:
        return self.points[-1] if self.points else None


def audit_summaries(
    streams: Iterable[AuditStream] | LocalAuthority,
    *,
    until: dt.date | None = None,
) -> list[AuditSummary]:
    """Each stream with every result, oldest first, in two queries; with `until`, only the
    periods starting on or before that day."""
    if isinstance(streams, LocalAuthority):
        streams = streams.audit_streams.all()
    streams = list(streams)
    by_id: dict[int, list[AuditResult]] = defaultdict(list)
    results = AuditResult.objects.filter(stream__in=[s.pk for s in streams])
    if until is not None:
        results = results.filter(period__lte=until)
    for result in results.order_by("stream_id", "period"):
        by_id[result.stream_id].append(result)
    return [
        AuditSummary(
            stream,
            [
                AuditPoint(r.period, periods.period_label(stream.frequency, r.period), r)
                for r in by_id[stream.pk]
            ],
        )
        for stream in streams
    ]


def audit_series(stream: AuditStream) -> list[AuditPoint]:
    return audit_summaries([stream])[0].points
