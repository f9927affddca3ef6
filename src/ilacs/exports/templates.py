"""House style: a council's own Word template per document kind, filled in with docxtpl.

The template is an ordinary .docx with Jinja placeholders (`{{ council }}`, `{% for a in actions
%}`...; docs/exports.md lists them all). `context(kind, data)` is the one place that says what a
template can use. A template that cannot be filled in gives `TemplateProblem` with a sentence
saying what is wrong, at upload (it is tried on the plan) and at download.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from ilacs.exports.charts import rag_bar_chart
from ilacs.exports.data import (
    ActionEntry,
    CabinetData,
    PlanData,
    ProgressData,
    as_words,
)
from ilacs.exports.documents import KINDS, ExportError
from ilacs.units import mb_to_bytes

MAX_TEMPLATE_BYTES = mb_to_bytes(10)  # MB of 10**6 bytes, as every limit (ilacs.units)


class TemplateProblem(ExportError):
    """A council's template cannot be used; the message says why."""


def _action(a: ActionEntry) -> dict[str, Any]:
    return {
        "number": a.number,
        "title": a.title,
        "description": a.description,
        "theme": a.theme,
        "lead": a.lead,
        "due_date": as_words(a.due_date),
        "timescale": a.timescale,
        "status": a.status,
        "recommendations": a.recommendations_text,
        "milestones": [m.text for m in a.milestones],
        "progress": a.latest_update.narrative if a.latest_update else "",
        "progress_date": as_words(a.latest_update.date) if a.latest_update else "",
        "success_measure": a.success_measure,
        "rag": a.rag.label,
        "rag_text": a.rag.text,
        "rag_reason": a.rag.reason,
    }


def plan_context(data: PlanData) -> dict[str, Any]:
    actions = {a.number: _action(a) for a in data.actions}
    return {
        "council": data.council,
        "plan_title": data.title,
        "plan_status": data.status,
        "inspection": data.inspection_heading,
        "inspection_dates": data.inspection_dates,
        "report_published": as_words(data.report_published),
        "submission_deadline": as_words(data.submission_deadline),
        "last_board_meeting": as_words(data.last_board_meeting),
        "owner": data.owner,
        "today": as_words(data.today),
        "improvement_heading": data.improvement_heading,
        "judgements": [{"label": j.label, "grade": j.grade} for j in data.judgements],
        "recommendations": [
            {
                "number": r.number,
                "label": r.label,
                "text": r.text,
                "page": r.page or "",
                "actions": ", ".join(str(n) for n in r.actions),
            }
            for r in data.requirements
        ],
        "themes": [
            {
                "name": g.name,
                "description": g.description,
                "actions": [actions[a.number] for a in g.actions],
            }
            for g in data.themes
        ],
        "actions": list(actions.values()),
        "rag_counts": [{"rag": rag.label, "count": n} for rag, n in data.rag_counts],
    }


def progress_context(data: ProgressData) -> dict[str, Any]:
    context = plan_context(data.plan)
    before = dict(data.rag_before)
    context.update(
        {
            "forum": data.forum,
            "start": as_words(data.start),
            "end": as_words(data.end),
            "period": data.period,
            "rag_counts": [
                {"rag": rag.label, "count": n, "before": before.get(rag, 0)}
                for rag, n in data.plan.rag_counts
            ],
            "rag_changes": [
                {
                    "action": _action(c.action),
                    "before": c.before.label if c.before else "New",
                    "after": c.after.label,
                }
                for c in data.rag_changes
            ],
            "completed": [_action(a) for a in data.completed],
            "overdue": [_action(a) for a in data.overdue],
            "new_actions": [_action(a) for a in data.new_actions],
            "updates": [
                {
                    "action": _action(a),
                    "date": as_words(u.date),
                    "author": u.author,
                    "narrative": u.narrative,
                    "evidence": u.evidence,
                    "rag": u.rag.label,
                }
                for a, u in data.new_updates
            ],
            "measures_off_target": [
                {
                    "name": m.measure.name,
                    "latest": m.latest_text,
                    "period": m.latest.label if m.latest else "",
                    "target": m.measure.target_text,
                    "rule": m.assessment.rule if m.assessment else "",
                    "off_target": m.assessment.off_target_text if m.assessment else "",
                    "rag": m.assessment.label if m.assessment else "",
                }
                for m in data.measures_off_target
            ],
            "audits": [
                {
                    "name": a.stream.name,
                    "period": a.points[-1].label,
                    "cases": a.points[-1].result.cases_audited,
                    "good_or_better": f"{a.points[-1].percent:.0f}%",
                    "before": f"{a.points[-2].percent:.0f}%" if len(a.points) > 1 else "",
                    "learning": a.points[-1].result.learning,
                }
                for a in data.audits
            ],
            "evaluations": [
                {
                    "label": e.requirement.label,
                    "text": e.requirement.text,
                    "evaluation": e.evaluation,
                    "round": e.round_title,
                    "actions_rag": e.rags,
                }
                for e in data.evaluations
            ],
        }
    )
    return context


