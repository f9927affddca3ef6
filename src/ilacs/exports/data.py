"""What the documents say, read from the database once per document into plain objects.

Each builder (Word, PDF, Excel, a council's own Word template) formats these objects and reads
nothing else, so the same facts appear in every format. Reads are in bulk: the number of queries
does not grow with the number of actions or updates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from ilacs.assessments.queries import latest_evaluations
from ilacs.dates import date_range, format_date
from ilacs.inspections.labels import grade_name
from ilacs.inspections.models import Inspection
from ilacs.measures import queries as measure_queries
from ilacs.plans import queries
from ilacs.plans.models import (
    Action,
    ActionStatus,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    RagOverride,
    person_name,
)
from ilacs.plans.rag import RAG_ORDER, ActionFacts, Override, Rag, RagStatus, derive_rag


@dataclass
class Judgement:
    label: str
    grade: str  # as Ofsted prints it: "Requires improvement to be good"
    key: str = ""


@dataclass
class MilestoneEntry:
    title: str
    due_date: dt.date | None
    done: bool

    @property
    def text(self) -> str:
        when = f" ({format_date(self.due_date)})" if self.due_date else ""
        return f"{self.title}{when}{': done' if self.done else ''}"


@dataclass
class UpdateEntry:
    date: dt.date
    narrative: str
    rag: Rag
    author: str = ""
    evidence: str = ""


@dataclass
class ActionEntry:
    number: int
    title: str
    description: str
    theme: str
    lead: str
    due_date: dt.date | None
    status: str  # in words: "In progress"
    success_measure: str
    rag: RagStatus
    recommendations: list[int] = field(default_factory=list)
    milestones: list[MilestoneEntry] = field(default_factory=list)
    latest_update: UpdateEntry | None = None

    @property
    def timescale(self) -> str:
        return format_date(self.due_date) if self.due_date else "No due date"

    @property
    def recommendations_text(self) -> str:
        return ", ".join(str(n) for n in self.recommendations) or "None"

    @property
    def progress_text(self) -> str:
        u = self.latest_update
        if u is None:
            return "No progress update yet."
        return f"{format_date(u.date)}: {u.narrative}"


@dataclass
class ThemeGroup:
    name: str
    description: str
    actions: list[ActionEntry]


@dataclass
class RequirementEntry:
    number: int
    label: str  # "Recommendation 2", or "Requirement 5" for the council's own
    text: str
    page: int | None
    actions: list[int] = field(default_factory=list)
    framework_reference: str = ""


@dataclass
class PlanData:
    """The whole plan as at `today`."""

    council: str
    council_slug: str
    title: str
    status: str
    inspection_heading: str
    inspection_dates: str
    report_published: dt.date
    submission_deadline: dt.date
    last_board_meeting: dt.date | None
    owner: str
    improvement_heading: str
    judgements: list[Judgement]
    requirements: list[RequirementEntry]
    themes: list[ThemeGroup]
    today: dt.date

    @property
    def actions(self) -> list[ActionEntry]:
        return [a for group in self.themes for a in group.actions]

    @property
    def rag_counts(self) -> list[tuple[Rag, int]]:
        counts: dict[Rag, int] = defaultdict(int)
        for action in self.actions:
            counts[action.rag.rag] += 1
        return [(rag, counts[rag]) for rag in RAG_ORDER]


def _judgements(inspection: Inspection) -> list[Judgement]:
    rows = [Judgement(j.printed, j.grade_label, j.key) for j in inspection.judgements.all()]
    if inspection.overall_effectiveness and not any(j.key == "overall_effectiveness" for j in rows):
        rows.append(
            Judgement(
                "Overall effectiveness",
                grade_name(inspection.overall_effectiveness),
                "overall_effectiveness",
            )
        )
    return rows


def _load_plan(plan_id: int | ImprovementPlan) -> ImprovementPlan:
    pk = plan_id.pk if isinstance(plan_id, ImprovementPlan) else plan_id
    return ImprovementPlan.objects.select_related("local_authority", "inspection", "owner").get(
        pk=pk
    )


def plan_data(plan: ImprovementPlan | int, today: dt.date | None = None) -> PlanData:
    plan = _load_plan(plan)
    today = today or timezone.localdate()
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-date", "-pk")
    actions = list(
        queries.with_rag_facts(plan.actions.all())
        .annotate(
            latest_update_narrative=Subquery(latest.values("narrative")[:1]),
            latest_update_evidence=Subquery(latest.values("evidence")[:1]),
        )
        .order_by("number")
    )
    queries.attach_related(plan, actions)
    milestones: dict[int, list[MilestoneEntry]] = defaultdict(list)
    for action_id, title, due, done in Milestone.objects.filter(action__plan=plan).values_list(
        "action_id", "title", "due_date", "done"
    ):
        milestones[action_id].append(MilestoneEntry(title, due, done))
    status_labels = dict(ActionStatus.choices)

    entries: dict[int | None, list[ActionEntry]] = defaultdict(list)
    answering: dict[int, list[int]] = defaultdict(list)
    for action in actions:
        update = None
        if action.latest_update_date is not None:
            update = UpdateEntry(
                action.latest_update_date,
                action.latest_update_narrative or "",
                Rag(action.latest_update_rag),
                evidence=action.latest_update_evidence or "",
            )
        entry = ActionEntry(
            number=action.number,
            title=action.title,
            description=action.description,
            theme=action.theme.name if action.theme else "",
            lead=action.lead_text or "Not named",
            due_date=action.due_date,
            status=status_labels.get(action.status, action.status),
            success_measure=action.success_measure,
            rag=queries.rag_status(action, today),
            recommendations=[r.number for r in action.requirement_list],
            milestones=milestones.get(action.pk, []),
            latest_update=update,
        )
        entries[action.theme_id].append(entry)
        for r in action.requirement_list:
            answering[r.pk].append(action.number)

    themes = [
        ThemeGroup(t.name, t.description, entries.get(t.pk, []))
        for t in plan.themes.all()
        if entries.get(t.pk)
    ]
    if entries.get(None):
        themes.append(ThemeGroup("Other actions", "", entries[None]))
    requirements = [
        RequirementEntry(
            number=r.number,
            label=r.label,
            text=r.text,
            page=r.page,
            actions=answering.get(r.pk, []),
            framework_reference=r.recommendation.framework_reference if r.recommendation else "",
        )
        for r in plan.requirements.select_related("recommendation").order_by("number")
    ]
    inspection = plan.inspection
    return PlanData(
        council=plan.local_authority.name,
        council_slug=plan.local_authority.slug,
        title=plan.title,
        status=plan.get_status_display(),
        inspection_heading=inspection.report_type_label,
        inspection_dates=inspection.date_range,
        report_published=plan.report_published,
        submission_deadline=plan.submission_deadline,
        last_board_meeting=plan.last_board_meeting,
        owner=person_name(plan.owner),
        improvement_heading=inspection.improvement_heading,
        judgements=_judgements(inspection),
        requirements=requirements,
        themes=themes,
        today=today,
    )


# --- progress over a period --------------------------------------------------------------------


@dataclass
class RagChange:
    action: ActionEntry
    before: Rag | None  # None: the action did not exist at the start
    after: Rag


@dataclass
class EvaluationEntry:
    """A recommendation's latest self-assessment evaluation at the end of a period."""

    requirement: RequirementEntry
    evaluation: str  # "Partly met", or "Not yet assessed"
    round_title: str  # "" when no round covers it
    rags: str  # its actions' RAG now: "2 Green, 1 Amber"


