"""The Documents page of a plan, the downloads, and a council's templates. Thin: every file is
made by ilacs.exports.documents.generate, as `ilacs export` makes it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from ilacs.accounts import permissions
from ilacs.accounts.permissions import Action as Can
from ilacs.exports import data, services
from ilacs.exports.documents import FORMAT_NAMES, KINDS, ExportError, ExportFile, generate
from ilacs.exports.forms import HouseStyleForm, ProgressReportForm
from ilacs.exports.models import CouncilTemplate
from ilacs.plans.models import ImprovementPlan


def _plan_for(request: HttpRequest, slug: str, pk: int, can: Can = Can.VIEW) -> ImprovementPlan:
    la = permissions.local_authority_for(request.user, slug, can)
    try:
        plan = ImprovementPlan.objects.select_related("inspection").get(pk=pk, local_authority=la)
    except ImprovementPlan.DoesNotExist:
        raise Http404("No such improvement plan") from None
    plan.local_authority = la
    plan.inspection.local_authority = la
    return plan


def _file(document: ExportFile) -> HttpResponse:
    response = HttpResponse(document.content, content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _page(
    request: HttpRequest,
    plan: ImprovementPlan,
    *,
    progress_form: ProgressReportForm | None = None,
    style_form: HouseStyleForm | None = None,
    problem: str = "",
    status: int = 200,
) -> HttpResponse:
    can_edit = permissions.can_edit_plan(request.user, plan.local_authority)
    templates = {
        t.kind: t
        for t in CouncilTemplate.objects.filter(local_authority=plan.local_authority)
        .select_related("uploaded_by")
        .defer("content")
    }
    context: dict[str, Any] = {
        "plan": plan,
        "la": plan.local_authority,
        "plan_url": reverse("plans:detail", args=[plan.local_authority.slug, plan.pk]),
        "can_edit": can_edit,
        "kinds": [
            (kind, [(fmt, FORMAT_NAMES[fmt]) for fmt in kind.formats]) for kind in KINDS.values()
        ],
        "progress_form": progress_form or ProgressReportForm(initial={"format": "docx"}),
        "style_form": style_form or HouseStyleForm(),
        "templates": [
            (kind, label, templates.get(kind))
            for kind, label in HouseStyleForm.base_fields["kind"].choices
        ],
        "problem": problem,
        "section": "plan",
        "subpage": True,
    }
    return render(request, "exports/documents.html", context, status=status)


@login_required
@require_GET
def documents(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _page(request, _plan_for(request, slug, pk))


@login_required
@require_GET
def download(request: HttpRequest, slug: str, pk: int, kind: str, fmt: str) -> HttpResponse:
    plan = _plan_for(request, slug, pk)
    if kind not in KINDS or fmt not in KINDS[kind].formats or KINDS[kind].needs_period:
        raise Http404("No such document")
    round_id = None
    if kind == "self-assessment-report" and request.GET.get("round"):
        try:
            round_id = int(request.GET["round"])
        except ValueError:
            raise Http404("No such self-assessment round") from None
    try:
        return _file(generate(kind, plan, fmt, today=timezone.localdate(), round_id=round_id))
    except ExportError as exc:
        return _page(request, plan, problem=str(exc), status=400)


@login_required
@require_GET
def progress_report(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk)
    form = ProgressReportForm(request.GET)
    if not form.is_valid():
        return _page(request, plan, progress_form=form, status=400)
    try:
        document = generate(
            "progress-report",
            plan,
            form.cleaned_data["format"],
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            forum=form.cleaned_data["forum"],
        )
    except ExportError as exc:
        return _page(request, plan, progress_form=form, problem=str(exc), status=400)
    return _file(document)


@login_required
@require_POST
def house_style(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _plan_for(request, slug, pk, Can.EDIT_PLAN)
    if "remove" in request.POST:
        kind = request.POST["remove"]
        if services.remove_template(plan, user=request.user, kind=kind):
            messages.success(request, "The council's template was removed: the built-in layout "
                             "is used again.")  # fmt: skip
        return redirect("exports:documents", slug, pk)
    form = HouseStyleForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, plan, style_form=form, status=400)
    kind = form.cleaned_data["kind"]
    upload = form.cleaned_data["template"]
    payload = {
        "progress-report": lambda: data.progress_data(
            plan, plan.last_board_meeting or plan.report_published, timezone.localdate()
        ),
        "cabinet-report": lambda: data.cabinet_data(plan),
    }.get(kind, lambda: data.plan_data(plan))()
    try:
        services.upload_template(
            plan,
            user=request.user,
            kind=kind,
            content=upload.read(),
            filename=upload.name,
            data=payload,
        )
    except ExportError as exc:
        form.add_error("template", str(exc))
        return _page(request, plan, style_form=form, status=400)
    messages.success(
        request, f"The council's template for the {KINDS[kind].name.lower()} was saved."
    )
    return redirect("exports:documents", slug, pk)
