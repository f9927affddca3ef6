"""Reading plans in bulk: every action with its RAG, the dashboard's lists and counts.

The number of queries does not grow with the number of actions: one query reads every action
with its latest update and its earliest open milestone (subqueries), two more read the linked
requirements and the standing overrides, and the RAG rules then run in Python on those facts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from ilacs.plans.models import (
    Action,
    ActionStatus,
    ImprovementPlan,
    Milestone,
    PlanStatus,
    ProgressUpdate,
    RagOverride,
    Requirement,
    Theme,
    person_name,
)
from ilacs.plans.rag import (
    DUE_SOON_DAYS,
    RAG_ORDER,
    RECENT_UPDATE_DAYS,
    ActionFacts,
    Override,
    Rag,
    RagStatus,
    derive_rag,
)


def _override(record: RagOverride | None) -> Override | None:
    if record is None:
        return None
    from django.utils import timezone

    return Override(
        rag=Rag(record.rag),
        reason=record.reason,
        set_by=person_name(record.set_by) or "someone",
        set_on=timezone.localtime(record.set_at).date(),
        set_at=record.set_at,
    )


def standing_overrides() -> Prefetch:
    return Prefetch(
        "rag_overrides",
        queryset=RagOverride.objects.filter(cleared_at__isnull=True).select_related("set_by"),
        to_attr="standing_overrides",
    )


def with_rag_facts(queryset: QuerySet[Action]) -> QuerySet[Action]:
    """Annotate each action with what the RAG rules need (latest update's date and RAG,
    earliest open milestone) and prefetch its standing override."""
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-date", "-pk")
    open_milestone = Milestone.objects.filter(
        action=OuterRef("pk"), done=False, due_date__isnull=False
    ).order_by("due_date")
    return queryset.annotate(
        latest_update_date=Subquery(latest.values("date")[:1]),
        latest_update_rag=Subquery(latest.values("rag")[:1]),
        latest_update_posted=Subquery(latest.values("created_at")[:1]),
        open_milestone_due=Subquery(open_milestone.values("due_date")[:1]),
    ).prefetch_related(standing_overrides())


def rag_status(action: Action, today: dt.date) -> RagStatus:
    """The RAG of an action read through `with_rag_facts`."""
    overrides = getattr(action, "standing_overrides", None)
    if overrides is None:
        overrides = list(
            action.rag_overrides.filter(cleared_at__isnull=True).select_related("set_by")
        )
    facts = ActionFacts(
        status=action.status,
        due_date=action.due_date,
        latest_update_date=getattr(action, "latest_update_date", None),
        latest_update_rag=getattr(action, "latest_update_rag", None),
        open_milestone_due=getattr(action, "open_milestone_due", None),
        override=_override(overrides[0] if overrides else None),
        latest_update_posted=getattr(action, "latest_update_posted", None),
    )
    return derive_rag(facts, today)


@dataclass
class ActionRow:
    action: Action
    rag: RagStatus
    matched_in_update: bool = False

    @property
    def latest_update_date(self) -> dt.date | None:
        return getattr(self.action, "latest_update_date", None)


@dataclass
class Filters:
    """The dashboard's filters, from GET parameters. Empty means "all"."""

    theme: int | None = None
    lead: str = ""
    requirement: int | None = None
    rag: str = ""
    status: str = ""
    q: str = ""
    to_review: bool = False  # only RAGs set by hand that a later, worse update calls into question

    @property
    def active(self) -> bool:
        return bool(
            self.theme
            or self.lead
            or self.requirement
            or self.rag
            or self.status
            or self.q
            or self.to_review
        )


# What a row of an action table needs; the rest (description, measure...) is left in the database.
ROW_FIELDS = (
    "id",
    "plan_id",
    "number",
    "title",
    "theme_id",
    "lead_user_id",
    "lead_role",
    "due_date",
    "status",
)


def plan_actions(plan: ImprovementPlan) -> QuerySet[Action]:
    return with_rag_facts(plan.actions.only(*ROW_FIELDS)).order_by("number")


def attach_related(plan: ImprovementPlan, actions: list[Action]) -> None:
    """Give each action its theme, lead and linked requirements (`requirement_list`), read once
    for the whole plan in three small queries rather than one object per row and relation."""
    themes = {theme.pk: theme for theme in plan.themes.all()}
    lead_ids = {a.lead_user_id for a in actions if a.lead_user_id}
    leads = {
        user.pk: user
        for user in get_user_model()
        .objects.filter(pk__in=lead_ids)
        .only("id", "username", "first_name", "last_name")
    }
    requirements = {r.pk: r for r in plan.requirements.order_by("number")}
    linked: dict[int, list[Requirement]] = {}
    links = Action.requirements.through.objects.filter(action__plan=plan)
    for action_id, requirement_id in links.values_list("action_id", "requirement_id"):
        if requirement_id in requirements:
            linked.setdefault(action_id, []).append(requirements[requirement_id])
    theme_field = Action._meta.get_field("theme")
    lead_field = Action._meta.get_field("lead_user")
    plan_field = Action._meta.get_field("plan")
    for action in actions:
        theme_field.set_cached_value(action, themes.get(action.theme_id))
        lead_field.set_cached_value(action, leads.get(action.lead_user_id))
        plan_field.set_cached_value(action, plan)
        action.requirement_list = sorted(linked.get(action.pk, []), key=lambda r: r.number)


