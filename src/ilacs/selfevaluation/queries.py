"""The evidence ilacs holds, set beside each section of the self-evaluation: case-audit results
and their learning, measures against targets and comparators, the plan's progress, and the
latest evaluation of every recommendation. Read live, as the data stands today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ilacs.assessments import queries as assessments_queries
from ilacs.evidence.models import EvidenceFile
from ilacs.localauthorities.models import LocalAuthority
from ilacs.measures import queries as measure_queries
from ilacs.measures.rag import MeasureRag
from ilacs.plans import queries as plan_queries
from ilacs.plans.models import Action, ImprovementPlan, Requirement
from ilacs.plans.rag import Rag, RagStatus


@dataclass(frozen=True)
class MeasureRow:
    name: str
    url: str
    period: str
    latest: str
    target: str
    rag: MeasureRag
    rule: str
    off_target: str
    england: str
    neighbours: str


@dataclass(frozen=True)
class AuditRow:
    name: str
    url: str
    period: str
    cases: int
    percent: Decimal
    change: Decimal | None  # points since the result before
    learning: str


# Beyond this many, a recommendation's actions are shown as counts by RAG only, and the overdue
# list stops with a link to the dashboard: the page stays readable (and quick) for a long plan.
ACTIONS_LISTED = 5
OVERDUE_LISTED = 10


@dataclass(frozen=True)
class RecommendationRow:
    requirement: Requirement
    actions: list[tuple[Action, RagStatus]]
    evaluation: Any  # the latest self-assessment entry, or None

    @property
    def rag_counts(self) -> list[tuple[Rag, int]]:
        counts: dict[Rag, int] = {}
        for _, status in self.actions:
            counts[status.rag] = counts.get(status.rag, 0) + 1
        return [(rag, counts[rag]) for rag in Rag if rag in counts]

    @property
    def listed(self) -> bool:
        """Few enough actions to name each one."""
        return len(self.actions) <= ACTIONS_LISTED


@dataclass
class Progress:
    plan: ImprovementPlan
    rag_counts: list[tuple[Rag, int]]
    total: int
    overdue: list[plan_queries.ActionRow] = field(default_factory=list)

    @property
    def overdue_listed(self) -> list[plan_queries.ActionRow]:
        return self.overdue[:OVERDUE_LISTED]

    @property
    def overdue_more(self) -> int:
        return max(0, len(self.overdue) - OVERDUE_LISTED)


@dataclass
class Evidence:
    today: dt.date
    measures: list[MeasureRow]
    audits: list[AuditRow]
    progress: Progress | None
    recommendations: list[RecommendationRow]
    files: list[EvidenceFile] = field(default_factory=list)

    @property
    def measure_counts(self) -> list[tuple[MeasureRag, int]]:
        counts: dict[MeasureRag, int] = {}
        for row in self.measures:
            counts[row.rag] = counts.get(row.rag, 0) + 1
        return [(rag, counts[rag]) for rag in MeasureRag if rag in counts]


def measure_rows(la: LocalAuthority) -> list[MeasureRow]:
    rows = []
    for summary in measure_queries.summaries(measure_queries.measures_for(la)):
        measure, latest, assessment = summary.measure, summary.latest, summary.assessment
        rows.append(
            MeasureRow(
                name=measure.name,
                url=measure.get_absolute_url(),
                period=latest.label if latest else "",
                latest=summary.latest_text,
                target=measure.target_text,
                rag=assessment.rag if assessment else MeasureRag.NOT_RATED,
                rule=assessment.rule if assessment else "",
                off_target=assessment.off_target_text if assessment else "",
                england=measure.format(latest.england) if latest and latest.england else "",
                neighbours=(
                    measure.format(latest.statistical_neighbours)
                    if latest and latest.statistical_neighbours
                    else ""
                ),
            )
        )
    return rows


def audit_rows(la: LocalAuthority) -> list[AuditRow]:
    rows = []
    for summary in measure_queries.audit_summaries(la):
        if not summary.points:
            continue
        latest = summary.points[-1]
        before = summary.points[-2] if len(summary.points) > 1 else None
        rows.append(
            AuditRow(
                name=summary.stream.name,
                url=summary.stream.get_absolute_url(),
                period=latest.label,
                cases=latest.result.cases_audited,
                percent=latest.percent,
                change=latest.percent - before.percent if before else None,
                learning=latest.result.learning,
            )
        )
    return rows


def plan_progress(
    plan: ImprovementPlan, today: dt.date, board: plan_queries.Dashboard | None = None
) -> Progress:
    board = board or plan_queries.build_dashboard(plan, today)
    return Progress(
        plan=plan,
        rag_counts=[(rag, n) for rag, n in board.rag_counts if n],
        total=len(board.rows),
        overdue=board.overdue,
    )


def latest_evaluations(plan: ImprovementPlan) -> dict[int, Any]:
    """Each recommendation's latest self-assessment evaluation (its entry in the latest
    signed-off round, else the latest draft), by requirement id: ilacs.assessments."""
    return assessments_queries.latest_evaluations(plan)


def recommendation_evaluations(
    plan: ImprovementPlan, today: dt.date, rows: list[plan_queries.ActionRow] | None = None
) -> list[RecommendationRow]:
    """Every recommendation of the plan with its actions' RAG and its latest evaluation.
    `rows`: the plan's action rows, when the caller has read them already."""
    if rows is None:
        rows = plan_queries.action_rows(plan, today)
    answered: dict[int, list[tuple[Action, RagStatus]]] = {}
    for row in rows:
        for requirement in row.action.requirement_list:
            answered.setdefault(requirement.pk, []).append((row.action, row.rag))
    evaluations = latest_evaluations(plan)
    return [
        RecommendationRow(
            requirement, answered.get(requirement.pk, []), evaluations.get(requirement.pk)
        )
        for requirement in plan.requirements.order_by("number")
    ]


# The evidence files listed beside "how do you know it?": the newest, dated from a year before
# the self-evaluation's date (later ones too: like the measures, the evidence is read live).
FILES_SHOWN = 10


def recent_files(la: LocalAuthority, as_at: dt.date) -> list[EvidenceFile]:
    """The council's newest evidence files dated from a year before `as_at`, each with the
    action it belongs to (directly or through a progress update)."""
    files = list(
        EvidenceFile.objects.filter(
            local_authority=la,
            effective_date__gt=as_at - dt.timedelta(days=365),
        ).select_related("action", "progress_update__action")[:FILES_SHOWN]
    )
    for file in files:
        file.local_authority = la
        file.on_action = file.action or file.progress_update.action
    return files


def evidence_for(
    la: LocalAuthority, plan: ImprovementPlan | None, today: dt.date, as_at: dt.date | None = None
) -> Evidence:
    progress, recommendations = None, []
    if plan is not None:
        # The plan's actions and their RAG are read once, for both.
        board = plan_queries.build_dashboard(plan, today)
        progress = plan_progress(plan, today, board)
        recommendations = recommendation_evaluations(plan, today, board.rows)
    return Evidence(
        today=today,
        measures=measure_rows(la),
        audits=audit_rows(la),
        progress=progress,
        recommendations=recommendations,
        files=recent_files(la, as_at or today),
    )
