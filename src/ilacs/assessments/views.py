"""Self-assessment rounds, monitoring arrangements and forums in the browser. Thin: permissions
through ilacs.accounts.permissions, reads through ilacs.assessments.queries, writes through
ilacs.assessments.services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ilacs.accounts import permissions
from ilacs.accounts.permissions import Action as Can
from ilacs.assessments import queries, services
from ilacs.assessments.forms import (
    EntryForm,
    ForumForm,
    MeetingForm,
    MonitoringForm,
    RoundForm,
    SignOffForm,
)
from ilacs.assessments.models import AssessmentRound, Evaluation, Forum, ForumMeeting
from ilacs.plans import hooks
from ilacs.plans.models import ImprovementPlan, Requirement


def _plan_for(request: HttpRequest, slug: str, pk: int, can: Can = Can.VIEW) -> ImprovementPlan:
    la = permissions.local_authority_for(request.user, slug, can)
    try:
        plan = ImprovementPlan.objects.get(pk=pk, local_authority=la)
    except ImprovementPlan.DoesNotExist:
        raise Http404("No such improvement plan") from None
    plan.local_authority = la
    return plan


def _round_for(
    request: HttpRequest, slug: str, pk: int, round_pk: int, can: Can = Can.VIEW
) -> AssessmentRound:
    plan = _plan_for(request, slug, pk, can)
    try:
        round_ = plan.assessment_rounds.select_related("signed_off_by").get(pk=round_pk)
    except AssessmentRound.DoesNotExist:
        raise Http404("No such self-assessment round") from None
    round_.plan = plan
    return round_


def _requirement_for(plan: ImprovementPlan, number: int) -> Requirement:
    try:
        requirement = plan.requirements.get(number=number)
    except Requirement.DoesNotExist:
        raise Http404("No such recommendation") from None
    requirement.plan = plan
    return requirement


def _context(request: HttpRequest, plan: ImprovementPlan, **extra: Any) -> dict[str, Any]:
    """What plans/layout.html needs, as the plan's own pages give it."""
    context = {
        "plan": plan,
        "la": plan.local_authority,
        "can_edit": permissions.can_edit_plan(request.user, plan.local_authority),
        "plan_links": hooks.plan_links(plan),
        "subpage": True,
        "section": "assessments",
    }
    context.update(extra)
    return context


def _data(request: HttpRequest) -> Any:
    """The posted data (even if empty, so that a form posted blank shows its errors)."""
    return request.POST if request.method == "POST" else None


def _status(request: HttpRequest, form: Any) -> int:
    return 400 if request.method == "POST" and form.errors else 200


# --- Rounds ----------------------------------------------------------------------------------


