"""Improvement plan pages. Thin: permissions through ilacs.accounts.permissions, reads through
ilacs.plans.queries, writes through ilacs.plans.services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ilacs.accounts import permissions
from ilacs.accounts.permissions import Action as Can
from ilacs.inspections import queries as inspection_queries
from ilacs.inspections.models import Inspection
from ilacs.plans import history, hooks, queries, services, topics
from ilacs.plans.formfields import parse_iso_date
from ilacs.plans.forms import (
    ActionForm,
    CreatePlanForm,
    DashboardForm,
    MilestoneForm,
    OverrideForm,
    PlanForm,
    RequirementForm,
    ThemeForm,
    TopicsForm,
    UpdateForm,
    WithdrawForm,
)
from ilacs.plans.models import (
    Action,
    ActionStatus,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    Requirement,
    Theme,
    person_name,
)
from ilacs.plans.rag import DUE_SOON_DAYS, RAG_ORDER, RECENT_UPDATE_DAYS
from ilacs.plans.workingdays import SUBMISSION_WORKING_DAYS, submission_deadline


def _plan_for(request: HttpRequest, slug: str, pk: int, can: Can = Can.VIEW) -> ImprovementPlan:
    la = permissions.local_authority_for(request.user, slug, can)
    try:
        plan = ImprovementPlan.objects.select_related("inspection", "owner").get(
            pk=pk, local_authority=la
        )
    except ImprovementPlan.DoesNotExist:
        raise Http404("No such improvement plan") from None
    plan.local_authority = la
    plan.inspection.local_authority = la
    return plan


def _action_for(
    plan: ImprovementPlan, number: int, *, facts: bool = False, withdrawn: bool = False
) -> Action:
    """The plan's action with this number (a withdrawn one only when `withdrawn`)."""
    manager = Action.all_objects if withdrawn else Action.objects
    queryset = manager.filter(plan=plan).select_related("theme", "lead_user", "updated_by")
    if facts:
        queryset = queries.with_rag_facts(queryset).prefetch_related(
            Prefetch("requirements", queryset=Requirement.objects.order_by("number"))
        )
    try:
        action = queryset.get(number=number)
    except Action.DoesNotExist:
        raise Http404("No such action") from None
    action.plan = plan
    return action


def _base_context(request: HttpRequest, plan: ImprovementPlan, **extra: Any) -> dict[str, Any]:
    context = {
        "plan": plan,
        "plan_url": reverse("plans:detail", args=[plan.local_authority.slug, plan.pk]),
        "la": plan.local_authority,
        "can_edit": permissions.can_edit_plan(request.user, plan.local_authority),
        "today": timezone.localdate(),
        "plan_links": hooks.plan_links(plan),
    }
    context.update(extra)
    # The plan, dashboard and changes pages are the plan's own navigation; every other page is
    # "within" one of them.
    context.setdefault("subpage", True)
    return context


def _form_status(request: HttpRequest, form: Any) -> int:
    return 400 if request.method == "POST" and form.errors else 200


# --- Plan --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, slug: str, inspection_pk: int) -> HttpResponse:
    """Create the plan for an inspection: one click when the report prints its publication date;
    otherwise the editor enters it first."""
    la = permissions.local_authority_for(request.user, slug, Can.EDIT_PLAN)
    try:
        inspection = Inspection.objects.get(
            pk=inspection_pk, local_authority=la, withdrawn_at__isnull=True
        )
    except Inspection.DoesNotExist:
        raise Http404("No such inspection") from None
    inspection.local_authority = la
    existing = ImprovementPlan.objects.filter(inspection=inspection).first()
    if existing is not None:
        existing.local_authority = la
        return redirect(existing)
    needs_date = inspection.published is None
    form = CreatePlanForm(request.POST if request.method == "POST" else None, inspection=inspection)
    if request.method == "POST" and (not needs_date or form.is_valid()):
        published = None if not needs_date else form.cleaned_data["report_published"]
        try:
            plan = services.create_plan(inspection, user=request.user, report_published=published)
        except services.PlanError as exc:
            form.add_error(None, str(exc))
        else:
            plan.local_authority = la
            messages.success(
                request,
                f"The improvement plan has been created with {plan.requirements.count()} "
                "recommendations from the report. Add themes and actions next.",
            )
            return redirect(plan)
    recommendations = list(inspection.recommendations.filter(is_lscb=False))
    context = {
        "la": la,
        "inspection": inspection,
        "form": form,
        "needs_date": needs_date,
        "recommendations": recommendations,
        "deadline": submission_deadline(inspection.published) if not needs_date else None,
        "working_days": SUBMISSION_WORKING_DAYS,
    }
    return render(request, "plans/create.html", context, status=_form_status(request, form))


