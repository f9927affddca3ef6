"""The documents ilacs writes from a plan, and the one function that writes them.

`generate(kind, plan, fmt, ...)` returns the file's bytes with its name and type. The plan pages'
Download links and `ilacs export` both call it, so the browser and the command line give the same
file. A council's own Word template (house style) is used for the Word format when it has one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from ilacs.plans.models import ImprovementPlan

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "xlsx": "Excel"}


@dataclass(frozen=True)
class Kind:
    slug: str
    name: str
    formats: tuple[str, ...]
    description: str
    needs_period: bool = False


KINDS: dict[str, Kind] = {
    k.slug: k
    for k in (
        Kind(
            "action-plan",
            "Written action plan",
            ("docx", "pdf", "xlsx"),
            "For Ofsted and Cabinet: the judgements, then each theme's actions with the "
            "recommendations they answer, key lead, timescale, progress, SMART target and RAG.",
        ),
        Kind(
            "progress-report",
            "Progress report",
            ("docx", "pdf"),
            "For the improvement board or scrutiny: RAG summary with a chart, and what changed "
            "in a period (updates, RAG changes, completed and overdue actions).",
            needs_period=True,
        ),
        Kind(
            "plan-on-a-page",
            "Plan on a page",
            ("pdf",),
            "One landscape A4 page for the board: RAG by theme, each recommendation's progress "
            "and the actions that need attention.",
        ),
        Kind(
            "cabinet-report",
            "Cabinet report on the inspection",
            ("docx",),
            "A first draft for Cabinet: grades against the previous inspection, what needs to "
            "improve, strengths and areas for improvement with paragraph references, and the "
            "plan's submission deadline.",
        ),
        Kind(
            "self-assessment-report",
            "Annual self-assessment report",
            ("docx", "pdf"),
            "The latest self-assessment round: the summary lists (met, partly met, not met), then "
            "each recommendation's background, strengths, areas for improvement, next steps and "
            "evaluation, and the monitoring-arrangements appendix.",
        ),
    )
}


class ExportError(ValueError):
    """A document cannot be made as asked: the message says why in plain words."""


@dataclass
class ExportFile:
    filename: str
    content_type: str
    content: bytes
    house_style: bool = False


def filename(plan: ImprovementPlan, kind: str, fmt: str, day: dt.date) -> str:
    """e.g. northbrook-action-plan-2026-11-30.docx"""
    return f"{plan.local_authority.slug}-{kind}-{day.isoformat()}.{fmt}"


def check(kind: str, fmt: str) -> Kind:
    if kind not in KINDS:
        raise ExportError(
            f"There is no document called {kind!r}: choose one of {', '.join(KINDS)}."
        )
    spec = KINDS[kind]
    if fmt not in spec.formats:
        formats = " or ".join(FORMAT_NAMES[f] for f in spec.formats)
        raise ExportError(f"The {spec.name.lower()} is made as {formats}, not {fmt}.")
    return spec


def generate(
    kind: str,
    plan: ImprovementPlan,
    fmt: str,
    *,
    today: dt.date | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    forum: str = "",
    house_style: bool = True,
    round_id: int | None = None,
) -> ExportFile:
    """Make one document of the plan. `start`/`end`/`forum` are the progress report's;
    `round_id` the self-assessment report's (its latest round when None)."""
    from ilacs.exports import (
        action_plan,
        cabinet,
        data,
        plan_on_a_page,
        progress,
        self_assessment,
        templates,
    )

    check(kind, fmt)
    today = today or timezone.localdate()
    if kind == "progress-report":
        end = end or today
        if start is None:
            start = plan.last_board_meeting or (end - dt.timedelta(days=30))
        if start > end:
            raise ExportError("The start date must be on or before the end date.")
        payload = data.progress_data(plan, start, end, forum=forum)
        day = end
    elif kind == "cabinet-report":
        payload = data.cabinet_data(plan, today=today)
        day = today
    elif kind == "self-assessment-report":
        round_ = self_assessment.round_for(plan, round_id)
        if round_ is None:
            raise ExportError(
                "The plan has no such self-assessment round."
                if round_id
                else "The plan has no self-assessment round yet: start one first."
            )
        payload = self_assessment.self_assessment_data(round_, today)
        day = round_.date
    else:
        payload = data.plan_data(plan, today=today)
        day = today

    name = filename(plan, kind, fmt, day)
    if fmt == "docx" and house_style:
        template = templates.council_template(plan.local_authority, kind)
        if template is not None:
            content = templates.render(template, kind, payload)
            return ExportFile(name, CONTENT_TYPES[fmt], content, house_style=True)

    builders = {
        ("action-plan", "docx"): action_plan.docx,
        ("action-plan", "pdf"): action_plan.pdf,
        ("action-plan", "xlsx"): action_plan.xlsx,
        ("progress-report", "docx"): progress.docx,
        ("progress-report", "pdf"): progress.pdf,
        ("plan-on-a-page", "pdf"): plan_on_a_page.pdf,
        ("cabinet-report", "docx"): cabinet.docx,
        ("self-assessment-report", "docx"): self_assessment.docx,
        ("self-assessment-report", "pdf"): self_assessment.pdf,
    }
    content = builders[(kind, fmt)](payload)
    return ExportFile(name, CONTENT_TYPES[fmt], content)