def action_rows(
    plan: ImprovementPlan, today: dt.date, filters: Filters | None = None
) -> list[ActionRow]:
    """Every action of the plan (or those matching the filters), each with its RAG."""
    filters = filters or Filters()
    queryset = plan_actions(plan)
    if filters.theme:
        queryset = queryset.filter(theme_id=filters.theme)
    if filters.requirement:
        queryset = queryset.filter(requirements__id=filters.requirement)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.lead.startswith("user:"):
        try:
            queryset = queryset.filter(lead_user_id=int(filters.lead[5:]))
        except ValueError:
            queryset = queryset.none()
    elif filters.lead.startswith("role:"):
        queryset = queryset.filter(lead_user__isnull=True, lead_role=filters.lead[5:])
    q = filters.q.strip()
    if q:
        in_updates = Exists(
            ProgressUpdate.objects.filter(action=OuterRef("pk")).filter(
                Q(narrative__icontains=q) | Q(evidence__icontains=q)
            )
        )
        queryset = queryset.annotate(matched_in_update=in_updates).filter(
            Q(title__icontains=q)
            | Q(description__icontains=q)
            | Q(success_measure__icontains=q)
            | Q(matched_in_update=True)
        )
    actions = list(queryset)
    attach_related(plan, actions)
    rows = [
        ActionRow(a, rag_status(a, today), bool(getattr(a, "matched_in_update", False)))
        for a in actions
    ]
    if filters.rag:
        rows = [row for row in rows if row.rag.rag == filters.rag]
    if filters.to_review:
        rows = [row for row in rows if row.rag.to_review]
    return rows


def rag_counts(rows: list[ActionRow]) -> list[tuple[Rag, int]]:
    counts = Counter(row.rag.rag for row in rows)
    return [(rag, counts.get(rag, 0)) for rag in RAG_ORDER]


def status_counts(rows: list[ActionRow]) -> list[tuple[str, str, int]]:
    counts = Counter(row.action.status for row in rows)
    return [(value, label, counts.get(value, 0)) for value, label in ActionStatus.choices]


def requirements_without_action(plan: ImprovementPlan) -> list[Requirement]:
    """Recommendations that no open action answers (closed or superseded actions do not
    count)."""
    return list(
        plan.requirements.annotate(
            open_actions=Count(
                "actions",
                filter=~Q(actions__status=ActionStatus.CLOSED)
                & Q(actions__withdrawn_at__isnull=True),
            )
        )
        .filter(open_actions=0)
        .order_by("number")
    )


def lead_choices(plan: ImprovementPlan) -> list[tuple[str, str]]:
    """(key, label) for each lead of the plan's actions: members by name, others by role."""
    seen: dict[str, str] = {}
    rows = (
        plan.actions.order_by()
        .values_list(
            "lead_user_id",
            "lead_user__first_name",
            "lead_user__last_name",
            "lead_user__username",
            "lead_role",
        )
        .distinct()
    )
    for user_id, first, last, username, role in rows:
        if user_id:
            seen.setdefault(f"user:{user_id}", f"{first} {last}".strip() or username)
        elif role:
            seen.setdefault(f"role:{role}", role)
    return sorted(seen.items(), key=lambda item: item[1].lower())


@dataclass
class Dashboard:
    today: dt.date
    since: dt.date | None
    rows: list[ActionRow]
    rag_counts: list[tuple[Rag, int]] = field(default_factory=list)
    status_counts: list[tuple[str, str, int]] = field(default_factory=list)
    overdue: list[ActionRow] = field(default_factory=list)
    due_soon: list[ActionRow] = field(default_factory=list)
    not_updated: list[ActionRow] = field(default_factory=list)
    to_review: list[ActionRow] = field(default_factory=list)
    requirements_without_action: list[Requirement] = field(default_factory=list)

    @property
    def due_soon_until(self) -> dt.date:
        return self.today + dt.timedelta(days=DUE_SOON_DAYS)


def build_dashboard(
    plan: ImprovementPlan,
    today: dt.date,
    filters: Filters | None = None,
    since: dt.date | None = None,
) -> Dashboard:
    rows = action_rows(plan, today, filters)
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    open_rows = [row for row in rows if not row.action.is_finished]

    def by_due(row: ActionRow) -> tuple[dt.date, int]:
        return (row.action.due_date or dt.date.max, row.action.number)

    overdue = sorted(
        (r for r in open_rows if r.action.due_date and r.action.due_date < today), key=by_due
    )
    due_soon = sorted(
        (r for r in open_rows if r.action.due_date and today <= r.action.due_date <= horizon),
        key=by_due,
    )
    not_updated: list[ActionRow] = []
    if since is not None:
        not_updated = [
            r for r in open_rows if r.latest_update_date is None or r.latest_update_date < since
        ]
    return Dashboard(
        today=today,
        since=since,
        rows=rows,
        rag_counts=rag_counts(rows),
        status_counts=status_counts(rows),
        overdue=overdue,
        due_soon=due_soon,
        not_updated=not_updated,
        to_review=[r for r in rows if r.rag.to_review],
        requirements_without_action=requirements_without_action(plan),
    )