@login_required
def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk)
    today = timezone.localdate()
    overview = queries.plan_overview(plan, today)
    # What the council's previous inspection asked for on the same improvement topics.
    held = inspection_queries.record_inspections(
        plan.local_authority, include_unpublished=True, judgements=False
    )
    earlier = inspection_queries.earlier_asks(
        inspection_queries.recurring_weaknesses(plan.local_authority, inspections=held),
        plan.inspection,
    )
    context = _base_context(
        request,
        plan,
        sections=overview.themes,
        unthemed=overview.unthemed,
        rows=overview.rows,
        rag_counts=overview.rag_counts,
        requirements=[
            RequirementSummary(
                r.requirement,
                r.actions,
                LINKED_ACTIONS_SHOWN,
                earlier.get(r.requirement.recommendation_id or 0, []),
            )
            for r in overview.requirements
        ],
        next_inspection=inspection_queries.next_inspection(
            plan.local_authority, today, inspections=held
        ),
        days_to_deadline=(plan.submission_deadline - today).days,
        withdrawn=list(
            Action.all_objects.filter(plan=plan, withdrawn_at__isnull=False)
            .only("number", "title", "withdrawn_at")
            .order_by("number")
        ),
        section="plan",
        subpage=False,
    )
    return render(request, "plans/detail.html", context)


LINKED_ACTIONS_SHOWN = 12


class RequirementSummary:
    """A recommendation on the plan page: the actions that answer it (the first few linked, the
    rest counted, with a link to the dashboard filtered to it)."""

    def __init__(
        self,
        requirement: Requirement,
        actions: list[Action],
        shown: int,
        earlier: list[inspection_queries.EarlierAsk] | None = None,
    ):
        self.requirement = requirement
        self.earlier = earlier or []
        self.open_actions = [a for a in actions if a.status != ActionStatus.CLOSED]
        self.actions = actions
        self.shown = actions[:shown]
        self.more = max(0, len(actions) - shown)


def _conflict_response(
    request: HttpRequest, plan: ImprovementPlan, conflict: services.EditConflict, what: str, **kw
) -> HttpResponse:
    context = _base_context(
        request,
        plan,
        conflict=conflict,
        what=what,
        theirs=history.changes_since(conflict.current, conflict.loaded_version),
        yours=history.describe_values(conflict.current, conflict.attempted),
        **kw,
    )
    return render(request, "plans/conflict.html", context, status=409)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    if request.method == "POST":
        form = PlanForm(request.POST, plan=plan)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.update_plan(
                    plan, user=request.user, expected_version=version, changes=data
                )
            except services.EditConflict as conflict:
                return _conflict_response(
                    request, plan, conflict, "plan", retry_url=request.path, section="plan"
                )
            except services.PlanError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "The plan's details have been saved.")
                return redirect(plan)
    else:
        form = PlanForm(
            plan=plan,
            initial={
                "version": plan.version,
                "title": plan.title,
                "status": plan.status,
                "owner": plan.owner_id,
                "report_published": plan.report_published,
                "submission_deadline": plan.submission_deadline,
                "last_board_meeting": plan.last_board_meeting,
            },
        )
    context = _base_context(
        request,
        plan,
        form=form,
        printed_date=plan.inspection.published,
        default_deadline=submission_deadline(plan.report_published),
        section="plan",
    )
    return render(request, "plans/edit.html", context, status=_form_status(request, form))


