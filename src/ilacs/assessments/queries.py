"""Reading self-assessments and monitoring arrangements: the one read API for pages, documents
and other apps. Nothing here takes a request; each function reads in a fixed number of queries.

    latest_evaluations(plan)   {requirement id: entry}: the latest signed-off round's entries,
                               else the latest draft's (other apps call this)
    round_sheet(round)         every requirement of the plan with its entry in the round, the
                               evidence behind it, and the counts by evaluation
    across_rounds(plan)        a row per requirement, a column per round, changes marked
    monitoring_rows(plan)      the monitoring-arrangements appendix, a row per requirement
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from ilacs.assessments.models import (
    EVALUATION_ORDER,
    EVALUATION_TAG_CLASSES,
    AssessmentEntry,
    AssessmentRound,
    Evaluation,
    Forum,
    Monitoring,
    RoundStatus,
)
from ilacs.measures import queries as measure_queries
from ilacs.plans.models import Action, ImprovementPlan, Requirement


def rounds_of(plan: ImprovementPlan) -> list[AssessmentRound]:
    """The plan's rounds, oldest first."""
    rounds = list(plan.assessment_rounds.select_related("signed_off_by").order_by("date", "pk"))
    for round_ in rounds:
        round_.plan = plan
    return rounds


def _entries(round_ids: list[int]) -> Any:
    return AssessmentEntry.objects.filter(round_id__in=round_ids).select_related(
        "requirement", "reviewed_by"
    )


def latest_evaluations(
    plan: ImprovementPlan, *, as_of: dt.date | None = None
) -> dict[int, AssessmentEntry]:
    """Each requirement's entry in the latest signed-off round, else in the latest draft
    (requirement id -> entry). Empty when the plan has no round. With `as_of`, only rounds
    dated on or before that day count (a report for a past period)."""
    rounds = plan.assessment_rounds.order_by("-date", "-pk")
    if as_of is not None:
        rounds = rounds.filter(date__lte=as_of)
    chosen = rounds.filter(status=RoundStatus.SIGNED_OFF).first() or rounds.first()
    if chosen is None:
        return {}
    chosen.plan = plan
    result = {}
    for entry in _entries([chosen.pk]):
        entry.round = chosen
        result[entry.requirement_id] = entry
    return result


def evaluation_counts(evaluations: list[str]) -> list[tuple[Evaluation, int]]:
    """Counts in the house order, every evaluation listed (zeros too)."""
    counter = Counter(evaluations)
    return [(e, counter.get(e.value, 0)) for e in EVALUATION_ORDER]


@dataclass
class EvidenceItem:
    """A measure, audit stream or action behind an evaluation, with where it stands now."""

    kind: str  # "measure", "audit", "action"
    name: str
    url: str
    status: str  # "Red: 12 points below target of 85%", "62% good or better in Q1 2025-26"
    tag_class: str = ""
    tag: str = ""


@dataclass
class SheetRow:
    requirement: Requirement
    entry: AssessmentEntry | None
    evidence: list[EvidenceItem] = field(default_factory=list)
    previous: AssessmentEntry | None = None

    @property
    def evaluation(self) -> Evaluation:
        return Evaluation(self.entry.evaluation) if self.entry else Evaluation.NOT_EVALUATED

    @property
    def tag_class(self) -> str:
        return EVALUATION_TAG_CLASSES[self.evaluation]

    @property
    def changed(self) -> bool:
        return self.previous is not None and self.previous.evaluation != self.evaluation.value

    @property
    def change_text(self) -> str:
        if self.previous is None:
            return ""
        before = Evaluation(self.previous.evaluation).label
        if self.changed:
            return f"Changed from {before.lower()}"
        return "No change"


@dataclass
class RoundSheet:
    round: AssessmentRound
    rows: list[SheetRow]
    counts: list[tuple[Evaluation, int]]
    unreviewed: int