def _finding(f: Any) -> dict[str, str]:
    return {"text": f.text, "reference": f.reference, "section": f.section}


def cabinet_context(data: CabinetData) -> dict[str, Any]:
    context = plan_context(data.plan)
    context.update(
        {
            "inspection_published": as_words(data.published),
            "lead_inspector": data.lead_inspector,
            "previous_inspection": data.previous_title,
            "previous_dates": data.previous_dates,
            "grades": [
                {"judgement": g.judgement, "grade": g.grade, "previous": g.previous}
                for g in data.grades
            ],
            "strengths": [_finding(f) for f in data.strengths],
            "improvements": [_finding(f) for f in data.improvements],
        }
    )
    return context


def context(kind: str, data: Any) -> dict[str, Any]:
    if kind == "progress-report":
        return progress_context(data)
    if kind == "cabinet-report":
        return cabinet_context(data)
    return plan_context(data)


def _plan_of(data: Any) -> PlanData:
    return data if isinstance(data, PlanData) else data.plan


def _open(content: bytes) -> DocxTemplate:
    if len(content) > MAX_TEMPLATE_BYTES:
        raise TemplateProblem("The template is larger than 10 MB.")
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise TemplateProblem(
            "The file is not a Word document (.docx). Save the template from Word as "
            '"Word Document (*.docx)" and upload it again.'
        )
    try:
        template = DocxTemplate(io.BytesIO(content))
        template.init_docx()
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise TemplateProblem(
            f"The file is not a Word document ilacs can read ({exc.__class__.__name__}). Save "
            'it from Word as "Word Document (*.docx)" and upload it again.'
        ) from None
    return template


def render_bytes(content: bytes, kind: str, data: Any) -> bytes:
    """Fill the template in; TemplateProblem (with the reason in words) if it cannot be."""
    template = _open(content)
    values = context(kind, data)
    plan = _plan_of(data)
    chart = rag_bar_chart(plan.rag_counts)
    values["rag_chart"] = InlineImage(template, io.BytesIO(chart.png), width=Mm(150))
    values["rag_chart_alt"] = chart.alt_text
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        template.render(values, jinja_env=env, autoescape=True)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(
            f"The template has a mistake in a placeholder: {exc.message}. Check the "
            "{{ }} and {% %} marks are in pairs and spelt as docs/exports.md shows."
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateProblem(
            f"The template uses a placeholder ilacs does not have: {exc.message}. The "
            f"placeholders of the {KINDS[kind].name.lower()} are listed in docs/exports.md."
        ) from None
    except jinja2.TemplateError as exc:
        raise TemplateProblem(f"The template cannot be filled in: {exc}.") from None
    except (TypeError, AttributeError) as exc:
        raise TemplateProblem(f"The template cannot be filled in: {exc}.") from None
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def council_template(local_authority: Any, kind: str):
    from ilacs.exports.models import CouncilTemplate

    return CouncilTemplate.objects.filter(local_authority=local_authority, kind=kind).first()


def render(template: Any, kind: str, data: Any) -> bytes:
    return render_bytes(bytes(template.content), kind, data)