@login_required
def dashboard(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk)
    today = timezone.localdate()
    data = request.GET.copy()
    since_from_url = parse_iso_date(data.get("since"))
    if since_from_url is not None and not data.get("since_day"):
        # ?since=2025-03-01 (links, bookmarks) fills the date boxes.
        data.update(
            {
                "since_day": str(since_from_url.day),
                "since_month": str(since_from_url.month),
                "since_year": str(since_from_url.year),
            }
        )
    form = DashboardForm(data or None, initial={"since": plan.last_board_meeting})
    themes = list(plan.themes.all())
    requirements = list(plan.requirements.order_by("number"))
    leads = queries.lead_choices(plan)
    form.fields["theme"].choices = [("", "All themes"), *[(t.pk, t.name) for t in themes]]
    form.fields["lead"].choices = [("", "All leads"), *leads]
    form.fields["requirement"].choices = [
        ("", "All recommendations"),
        *[(r.pk, f"{r.number}. {r.short_text}") for r in requirements],
    ]
    form.fields["rag"].choices = [("", "All"), *[(r.value, r.label) for r in RAG_ORDER]]
    form.fields["status"].choices = [("", "All statuses"), *ActionStatus.choices]
    filters = queries.Filters()
    since = plan.last_board_meeting
    if form.is_bound:
        form.is_valid()  # a value that does not fit is ignored (no filter), not an error
        cleaned = form.cleaned_data
        filters = queries.Filters(
            theme=cleaned.get("theme"),
            lead=cleaned.get("lead") or "",
            requirement=cleaned.get("requirement"),
            rag=cleaned.get("rag") or "",
            status=cleaned.get("status") or "",
            q=(cleaned.get("q") or "").strip(),
            to_review=bool(cleaned.get("review")),
        )
        if cleaned.get("since"):
            since = cleaned["since"]
    board = queries.build_dashboard(plan, today, filters, since)
    context = _base_context(
        request,
        plan,
        form=form,
        filters=filters,
        board=board,
        since=since,
        since_is_board=since is not None and since == plan.last_board_meeting,
        due_soon_days=DUE_SOON_DAYS,
        section="dashboard",
        subpage=False,
        panels=hooks.dashboard_panels(
            request, plan, action_rows=None if filters.active else board.rows
        ),
    )
    return render(request, "plans/dashboard.html", context)