def _evidence(entries: list[AssessmentEntry], la: Any, today: Any) -> dict[int, list]:
    """Each entry's evidence with its present state: measures' RAG, audits' latest result,
    actions' RAG, in a fixed number of queries."""
    from ilacs.plans import queries as plan_queries

    measure_ids = {m.pk for e in entries for m in e.measures.all()}
    stream_ids = {s.pk for e in entries for s in e.audit_streams.all()}
    action_ids = {a.pk for e in entries for a in e.actions.all()}
    measures = {
        s.measure.pk: s
        for s in measure_queries.summaries(
            measure_queries.measures_for(la).filter(pk__in=measure_ids)
        )
    }
    audits = {
        s.stream.pk: s
        for s in measure_queries.audit_summaries(la.audit_streams.filter(pk__in=stream_ids))
    }
    actions = {
        a.pk: a for a in plan_queries.with_rag_facts(Action.objects.filter(pk__in=action_ids))
    }
    result: dict[int, list[EvidenceItem]] = {}
    for entry in entries:
        items: list[EvidenceItem] = []
        for m in entry.measures.all():
            summary = measures.get(m.pk)
            if summary is None:
                continue
            summary.measure.local_authority = la
            assessment = summary.assessment
            status = summary.latest_text
            if summary.latest is not None:
                status += f" in {summary.latest.label}"
            if assessment is not None and assessment.rule:
                status += f". {assessment.rule}"
            items.append(
                EvidenceItem(
                    "measure",
                    m.name,
                    summary.measure.get_absolute_url(),
                    status,
                    assessment.tag_class if assessment else "",
                    assessment.label if assessment else "",
                )
            )
        for s in entry.audit_streams.all():
            audit = audits.get(s.pk)
            if audit is None:
                continue
            audit.stream.local_authority = la
            latest = audit.latest
            status = (
                f"{latest.percent}% good or better in {latest.label} "
                f"({latest.result.cases_audited} cases audited)"
                if latest
                else "No results yet"
            )
            items.append(EvidenceItem("audit", s.name, audit.stream.get_absolute_url(), status))
        for a in entry.actions.all():
            action = actions.get(a.pk)
            if action is None:
                continue
            action.plan = entry.round.plan
            rag = plan_queries.rag_status(action, today)
            items.append(
                EvidenceItem(
                    "action",
                    f"Action {action.number}: {action.title}",
                    action.get_absolute_url(),
                    action.get_status_display(),
                    rag.rag.tag_class,
                    rag.rag.label,
                )
            )
        result[entry.pk] = items
    return result


def _with_evidence(queryset: Any) -> Any:
    return queryset.prefetch_related(
        "measures", "audit_streams", Prefetch("actions", queryset=Action.objects.order_by("number"))
    )


def round_sheet(round_: AssessmentRound, today: Any, *, evidence: bool = True) -> RoundSheet:
    """Every requirement of the round's plan with its entry (None when it has none yet), the
    evidence, and its entry in the round before (to say what changed)."""
    plan = round_.plan
    entries = list(_with_evidence(_entries([round_.pk])))
    for entry in entries:
        entry.round = round_
    by_requirement = {e.requirement_id: e for e in entries}
    earlier = (
        plan.assessment_rounds.filter(date__lte=round_.date)
        .exclude(pk=round_.pk)
        .exclude(date=round_.date, pk__gt=round_.pk)
        .order_by("-date", "-pk")
        .first()
    )
    before = {e.requirement_id: e for e in _entries([earlier.pk])} if earlier else {}
    found = _evidence(entries, plan.local_authority, today) if evidence else {}
    rows = []
    for requirement in plan.requirements.order_by("number"):
        entry = by_requirement.get(requirement.pk)
        rows.append(
            SheetRow(
                requirement,
                entry,
                found.get(entry.pk, []) if entry else [],
                before.get(requirement.pk),
            )
        )
    counts = evaluation_counts([r.evaluation.value for r in rows])
    unreviewed = sum(1 for r in rows if r.entry is None or not r.entry.reviewed)
    return RoundSheet(round_, rows, counts, unreviewed)


@dataclass
class AcrossCell:
    entry: AssessmentEntry | None
    changed: bool = False
    change_text: str = ""

    @property
    def evaluation(self) -> Evaluation | None:
        return Evaluation(self.entry.evaluation) if self.entry else None

    @property
    def tag_class(self) -> str:
        return EVALUATION_TAG_CLASSES[self.evaluation] if self.entry else ""