@login_required
def rounds(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk)
    found = queries.rounds_of(plan)
    latest = found[-1] if found else None
    context = _context(
        request,
        plan,
        rounds=list(reversed(found)),
        latest=latest,
        subpage=False,
        latest_sheet=queries.round_sheet(latest, timezone.localdate(), evidence=False)
        if latest
        else None,
    )
    return render(request, "assessments/rounds.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def round_start(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    previous = services.latest_round(plan)
    today = timezone.localdate()
    form = RoundForm(
        _data(request),
        initial={"title": f"Annual self-assessment, {today:%B %Y}", "date": today},
    )
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.start_round(
                plan,
                user=request.user,
                title=form.cleaned_data["title"],
                date=form.cleaned_data["date"],
            )
        except services.AssessmentError as exc:
            form.add_error("title" if "called" in str(exc) else None, str(exc))
        else:
            text = f"“{round_.title}” has been started."
            if previous is not None:
                text += (
                    f" Every recommendation is copied from “{previous.title}” and marked not yet "
                    "reviewed until someone saves it."
                )
            messages.success(request, text)
            return redirect(round_)
    context = _context(request, plan, form=form, previous=previous)
    return render(request, "assessments/round_start.html", context, status=_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def round_edit(request: HttpRequest, slug: str, pk: int, round_pk: int) -> HttpResponse:
    """Change a draft round's title or date."""
    round_ = _round_for(request, slug, pk, round_pk, Can.EDIT_PLAN)
    if round_.is_signed_off:
        messages.info(request, f"“{round_.title}” has been signed off: it is read only.")
        return redirect(round_)
    form = RoundForm(_data(request), initial={"title": round_.title, "date": round_.date})
    if request.method == "POST" and form.is_valid():
        try:
            services.rename_round(
                round_,
                user=request.user,
                title=form.cleaned_data["title"],
                date=form.cleaned_data["date"],
            )
        except services.AssessmentError as exc:
            form.add_error("title" if "called" in str(exc) else None, str(exc))
        else:
            messages.success(request, "The round has been saved.")
            return redirect(round_)
    context = _context(request, round_.plan, form=form, round=round_)
    return render(request, "assessments/round_edit.html", context, status=_status(request, form))


@login_required
def round_detail(request: HttpRequest, slug: str, pk: int, round_pk: int) -> HttpResponse:
    round_ = _round_for(request, slug, pk, round_pk)
    sheet = queries.round_sheet(round_, timezone.localdate())
    chosen = request.GET.get("evaluation", "")
    if chosen not in Evaluation.values:
        chosen = ""
    rows = [r for r in sheet.rows if r.evaluation.value == chosen] if chosen else sheet.rows
    context = _context(
        request,
        round_.plan,
        round=round_,
        sheet=sheet,
        rows=rows,
        chosen=Evaluation(chosen) if chosen else None,
        changed=[r for r in sheet.rows if r.changed],
        can_write=permissions.can_edit_plan(request.user, round_.plan.local_authority)
        and not round_.is_signed_off,
    )
    return render(request, "assessments/round.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(
    request: HttpRequest, slug: str, pk: int, round_pk: int, number: int
) -> HttpResponse:
    round_ = _round_for(request, slug, pk, round_pk, Can.EDIT_PLAN)
    plan = round_.plan
    requirement = _requirement_for(plan, number)
    anchor = f"{round_.get_absolute_url()}#recommendation-{requirement.number}"
    if round_.is_signed_off:
        messages.info(request, f"“{round_.title}” has been signed off: it is read only.")
        return redirect(anchor)
    entry = round_.entries.filter(requirement=requirement).first()
    initial: dict[str, Any] = {"evaluation": Evaluation.NOT_EVALUATED}
    if entry is not None:
        initial = {
            "evaluation": entry.evaluation,
            "background": entry.background,
            "strengths": entry.strengths,
            "areas_for_improvement": entry.areas_for_improvement,
            "next_steps": entry.next_steps,
            "measures": list(entry.measures.values_list("pk", flat=True)),
            "audit_streams": list(entry.audit_streams.values_list("pk", flat=True)),
            "actions": list(entry.actions.values_list("pk", flat=True)),
        }
    form = EntryForm(_data(request), plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = services.EntryInput(
            evaluation=data["evaluation"],
            background=data["background"],
            strengths=data["strengths"],
            areas_for_improvement=data["areas_for_improvement"],
            next_steps=data["next_steps"],
            measures=data["measures"],
            audit_streams=data["audit_streams"],
            actions=data["actions"],
        )
        try:
            services.save_entry(round_, requirement, user=request.user, item=item)
        except services.AssessmentError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{requirement.label} has been saved and marked reviewed.")
            return redirect(anchor)
    previous = None
    if round_.started_from_id:
        previous = (
            round_.started_from.entries.filter(requirement=requirement).first()
            if round_.started_from
            else None
        )
    context = _context(
        request,
        plan,
        round=round_,
        requirement=requirement,
        entry=entry,
        form=form,
        previous=previous,
    )
    return render(request, "assessments/entry_form.html", context, status=_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def round_sign_off(request: HttpRequest, slug: str, pk: int, round_pk: int) -> HttpResponse:
    round_ = _round_for(request, slug, pk, round_pk, Can.EDIT_PLAN)
    if round_.is_signed_off:
        messages.info(request, f"“{round_.title}” has already been signed off.")
        return redirect(round_)
    form = SignOffForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_off(round_, user=request.user)
        except services.AssessmentError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"“{round_.title}” has been signed off. It is now read only.")
            return redirect(round_)
    context = _context(
        request, round_.plan, round=round_, form=form, unreviewed=services.unreviewed_count(round_)
    )
    return render(request, "assessments/sign_off.html", context, status=_status(request, form))


@login_required
def across(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk)
    table = queries.across_rounds(plan)
    context = _context(request, plan, table=table)
    return render(request, "assessments/across.html", context)


# --- Monitoring arrangements -----------------------------------------------------------------


@login_required
def monitoring(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk)
    not_met_only = request.GET.get("show") == "not-met"
    context = _context(
        request,
        plan,
        rows=queries.monitoring_rows(plan, not_met_only=not_met_only),
        not_met_only=not_met_only,
        section="monitoring",
        subpage=False,
    )
    return render(request, "assessments/monitoring.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def monitoring_edit(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    la = plan.local_authority
    requirement = _requirement_for(plan, number)
    current = getattr(requirement, "monitoring", None)
    if current is not None:
        initial = {
            "forums": list(current.forums.values_list("pk", flat=True)),
            "scorecards": list(current.scorecards.values_list("pk", flat=True)),
            "measures": list(current.measures.values_list("pk", flat=True)),
            "audit_streams": list(current.audit_streams.values_list("pk", flat=True)),
            "other_evidence": current.other_evidence,
            "note": current.note,
        }
    else:
        # Start from what the measures pages already link to this recommendation.
        initial = {
            "measures": list(requirement.measures.values_list("pk", flat=True)),
            "audit_streams": list(requirement.audit_streams.values_list("pk", flat=True)),
        }
    form = MonitoringForm(_data(request), la=la, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_monitoring(
                requirement,
                user=request.user,
                item=services.MonitoringInput(
                    forums=data["forums"],
                    measures=data["measures"],
                    audit_streams=data["audit_streams"],
                    scorecards=data["scorecards"],
                    other_evidence=data["other_evidence"],
                    note=data["note"],
                ),
            )
        except services.AssessmentError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"The monitoring of {requirement.label} has been saved.")
            url = reverse("assessments:monitoring", args=[la.slug, plan.pk])
            return redirect(f"{url}#recommendation-{requirement.number}")
    context = _context(request, plan, requirement=requirement, form=form, section="monitoring")
    return render(
        request, "assessments/monitoring_form.html", context, status=_status(request, form)
    )


# --- Forums ----------------------------------------------------------------------------------


def _forum_for(request: HttpRequest, slug: str, forum_pk: int, can: Can = Can.VIEW) -> Forum:
    la = permissions.local_authority_for(request.user, slug, can)
    try:
        forum = Forum.objects.get(pk=forum_pk, local_authority=la)
    except Forum.DoesNotExist:
        raise Http404("No such forum") from None
    forum.local_authority = la
    return forum


def _forum_context(request: HttpRequest, la: Any, **extra: Any) -> dict[str, Any]:
    return {"la": la, "can_edit": permissions.can_edit_plan(request.user, la), **extra}


@login_required
def forums(request: HttpRequest, slug: str) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug)
    today = timezone.localdate()
    items = []
    for forum in la.forums.prefetch_related("meetings"):
        meetings = list(forum.meetings.all())
        items.append(
            {
                "forum": forum,
                "last": next((m for m in reversed(meetings) if m.date <= today), None),
                "next": next((m for m in meetings if m.date > today), None),
            }
        )
    return render(request, "assessments/forums.html", _forum_context(request, la, items=items))


@login_required
def forum_detail(request: HttpRequest, slug: str, forum_pk: int) -> HttpResponse:
    forum = _forum_for(request, slug, forum_pk)
    la = forum.local_authority
    monitored = list(
        Requirement.objects.filter(monitoring__forums=forum, plan__local_authority=la)
        .select_related("plan")
        .order_by("plan", "number")
    )
    for requirement in monitored:
        requirement.plan.local_authority = la
    context = _forum_context(
        request,
        la,
        forum=forum,
        meetings=list(forum.meetings.order_by("-date")),
        monitored=monitored,
        today=timezone.localdate(),
    )
    return render(request, "assessments/forum.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def forum_edit(request: HttpRequest, slug: str, forum_pk: int | None = None) -> HttpResponse:
    if forum_pk is None:
        la = permissions.local_authority_for(request.user, slug, Can.EDIT_PLAN)
        forum = None
        initial: dict[str, Any] = {}
    else:
        forum = _forum_for(request, slug, forum_pk, Can.EDIT_PLAN)
        la = forum.local_authority
        initial = {"name": forum.name, "kind": forum.kind, "description": forum.description}
    form = ForumForm(_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            forum = services.save_forum(la, user=request.user, forum=forum, **form.cleaned_data)
        except services.AssessmentError as exc:
            form.add_error("name" if "called" in str(exc) else None, str(exc))
        else:
            messages.success(request, f"“{forum.name}” has been saved.")
            return redirect(forum)
    context = _forum_context(request, la, form=form, forum=forum)
    return render(request, "assessments/forum_form.html", context, status=_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def meeting_add(request: HttpRequest, slug: str, forum_pk: int) -> HttpResponse:
    forum = _forum_for(request, slug, forum_pk, Can.EDIT_PLAN)
    form = MeetingForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_meeting(forum, user=request.user, **form.cleaned_data)
        except services.AssessmentError as exc:
            form.add_error("date", str(exc))
        else:
            messages.success(request, f"The meeting has been added to {forum.name}.")
            return redirect(forum)
    context = _forum_context(request, forum.local_authority, form=form, forum=forum)
    return render(request, "assessments/meeting_form.html", context, status=_status(request, form))


@login_required
@require_POST
def meeting_remove(request: HttpRequest, slug: str, forum_pk: int, meeting_pk: int) -> HttpResponse:
    forum = _forum_for(request, slug, forum_pk, Can.EDIT_PLAN)
    try:
        meeting = forum.meetings.get(pk=meeting_pk)
    except ForumMeeting.DoesNotExist:
        raise Http404("No such meeting") from None
    meeting.forum = forum
    if not permissions.can_edit_plan(request.user, forum.local_authority):
        raise PermissionDenied
    services.remove_meeting(meeting, user=request.user)
    messages.success(request, "The meeting has been removed.")
    return redirect(forum)