@dataclass
class ProgressData:
    plan: PlanData
    forum: str
    start: dt.date
    end: dt.date
    rag_before: list[tuple[Rag, int]]
    new_updates: list[tuple[ActionEntry, UpdateEntry]]
    rag_changes: list[RagChange]
    completed: list[ActionEntry]
    overdue: list[ActionEntry]
    new_actions: list[ActionEntry]
    # the council's evidence as it stood at the end of the period
    measures_off_target: list[measure_queries.MeasureSummary] = field(default_factory=list)
    audits: list[measure_queries.AuditSummary] = field(default_factory=list)
    evaluations: list[EvaluationEntry] = field(default_factory=list)

    @property
    def period(self) -> str:
        return date_range(self.start, self.end)


def _end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def rags_as_of(plan: ImprovementPlan, day: dt.date) -> dict[int, Rag]:
    """Each action's RAG as it stood at the end of `day`, rebuilt from the history: the
    action's status and due date then, the updates dated by then, the milestones not done by
    then, and the override standing then. Actions created later are left out."""
    cutoff = _end_of(day)
    state: dict[int, tuple[str, dt.date | None]] = {}
    rows = (
        Action.history.filter(plan_id=plan.pk, history_date__lt=cutoff)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_type", "status", "due_date")
    )
    for action_id, kind, status, due in rows:
        if kind == "-":
            state.pop(action_id, None)
        else:
            state[action_id] = (status, due)
    latest: dict[int, tuple[dt.date, str]] = {}
    for action_id, date, rag in (
        ProgressUpdate.objects.filter(action__plan=plan, date__lte=day)
        .order_by("action_id", "date", "pk")
        .values_list("action_id", "date", "rag")
    ):
        latest[action_id] = (date, rag)
    open_milestone: dict[int, dt.date] = {}
    for action_id, due, done, done_on in Milestone.objects.filter(
        action__plan=plan, due_date__isnull=False
    ).values_list("action_id", "due_date", "done", "done_on"):
        if done and (done_on is None or done_on <= day):
            continue
        if action_id not in open_milestone or due < open_milestone[action_id]:
            open_milestone[action_id] = due
    overrides: dict[int, Override] = {}
    for o in RagOverride.objects.filter(action__plan=plan, set_at__lt=cutoff).order_by("set_at"):
        if o.cleared_at is None or o.cleared_at >= cutoff:
            overrides[o.action_id] = Override(Rag(o.rag), o.reason, "", o.set_at.date())
    result = {}
    for action_id, (status, due) in state.items():
        update = latest.get(action_id)
        facts = ActionFacts(
            status=status,
            due_date=due,
            latest_update_date=update[0] if update else None,
            latest_update_rag=update[1] if update else None,
            open_milestone_due=open_milestone.get(action_id),
            override=overrides.get(action_id),
        )
        result[action_id] = derive_rag(facts, day).rag
    return result