@dataclass
class AcrossRow:
    requirement: Requirement
    cells: list[AcrossCell]

    @property
    def changed_last(self) -> bool:
        return bool(self.cells) and self.cells[-1].changed


@dataclass
class AcrossRounds:
    rounds: list[AssessmentRound]
    rows: list[AcrossRow]

    @property
    def changes_since_last(self) -> list[AcrossRow]:
        return [r for r in self.rows if r.changed_last]


def across_rounds(plan: ImprovementPlan) -> AcrossRounds:
    """A row per requirement, a cell per round (oldest first); a cell whose evaluation differs
    from the round before says so ("Changed from met")."""
    rounds = rounds_of(plan)
    entries: dict[tuple[int, int], AssessmentEntry] = {
        (e.round_id, e.requirement_id): e for e in _entries([r.pk for r in rounds])
    }
    rows = []
    for requirement in plan.requirements.order_by("number"):
        cells: list[AcrossCell] = []
        before: AssessmentEntry | None = None
        for round_ in rounds:
            entry = entries.get((round_.pk, requirement.pk))
            cell = AcrossCell(entry)
            if entry is not None and before is not None and before.evaluation != entry.evaluation:
                cell.changed = True
                cell.change_text = f"Changed from {Evaluation(before.evaluation).label.lower()}"
            cells.append(cell)
            before = entry or before
        rows.append(AcrossRow(requirement, cells))
    return AcrossRounds(rounds, rows)


# --- Monitoring arrangements -----------------------------------------------------------------


@dataclass
class MonitoringRow:
    requirement: Requirement
    monitoring: Monitoring | None
    forums: list[Forum]
    supported_by: list[tuple[str, str, str]]  # (kind, name, url)
    other_evidence: list[str]
    actions: list[Action]
    evaluation: AssessmentEntry | None

    @property
    def note(self) -> str:
        return self.monitoring.note if self.monitoring else ""


def monitoring_rows(plan: ImprovementPlan, *, not_met_only: bool = False) -> list[MonitoringRow]:
    """The appendix: per requirement the forums that monitor it, the scorecards, measures and
    audits that support it, other evidence and its planned actions. Until a requirement's
    monitoring is saved, the measures and audits linked to it on the measures pages stand in.
    `not_met_only` keeps the requirements whose latest evaluation is not met (seed 003's
    "recommendations that have not yet been met")."""
    la = plan.local_authority
    requirements = list(
        plan.requirements.order_by("number").prefetch_related(
            Prefetch(
                "monitoring",
                queryset=Monitoring.objects.prefetch_related(
                    "forums", "measures", "audit_streams", "scorecards"
                ),
            ),
            Prefetch("measures", to_attr="linked_measures"),
            Prefetch("audit_streams", to_attr="linked_streams"),
            Prefetch(
                "actions",
                queryset=Action.objects.order_by("number"),
                to_attr="planned_actions",
            ),
        )
    )
    latest = latest_evaluations(plan)
    rows = []
    for requirement in requirements:
        monitoring = getattr(requirement, "monitoring", None)
        entry = latest.get(requirement.pk)
        if not_met_only and entry is not None and entry.is_met:
            continue
        if monitoring is not None:
            cards, measures = list(monitoring.scorecards.all()), list(monitoring.measures.all())
            streams = list(monitoring.audit_streams.all())
            forums = list(monitoring.forums.all())
            other = [
                line.strip() for line in monitoring.other_evidence.splitlines() if line.strip()
            ]
        else:
            cards, measures, streams = [], requirement.linked_measures, requirement.linked_streams
            forums, other = [], []
        supported = []
        for obj, kind in (
            *[(c, "Scorecard") for c in cards],
            *[(m, "Measure") for m in measures],
            *[(s, "Audit") for s in streams],
        ):
            obj.local_authority = la
            supported.append((kind, obj.name, obj.get_absolute_url()))
        for action in requirement.planned_actions:
            action.plan = plan
        rows.append(
            MonitoringRow(
                requirement,
                monitoring,
                forums,
                supported,
                other,
                requirement.planned_actions,
                entry,
            )
        )
    return rows