@login_required
def plan_history(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The plan's changes, newest first, HISTORY_PAGE_SIZE a page (?page=2 for older ones)."""
    plan = _plan_for(request, slug, pk)
    try:
        page = int(request.GET.get("page") or 1)
    except ValueError:
        raise Http404("No such page") from None
    if not 1 <= page <= 10_000:
        raise Http404("No such page")
    size = HISTORY_PAGE_SIZE
    newest = history.plan_history(plan, limit=page * size + 1)
    entries = newest[(page - 1) * size : page * size]
    if page > 1 and not entries:
        raise Http404("No such page")
    has_next = len(newest) > page * size
    context = _base_context(
        request,
        plan,
        entries=entries,
        page=page,
        pages=list(range(1, page + (2 if has_next else 1))),
        has_next=has_next,
        page_size=size,
        section="history",
        subpage=False,
    )
    return render(request, "plans/plan_history.html", context)


HISTORY_PAGE_SIZE = 25


# --- Themes and requirements -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def themes(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    form = ThemeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            theme = services.add_theme(plan, user=request.user, **form.cleaned_data)
        except services.PlanError as exc:
            form.add_error("name", str(exc))
        else:
            messages.success(request, f"The theme “{theme.name}” has been added.")
            return redirect("plans:themes", slug, plan.pk)
    items = list(
        plan.themes.annotate(
            action_count=Count("actions", filter=Q(actions__withdrawn_at__isnull=True))
        )
    )
    context = _base_context(request, plan, form=form, themes=items, section="plan")
    return render(request, "plans/themes.html", context, status=_form_status(request, form))


def _theme_for(plan: ImprovementPlan, theme_pk: int) -> Theme:
    try:
        theme = plan.themes.get(pk=theme_pk)
    except Theme.DoesNotExist:
        raise Http404("No such theme") from None
    theme.plan = plan
    return theme


@login_required
@require_http_methods(["GET", "POST"])
def theme_edit(request: HttpRequest, slug: str, pk: int, theme_pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    if request.method == "POST":
        # Not looked up first: a theme removed meanwhile is refused by the service with who
        # removed it, and what was typed is shown again.
        theme = plan.themes.filter(pk=theme_pk).first() or Theme(pk=theme_pk, plan=plan)
        theme.plan = plan
    else:
        theme = _theme_for(plan, theme_pk)
    if request.method == "POST" and request.POST.get("delete"):
        try:
            services.delete_theme(theme, user=request.user)
        except services.PlanError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"The theme “{theme.name}” has been removed.")
        return redirect("plans:themes", slug, plan.pk)
    if request.method == "POST":
        form = ThemeForm(request.POST)
        if form.is_valid():
            try:
                services.update_theme(theme, user=request.user, **form.cleaned_data)
            except services.PlanError as exc:
                form.add_error(None if isinstance(exc, services.Removed) else "name", str(exc))
            else:
                messages.success(request, "The theme has been saved.")
                return redirect("plans:themes", slug, plan.pk)
    else:
        form = ThemeForm(initial={"name": theme.name, "description": theme.description})
    context = _base_context(
        request, plan, form=form, theme=theme, action_count=theme.actions.count(), section="plan"
    )
    return render(request, "plans/theme_edit.html", context, status=_form_status(request, form))


@login_required
@require_POST
def theme_move(request: HttpRequest, slug: str, pk: int, theme_pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    theme = _theme_for(plan, theme_pk)
    try:
        services.move_theme(theme, user=request.user, up=request.POST.get("direction") == "up")
    except services.PlanError as exc:
        messages.error(request, str(exc))
    return redirect(reverse("plans:themes", args=[slug, plan.pk]) + f"#theme-{theme.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def requirement_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    form = RequirementForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        requirement = services.add_requirement(plan, user=request.user, **form.cleaned_data)
        messages.success(request, f"{requirement.label} has been added.")
        return redirect(reverse("plans:detail", args=[slug, plan.pk]) + "#recommendations")
    context = _base_context(request, plan, form=form, section="plan")
    return render(
        request, "plans/requirement_add.html", context, status=_form_status(request, form)
    )


def _requirement_for(plan: ImprovementPlan, number: int) -> Requirement:
    try:
        requirement = Requirement.objects.select_related("recommendation").get(
            plan=plan, number=number
        )
    except Requirement.DoesNotExist:
        raise Http404("No such requirement") from None
    requirement.plan = plan
    return requirement


def _explained(obj: Requirement | Action) -> topics.TopicsExplained:
    text = (
        obj.text if isinstance(obj, Requirement) else topics.action_text(obj.title, obj.description)
    )
    return topics.explain(
        text,
        list(obj.topics or []),
        set_by_hand=obj.topics_set_by_hand,
        from_report=isinstance(obj, Requirement) and obj.recommendation_id is not None,
    )


@login_required
def requirement_detail(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    """One requirement: its words, its improvement topics and why, the actions that answer it."""
    plan = _plan_for(request, slug, pk)
    requirement = _requirement_for(plan, number)
    context = _base_context(
        request,
        plan,
        requirement=requirement,
        actions=list(requirement.actions.filter(withdrawn_at__isnull=True).order_by("number")),
        explained=_explained(requirement),
        topics_url=reverse("plans:requirement_topics", args=[slug, plan.pk, number]),
        section="plan",
    )
    return render(request, "plans/requirement_detail.html", context)


def _topics_page(
    request: HttpRequest, plan: ImprovementPlan, obj: Requirement | Action, back_url: str
) -> HttpResponse:
    """Correct a requirement's or action's improvement topics, or hand them back to ilacs."""
    if request.method == "POST":
        form = TopicsForm(request.POST)
        automatic = bool(request.POST.get("automatic"))
        if automatic or form.is_valid():
            try:
                services.set_topics(
                    obj,
                    user=request.user,
                    chosen=None if automatic else form.cleaned_data["ordered"],
                )
            except services.PlanError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "The improvement topics have been saved.")
                return redirect(back_url)
    else:
        chosen = list(obj.topics or [])
        form = TopicsForm(initial={"topics": chosen, "chief": chosen[0] if chosen else ""})
    if isinstance(obj, Requirement):
        what_label, what_text = obj.label, obj.text
    else:
        what_label, what_text = f"Action {obj.number}", obj.title
    context = _base_context(
        request,
        plan,
        form=form,
        what_label=what_label,
        what_text=what_text,
        back_url=back_url,
        set_by_hand=obj.topics_set_by_hand,
        section="plan",
    )
    return render(request, "plans/topics_form.html", context, status=_form_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def requirement_topics(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    requirement = _requirement_for(plan, number)
    back = reverse("plans:requirement", args=[slug, plan.pk, number])
    return _topics_page(request, plan, requirement, back)


@login_required
@require_http_methods(["GET", "POST"])
def action_topics(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    action = _action_for(plan, number)
    return _topics_page(request, plan, action, action.get_absolute_url())


# --- Actions -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    if request.method == "POST":
        form = ActionForm(request.POST, plan=plan)
        if form.is_valid():
            data = form.changes()
            try:
                action = services.add_action(plan, user=request.user, **data)
            except services.PlanError as exc:
                form.add_error(None, str(exc))
            else:
                action.plan = plan
                messages.success(request, f"Action {action.number} has been added.")
                return redirect(action)
    else:
        initial: dict[str, Any] = {}
        if request.GET.get("theme"):
            initial["theme"] = request.GET["theme"]
        if request.GET.get("requirement"):
            initial["requirements"] = [request.GET["requirement"]]
        form = ActionForm(plan=plan, initial=initial)
    context = _base_context(request, plan, form=form, section="plan")
    return render(request, "plans/action_form.html", context, status=_form_status(request, form))


@login_required
def action_detail(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk)
    action = _action_for(plan, number, facts=True, withdrawn=True)
    if action.is_withdrawn:
        # Left out of the plan; its address (in the history, in bookmarks) says what happened.
        context = _base_context(
            request, plan, action=action, withdrawn_by=person_name(action.withdrawn_by)
        )
        return render(request, "plans/action_withdrawn.html", context)
    today = timezone.localdate()
    updates = list(action.updates.select_related("author", "corrected_by"))
    for update in updates:
        update.action = action
        update.can_correct = services.can_correct_update(request.user, update)
    context = _base_context(
        request,
        plan,
        action=action,
        rag=queries.rag_status(action, today),
        milestones=list(action.milestones.all()),
        updates=updates,
        can_post_update=permissions.can_post_update(request.user, action),
        explained=_explained(action),
        topics_url=reverse("plans:action_topics", args=[slug, plan.pk, number]),
        section="plan",
    )
    return render(request, "plans/action_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def action_withdraw(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    """Withdraw an action added by mistake: it leaves the plan's pages and counts."""
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    action = _action_for(plan, number)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_action(action, user=request.user, **form.cleaned_data)
        except services.PlanError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"Action {action.number} has been withdrawn. It is kept in the plan's history.",
            )
            return redirect(plan)
    context = _base_context(request, plan, form=form, action=action, what="action", section="plan")
    return render(request, "plans/withdraw.html", context, status=_form_status(request, form))


def _update_for(request: HttpRequest, action: Action, update_pk: int) -> ProgressUpdate:
    """One of the action's progress updates, for its author or an editor to correct (403 for
    anyone else)."""
    try:
        update = action.updates.select_related("author").get(pk=update_pk)
    except ProgressUpdate.DoesNotExist:
        raise Http404("No such progress update") from None
    update.action = action
    if not services.can_correct_update(request.user, update):
        raise PermissionDenied
    return update


@login_required
@require_http_methods(["GET", "POST"])
def update_correct(
    request: HttpRequest, slug: str, pk: int, number: int, update_pk: int
) -> HttpResponse:
    """Correct a progress update: its author or an editor. The history keeps the original."""
    plan = _plan_for(request, slug, pk)
    action = _action_for(plan, number)
    update = _update_for(request, action, update_pk)
    if request.method == "POST":
        form = UpdateForm(request.POST)
        if form.is_valid():
            try:
                services.correct_update(update, user=request.user, **form.cleaned_data)
            except services.PlanError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "The progress update has been corrected.")
                return redirect(reverse("plans:action", args=[slug, plan.pk, number]) + "#updates")
    else:
        form = UpdateForm(
            initial={
                "date": update.date,
                "narrative": update.narrative,
                "rag": update.rag,
                "evidence": update.evidence,
            }
        )
    context = _base_context(
        request, plan, form=form, action=action, update=update, correcting=True, section="plan"
    )
    return render(request, "plans/update_form.html", context, status=_form_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def update_withdraw(
    request: HttpRequest, slug: str, pk: int, number: int, update_pk: int
) -> HttpResponse:
    """Withdraw a progress update posted by mistake: it leaves the action's page and RAG."""
    plan = _plan_for(request, slug, pk)
    action = _action_for(plan, number)
    update = _update_for(request, action, update_pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_update(update, user=request.user, **form.cleaned_data)
        except services.PlanError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, "The progress update has been withdrawn. It is kept in the history."
            )
            return redirect(reverse("plans:action", args=[slug, plan.pk, number]) + "#updates")
    context = _base_context(
        request, plan, form=form, action=action, update=update, what="update", section="plan"
    )
    return render(request, "plans/withdraw.html", context, status=_form_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    action = _action_for(plan, number)
    if request.method == "POST":
        form = ActionForm(request.POST, plan=plan)
        if form.is_valid():
            version = form.cleaned_data.get("version") or 0
            try:
                services.update_action(
                    action, user=request.user, expected_version=version, changes=form.changes()
                )
            except services.EditConflict as conflict:
                return _conflict_response(
                    request,
                    plan,
                    conflict,
                    "action",
                    action=action,
                    retry_url=request.path,
                    section="plan",
                )
            except services.PlanError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Action {action.number} has been saved.")
                return redirect(action)
    else:
        form = ActionForm(
            plan=plan,
            initial={
                "version": action.version,
                "title": action.title,
                "description": action.description,
                "requirements": list(action.requirements.values_list("pk", flat=True)),
                "theme": action.theme_id,
                "lead_user": action.lead_user_id,
                "lead_role": action.lead_role,
                "due_date": action.due_date,
                "status": action.status,
                "success_measure": action.success_measure,
            },
        )
    context = _base_context(request, plan, form=form, action=action, section="plan")
    return render(request, "plans/action_form.html", context, status=_form_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def action_update(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    """Post a progress update: editors and admins on any action, contributors on their own."""
    plan = _plan_for(request, slug, pk)
    action = _action_for(plan, number)
    permissions.check_post_update(request.user, action)
    if request.method == "POST":
        form = UpdateForm(request.POST)
        if form.is_valid():
            try:
                services.post_update(action, user=request.user, **form.cleaned_data)
            except services.PlanError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Your progress update has been posted.")
                return redirect(action)
    else:
        form = UpdateForm(initial={"date": timezone.localdate()})
    latest = action.updates.first()
    context = _base_context(request, plan, form=form, action=action, latest=latest, section="plan")
    return render(request, "plans/update_form.html", context, status=_form_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def action_rag(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    """Set the RAG by hand (with a reason), or clear it and return to the rules."""
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    action = _action_for(plan, number, facts=True)
    standing = services.standing_override(action)
    if request.method == "POST" and request.POST.get("clear"):
        services.clear_rag_override(action, user=request.user)
        messages.success(request, "The RAG set by hand has been cleared: the rules apply again.")
        return redirect(action)
    form = OverrideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.set_rag_override(action, user=request.user, **form.cleaned_data)
        messages.success(request, "The RAG has been set by hand.")
        return redirect(action)
    today = timezone.localdate()
    action.standing_overrides = []  # what the rules alone would say
    context = _base_context(
        request,
        plan,
        form=form,
        action=action,
        standing=standing,
        rules_rag=queries.rag_status(action, today),
        section="plan",
    )
    return render(request, "plans/rag_form.html", context, status=_form_status(request, form))


@login_required
def action_history(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk)
    action = _action_for(plan, number)
    context = _base_context(
        request, plan, action=action, entries=history.action_history(action), section="plan"
    )
    return render(request, "plans/action_history.html", context)


# --- Milestones --------------------------------------------------------------------------------


def _milestone_for(action: Action, milestone_pk: int) -> Milestone:
    try:
        milestone = action.milestones.get(pk=milestone_pk)
    except Milestone.DoesNotExist:
        raise Http404("No such milestone") from None
    milestone.action = action
    return milestone


@login_required
@require_http_methods(["GET", "POST"])
def milestone_add(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    action = _action_for(plan, number)
    form = MilestoneForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_milestone(
                action,
                user=request.user,
                title=data["title"],
                due_date=data["due_date"],
                done=data["done"],
                done_on=data["done_on"],
            )
        except services.PlanError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "The milestone has been added.")
            return redirect(reverse("plans:action", args=[slug, plan.pk, number]) + "#milestones")
    context = _base_context(request, plan, form=form, action=action, section="plan")
    return render(request, "plans/milestone_form.html", context, status=_form_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(
    request: HttpRequest, slug: str, pk: int, number: int, milestone_pk: int
) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    action = _action_for(plan, number)
    back = reverse("plans:action", args=[slug, plan.pk, number]) + "#milestones"
    if request.method == "POST" and request.POST.get("delete"):
        try:
            services.delete_milestone(Milestone(pk=milestone_pk, action=action), user=request.user)
        except services.PlanError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "The milestone has been removed.")
        return redirect(back)
    if request.method == "POST":
        # Not looked up first: a milestone removed meanwhile is refused by the service with who
        # removed it, and what was typed is shown again.
        milestone = action.milestones.filter(pk=milestone_pk).first() or Milestone(
            pk=milestone_pk, action=action
        )
        form = MilestoneForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.update_milestone(
                    milestone,
                    user=request.user,
                    title=data["title"],
                    due_date=data["due_date"],
                    done=data["done"],
                    done_on=data["done_on"],
                )
            except services.PlanError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "The milestone has been saved.")
                return redirect(back)
    else:
        milestone = _milestone_for(action, milestone_pk)
        form = MilestoneForm(
            initial={
                "title": milestone.title,
                "due_date": milestone.due_date,
                "done": milestone.done,
                "done_on": milestone.done_on,
            }
        )
    milestone.action = action
    context = _base_context(
        request, plan, form=form, action=action, milestone=milestone, section="plan"
    )
    return render(request, "plans/milestone_form.html", context, status=_form_status(request, form))


@login_required
@require_POST
def milestone_done(
    request: HttpRequest, slug: str, pk: int, number: int, milestone_pk: int
) -> HttpResponse:
    """The "Mark as done" button: done today (the milestone's page changes the day)."""
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    action = _action_for(plan, number)
    back = reverse("plans:action", args=[slug, plan.pk, number]) + "#milestones"
    done = request.POST.get("done") == "1"
    try:
        milestone = services.update_milestone(
            Milestone(pk=milestone_pk, action=action), user=request.user, done=done
        )
    except services.PlanError as exc:
        messages.error(request, str(exc))
        return redirect(back)
    word = "done today" if done else "not done"
    messages.success(request, f"The milestone “{milestone.title}” is marked as {word}.")
    return redirect(back)


# --- Help --------------------------------------------------------------------------------------


@login_required
def rag_help(request: HttpRequest) -> HttpResponse:
    context = {"due_soon_days": DUE_SOON_DAYS, "recent_update_days": RECENT_UPDATE_DAYS}
    return render(request, "plans/rag_help.html", context)