def progress_data(
    plan: ImprovementPlan | int,
    start: dt.date,
    end: dt.date | None = None,
    forum: str = "",
) -> ProgressData:
    """What changed from `start` to `end` (both included), with the plan as at `end`."""
    plan = _load_plan(plan)
    end = end or timezone.localdate()
    if start > end:
        raise ValueError("The start date must be on or before the end date.")
    data = plan_data(plan, today=end)
    ids = dict(plan.actions.values_list("number", "pk"))
    by_pk = {ids[a.number]: a for a in data.actions}
    before = rags_as_of(plan, start - dt.timedelta(days=1))
    after = {pk: a.rag.rag for pk, a in by_pk.items()}

    counts: dict[Rag, int] = defaultdict(int)
    for rag in before.values():
        counts[rag] += 1
    changes = [
        RagChange(by_pk[pk], before.get(pk), rag)
        for pk, rag in after.items()
        if pk in before and before[pk] != rag
    ]
    changes.sort(key=lambda c: c.action.number)
    new_actions = sorted((a for pk, a in by_pk.items() if pk not in before), key=lambda a: a.number)
    completed = [c.action for c in changes if c.after == Rag.COMPLETE]
    overdue = [
        a
        for a in data.actions
        if a.due_date and a.due_date < end and a.rag.rag not in (Rag.COMPLETE, Rag.CLOSED)
    ]
    overdue.sort(key=lambda a: (a.due_date, a.number))
    updates = []
    for row in (
        ProgressUpdate.objects.filter(action__plan=plan, date__gte=start, date__lte=end)
        .select_related("author")
        .order_by("action__number", "-date", "-pk")
        .values_list(
            "action_id",
            "date",
            "narrative",
            "rag",
            "evidence",
            "author__first_name",
            "author__last_name",
            "author__username",
        )
    ):
        action_id, date, narrative, rag, evidence, first, last, username = row
        if action_id in by_pk:
            author = f"{first} {last}".strip() or (username or "")
            updates.append(
                (by_pk[action_id], UpdateEntry(date, narrative, Rag(rag), author, evidence))
            )
    return ProgressData(
        plan=data,
        forum=forum.strip(),
        start=start,
        end=end,
        rag_before=[(rag, counts[rag]) for rag in RAG_ORDER],
        new_updates=updates,
        rag_changes=changes,
        completed=completed,
        overdue=overdue,
        new_actions=new_actions,
        measures_off_target=measure_queries.off_target(plan.local_authority, until=end),
        audits=[
            a for a in measure_queries.audit_summaries(plan.local_authority, until=end) if a.points
        ],
        evaluations=_evaluations(plan, data, end),
    )