@dataclass
class RequirementActions:
    """A recommendation with the actions that answer it, in action order."""

    requirement: Requirement
    actions: list[Action]


@dataclass
class PlanOverview:
    """What the plan page and `ilacs plan show` print: every action with its RAG, by theme, and
    each recommendation with the actions that answer it."""

    rows: list[ActionRow]
    themes: list[tuple[Theme, list[ActionRow]]]  # every theme, in order, even one with no action
    unthemed: list[ActionRow]
    requirements: list[RequirementActions]

    @property
    def rag_counts(self) -> list[tuple[Rag, int]]:
        return rag_counts(self.rows)


def plan_overview(plan: ImprovementPlan, today: dt.date) -> PlanOverview:
    rows = action_rows(plan, today)
    by_theme: dict[int | None, list[ActionRow]] = {}
    answered: dict[int, list[Action]] = {}
    for row in rows:
        by_theme.setdefault(row.action.theme_id, []).append(row)
        for requirement in row.action.requirement_list:
            answered.setdefault(requirement.pk, []).append(row.action)
    return PlanOverview(
        rows=rows,
        themes=[(theme, by_theme.get(theme.pk, [])) for theme in plan.themes.all()],
        unthemed=by_theme.get(None, []),
        requirements=[
            RequirementActions(r, answered.get(r.pk, []))
            for r in plan.requirements.select_related("recommendation").order_by("number")
        ],
    )


# --- A person's first page -----------------------------------------------------------------------

# An action its lead has not updated for this long "needs an update" (a month, as boards meet).
UPDATE_DUE_DAYS = RECENT_UPDATE_DAYS


@dataclass
class PlanSummary:
    """A plan on someone's first page: its RAG counts and how many actions are overdue."""

    plan: ImprovementPlan
    rag_counts: list[tuple[Rag, int]]
    overdue: int
    total: int


@dataclass
class HomeRow:
    """An action on someone's first page, with its plan and RAG."""

    action: Action
    rag: RagStatus

    @property
    def latest_update_date(self) -> dt.date | None:
        return getattr(self.action, "latest_update_date", None)


@dataclass
class Home:
    today: dt.date
    to_update: list[HomeRow] = field(default_factory=list)
    overdue: list[HomeRow] = field(default_factory=list)
    plans: list[PlanSummary] = field(default_factory=list)
    edits_plans: bool = False

    @property
    def update_since(self) -> dt.date:
        return self.today - dt.timedelta(days=UPDATE_DUE_DAYS)


def home_for(user: Any, today: dt.date) -> Home:
    """What a person's first page lists: the open actions they lead that have had no progress
    update for a month (or never), what is overdue (the actions they lead, and every action of
    the plans they edit), and their councils' plans with RAG counts. A few queries per plan."""
    from ilacs.accounts import permissions
    from ilacs.accounts.models import Membership

    memberships = list(Membership.objects.filter(user=user).select_related("local_authority"))
    councils = {m.local_authority_id: m.local_authority for m in memberships}
    plans = list(
        ImprovementPlan.objects.filter(local_authority_id__in=list(councils))
        .select_related("inspection")
        .order_by("local_authority__name", "-report_published", "-pk")
    )
    home = Home(today=today)
    since = home.update_since
    for plan in plans:
        plan.local_authority = councils[plan.local_authority_id]
        plan.inspection.local_authority = plan.local_authority
        edits = permissions.can_edit_plan(user, plan.local_authority)
        home.edits_plans = home.edits_plans or edits
        rows = action_rows(plan, today)
        running = plan.status != PlanStatus.CLOSED  # a closed plan asks nothing of anyone
        overdue = [
            r
            for r in rows
            if not r.action.is_finished and r.action.due_date and r.action.due_date < today
        ]
        home.plans.append(
            PlanSummary(
                plan=plan, rag_counts=rag_counts(rows), overdue=len(overdue), total=len(rows)
            )
        )
        for row in rows:
            mine = row.action.lead_user_id == user.pk
            if (
                running
                and mine
                and not row.action.is_finished
                and (row.latest_update_date is None or row.latest_update_date < since)
            ):
                home.to_update.append(HomeRow(row.action, row.rag))
        home.overdue.extend(
            HomeRow(r.action, r.rag)
            for r in overdue
            if running and (edits or r.action.lead_user_id == user.pk)
        )
    home.to_update.sort(key=lambda r: (r.latest_update_date or dt.date.min, r.action.number))
    home.overdue.sort(key=lambda r: (r.action.due_date, r.action.plan_id, r.action.number))
    return home
