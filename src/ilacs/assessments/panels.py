"""The evidence panel on the plan's dashboard and the plan's Self-assessment and Monitoring
tabs, added through ilacs.plans.hooks (the plans app does not import this one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from ilacs.assessments import queries
from ilacs.assessments.models import AssessmentEntry
from ilacs.measures import queries as measure_queries
from ilacs.plans import hooks
from ilacs.plans import queries as plan_queries
from ilacs.plans.models import ImprovementPlan, Requirement


@dataclass
class RecommendationLine:
    requirement: Requirement
    entry: AssessmentEntry | None
    actions: list[plan_queries.ActionRow]


def evidence_panel(
    request: HttpRequest,
    plan: ImprovementPlan,
    *,
    action_rows: list[plan_queries.ActionRow] | None = None,
    **_shared: Any,
) -> dict[str, Any]:
    """Measures off target and for how long, each audit stream's latest result, and per
    recommendation its latest evaluation beside its actions' RAG (the dashboard's own rows of
    every action when it has them)."""
    la = plan.local_authority
    today = timezone.localdate()
    off_target = measure_queries.off_target(la)
    for item in off_target:
        item.measure.local_authority = la
    audits = [a for a in measure_queries.audit_summaries(la) if a.latest is not None]
    for audit in audits:
        audit.stream.local_authority = la
    rows = action_rows if action_rows is not None else plan_queries.action_rows(plan, today)
    by_requirement: dict[int, list[plan_queries.ActionRow]] = {}
    for row in rows:
        for requirement in row.action.requirement_list:
            by_requirement.setdefault(requirement.pk, []).append(row)
    latest = queries.latest_evaluations(plan)
    lines = [
        RecommendationLine(r, latest.get(r.pk), by_requirement.get(r.pk, []))
        for r in plan.requirements.order_by("number")
    ]
    round_ = next(iter(latest.values())).round if latest else None
    return {
        "off_target": off_target,
        "audits": audits,
        "lines": lines,
        "round": round_,
    }


def register() -> None:
    hooks.register_dashboard_panel("assessments/includes/dashboard_panel.html", evidence_panel)
    hooks.register_plan_link("Self-assessment", "assessments:rounds", "assessments")
    hooks.register_plan_link("Monitoring", "assessments:monitoring", "monitoring")
    from ilacs.assessments import history

    hooks.register_history_source("assessments", history.plan_entries)