def _evaluations(plan: ImprovementPlan, data: PlanData, end: dt.date) -> list[EvaluationEntry]:
    """Each recommendation's evaluation in the latest self-assessment round dated by `end`
    (signed off first), beside its actions' RAG; empty when the plan has no such round."""
    entries = latest_evaluations(plan, as_of=end)
    if not entries:
        return []
    by_number = {e.requirement.number: e for e in entries.values()}
    rag_of = {a.number: a.rag.rag for a in data.actions}
    out = []
    for r in data.requirements:
        entry = by_number.get(r.number)
        counts: dict[Rag, int] = defaultdict(int)
        for number in r.actions:
            if number in rag_of:
                counts[rag_of[number]] += 1
        rags = ", ".join(f"{counts[rag]} {rag.label}" for rag in RAG_ORDER if counts[rag])
        out.append(
            EvaluationEntry(
                requirement=r,
                evaluation=entry.get_evaluation_display() if entry else "Not yet assessed",
                round_title=entry.round.title if entry else "",
                rags=rags or "No actions",
            )
        )
    return out


# --- a new inspection for Cabinet --------------------------------------------------------------


@dataclass
class GradeRow:
    judgement: str
    grade: str
    previous: str  # "" when the previous inspection did not judge it


@dataclass
class Finding:
    text: str
    reference: str  # "paragraph 37, page 9"
    section: str


@dataclass
class CabinetData:
    plan: PlanData
    inspection_title: str
    inspection_dates: str
    published: dt.date | None
    lead_inspector: str
    previous_title: str  # "" when there is none
    previous_dates: str
    grades: list[GradeRow]
    strengths: list[Finding]
    improvements: list[Finding]


def previous_graded_inspection(inspection: Inspection) -> Inspection | None:
    """The same council's latest earlier published inspection that gave grades (a Cabinet paper
    is public: never a withdrawn report, nor a draft Ofsted has not published)."""
    start = inspection.inspection_start or inspection.published
    candidates = (
        Inspection.objects.public()
        .filter(local_authority_id=inspection.local_authority_id)
        .exclude(pk=inspection.pk)
        .prefetch_related("judgements")
        .order_by("-inspection_start", "-pk")
    )
    for other in candidates:
        other_start = other.inspection_start or other.published
        if start and other_start and other_start >= start:
            continue
        if other.overall_effectiveness or other.judgements.all():
            return other
    return None


def cabinet_data(plan: ImprovementPlan | int, today: dt.date | None = None) -> CabinetData:
    from ilacs.exports.findings import classify_paragraphs

    plan = _load_plan(plan)
    data = plan_data(plan, today=today)
    inspection = plan.inspection
    previous = previous_graded_inspection(inspection)
    earlier: dict[str, str] = {}
    if previous is not None:
        earlier = {j.key or j.label: j.grade for j in _judgements(previous)}
    grades = [
        GradeRow(j.label, j.grade, earlier.get(j.key or j.label, "")) for j in data.judgements
    ]
    paragraphs = [(p.text, p.reference, p.section) for p in inspection.paragraphs.order_by("order")]
    strengths, improvements = classify_paragraphs(paragraphs)
    return CabinetData(
        plan=data,
        inspection_title=inspection.report_type_label,
        inspection_dates=inspection.date_range,
        published=inspection.published or plan.report_published,
        lead_inspector=inspection.lead_inspector,
        previous_title=previous.report_type_label if previous else "",
        previous_dates=previous.date_range if previous else "",
        grades=grades,
        strengths=[Finding(*s) for s in strengths],
        improvements=[Finding(*s) for s in improvements],
    )


def as_words(value: Any) -> str:
    """A RAG, a date or None in the words a document prints."""
    if isinstance(value, Rag):
        return value.label
    if isinstance(value, dt.date):
        return format_date(value)
    return "" if value is None else str(value)
