"""The annual self-assessment report, in the shape councils write it (seed 003): an overview with
the summary lists (met, partly met, not met), then for each recommendation its background,
strengths, areas for improvement, next steps and evaluation, then the monitoring-arrangements
appendix. Word and PDF from the same data (`SelfAssessmentData`), read through
ilacs.assessments.queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ilacs.assessments import queries
from ilacs.assessments.models import AssessmentRound, Evaluation
from ilacs.dates import format_date
from ilacs.exports import docx_kit, pdf_kit
from ilacs.plans.models import ImprovementPlan, person_name


@dataclass
class EntryLine:
    label: str  # "Recommendation 2"
    text: str
    evaluation: str  # "Partly met"
    change: str  # "Changed from not met", "No change", ""
    background: str
    strengths: str
    areas_for_improvement: str
    next_steps: str
    evidence: list[str] = field(default_factory=list)
    reviewed: bool = True


@dataclass
class MonitoringLine:
    label: str
    text: str
    evaluation: str
    forums: list[str]
    supported_by: list[str]
    actions: list[str]
    note: str


@dataclass
class SelfAssessmentData:
    council: str
    plan_title: str
    round_title: str
    round_date: dt.date
    status: str  # "Signed off by Alex Admin on 10 August 2025", "Draft: not yet signed off"
    entries: list[EntryLine]
    summary: list[tuple[str, list[str]]]  # ("Met", ["Recommendation 2", ...])
    monitoring: list[MonitoringLine]
    today: dt.date

    @property
    def title(self) -> str:
        return f"{self.round_title}: {self.council}"


SUMMARY_GROUPS = [
    ("Met", {Evaluation.MET, Evaluation.REMAINS_MET}),
    ("Partly met", {Evaluation.PARTLY_MET}),
    ("Not met", {Evaluation.NOT_MET}),
    ("No longer applicable", {Evaluation.NOT_APPLICABLE}),
    ("Not yet evaluated", {Evaluation.NOT_EVALUATED}),
]


def round_for(plan: ImprovementPlan, round_id: int | None) -> AssessmentRound | None:
    rounds = plan.assessment_rounds.select_related("signed_off_by")
    if round_id:
        found = rounds.filter(pk=round_id).first()
    else:
        found = rounds.order_by("-date", "-pk").first()
    if found is not None:
        found.plan = plan
    return found


def self_assessment_data(round_: AssessmentRound, today: dt.date) -> SelfAssessmentData:
    plan = round_.plan
    sheet = queries.round_sheet(round_, today)
    entries = []
    for row in sheet.rows:
        entry = row.entry
        entries.append(
            EntryLine(
                label=row.requirement.label,
                text=row.requirement.text,
                evaluation=row.evaluation.label,
                change=row.change_text,
                background=entry.background if entry else "",
                strengths=entry.strengths if entry else "",
                areas_for_improvement=entry.areas_for_improvement if entry else "",
                next_steps=entry.next_steps if entry else "",
                evidence=[
                    f"{item.name}: {item.tag + ', ' if item.tag else ''}{item.status}"
                    for item in row.evidence
                    if item.kind != "action"
                ]
                + _first(
                    [
                        f"{item.name}: {item.tag + ', ' if item.tag else ''}{item.status}"
                        for item in row.evidence
                        if item.kind == "action"
                    ],
                    "actions (see the written action plan)",
                    limit=EVIDENCE_ACTIONS_LIMIT,
                ),
                reviewed=bool(entry and entry.reviewed),
            )
        )
    summary = [
        (name, [row.requirement.label for row in sheet.rows if row.evaluation in members])
        for name, members in SUMMARY_GROUPS
    ]
    summary = [(name, labels) for name, labels in summary if labels or name in ("Met", "Not met")]
    # The appendix gives each recommendation's evaluation in this round (not the latest
    # signed-off one the monitoring page shows).
    in_round = {row.requirement.pk: row.evaluation.label for row in sheet.rows}
    monitoring = [
        MonitoringLine(
            label=row.requirement.label,
            text=row.requirement.text,
            evaluation=in_round.get(row.requirement.pk, Evaluation.NOT_EVALUATED.label),
            forums=_first([f.name for f in row.forums], "forums"),
            supported_by=_first(
                [f"{name} ({kind.lower()})" for kind, name, _url in row.supported_by]
                + row.other_evidence,
                "items of evidence",
            ),
            actions=_first(
                [f"Action {a.number}: {a.title}" for a in row.actions],
                "actions (see the written action plan)",
            ),
            note=row.note,
        )
        for row in queries.monitoring_rows(plan)
    ]
    if round_.is_signed_off:
        status = (
            f"Signed off by {person_name(round_.signed_off_by)} on "
            f"{format_date(round_.signed_off_at.date())}."
        )
    else:
        status = "Draft: not yet signed off."
    return SelfAssessmentData(
        council=plan.local_authority.name,
        plan_title=plan.title,
        round_title=round_.title,
        round_date=round_.date,
        status=status,
        entries=entries,
        summary=summary,
        monitoring=monitoring,
        today=today,
    )


# A table row cannot break across pages: a recommendation answered by a hundred actions lists the
# first few and says how many more (the action plan has them all).
APPENDIX_LIMIT = 8


# An entry's evidence names its measures and audits, and its first actions.
EVIDENCE_ACTIONS_LIMIT = 12


def _first(items: list[str], what: str, *, limit: int = APPENDIX_LIMIT) -> list[str]:
    if len(items) <= limit:
        return items
    return [*items[:limit], f"and {len(items) - limit} more {what}"]


def _lines(items: list[str]) -> str:
    return "\n".join(items) if items else "None recorded"


def _sections(entry: EntryLine) -> list[tuple[str, str]]:
    return [
        ("Background to the recommendation", entry.background),
        ("Strengths", entry.strengths),
        ("Areas for improvement", entry.areas_for_improvement),
        ("Next steps", entry.next_steps),
    ]


def _intro(data: SelfAssessmentData) -> str:
    return (
        f"A self-assessment of {data.council}'s progress against each recommendation of its "
        f"improvement plan ({data.plan_title}), as at {format_date(data.round_date)}. "
        f"{data.status}"
    )


def docx(data: SelfAssessmentData) -> bytes:
    doc = docx_kit.new_document(data.title, subject=f"Self-assessment: {data.council}")
    doc.add_heading(data.round_title, level=0)
    doc.add_paragraph(_intro(data))
    doc.add_heading("Summary", level=1)
    for name, labels in data.summary:
        doc.add_heading(f"{name} ({len(labels)})", level=2)
        if labels:
            for label in labels:
                doc.add_paragraph(label, style="List Bullet")
        else:
            doc.add_paragraph("None.")
    doc.add_heading("Review of the recommendations", level=1)
    for entry in data.entries:
        doc.add_heading(f"{entry.label}: {entry.text}", level=2)
        evaluation = doc.add_paragraph()
        evaluation.add_run("Evaluation: ").bold = True
        evaluation.add_run(
            entry.evaluation + (f" ({entry.change.lower()})" if entry.change else "")
        )
        if not entry.reviewed:
            doc.add_paragraph("Not yet reviewed in this round.").runs[0].italic = True
        for heading, text in _sections(entry):
            doc.add_heading(heading, level=3)
            for paragraph in (text or "None recorded.").split("\n"):
                if paragraph.strip():
                    doc.add_paragraph(paragraph.strip())
        if entry.evidence:
            doc.add_heading("Evidence", level=3)
            for line in entry.evidence:
                doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("Appendix: monitoring arrangements", level=1)
    docx_kit.table(
        doc,
        ["Recommendation", "Evaluation", "Monitored through", "Supported by", "Planned actions"],
        [
            [
                f"{m.label}: {m.text}" + (f"\n{m.note}" if m.note else ""),
                m.evaluation,
                _lines(m.forums),
                _lines(m.supported_by),
                _lines(m.actions),
            ]
            for m in data.monitoring
        ],
        widths_cm=[5.0, 2.2, 3.2, 3.4, 3.4],
        size=8.5,
    )
    return docx_kit.to_bytes(doc)


def pdf(data: SelfAssessmentData) -> bytes:
    P = pdf_kit
    story: list = [P.para(data.round_title, "title"), P.para(_intro(data), "lead")]
    story.append(P.heading("Summary", 1))
    for name, labels in data.summary:
        story.append(P.para(f"{name} ({len(labels)}): " + (", ".join(labels) or "none"), "body"))
    story.append(P.heading("Review of the recommendations", 1))
    for entry in data.entries:
        story.append(P.heading(f"{entry.label}: {entry.text}", 2))
        change = f" ({entry.change.lower()})" if entry.change else ""
        story.append(P.para(f"Evaluation: {entry.evaluation}{change}", "cellb"))
        if not entry.reviewed:
            story.append(P.para("Not yet reviewed in this round.", "note"))
        for heading, text in _sections(entry):
            story.append(P.para(heading, "cellb"))
            story.append(P.para(text or "None recorded.", "body"))
        if entry.evidence:
            story.append(P.para("Evidence", "cellb"))
            story.append(P.para("\n".join(entry.evidence), "body"))
    story.append(P.heading("Appendix: monitoring arrangements", 1))
    story.append(
        P.table(
            [
                "Recommendation",
                "Evaluation",
                "Monitored through",
                "Supported by",
                "Planned actions",
            ],
            [
                [
                    f"{m.label}: {m.text}" + (f"\n{m.note}" if m.note else ""),
                    m.evaluation,
                    _lines(m.forums),
                    _lines(m.supported_by),
                    _lines(m.actions),
                ]
                for m in data.monitoring
            ],
            [5.0, 2.0, 3.2, 3.6, 4.0],
        )
    )
    return P.build(story, title=data.title, subject=f"Self-assessment: {data.council}")
