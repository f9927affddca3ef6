"""Self-evaluation pages: the council's list, start one (editors and admins), read it beside the
evidence, change a section (editors and admins), a section's earlier versions, and last year's
beside this year's."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ilacs.accounts import permissions
from ilacs.accounts.permissions import Action as Can
from ilacs.localauthorities.models import LocalAuthority
from ilacs.selfevaluation import queries, services
from ilacs.selfevaluation.forms import SectionForm, StartForm
from ilacs.selfevaluation.models import SECTION_SLUGS, Section, SelfEvaluation


def _self_evaluation(
    request: HttpRequest, slug: str, year: int, can: Can = Can.VIEW
) -> SelfEvaluation:
    la = permissions.local_authority_for(request.user, slug, can)
    try:
        found = SelfEvaluation.objects.select_related("plan", "created_by").get(
            local_authority=la, year=year
        )
    except SelfEvaluation.DoesNotExist:
        raise Http404("No self-evaluation for that year") from None
    found.local_authority = la
    if found.plan is not None:
        found.plan.local_authority = la
    return found


def _sections(self_evaluation: SelfEvaluation) -> list[Section]:
    sections = list(self_evaluation.sections.select_related("updated_by"))
    for section in sections:
        section.self_evaluation = self_evaluation
    return sorted(sections, key=lambda s: s.order)


def _section(self_evaluation: SelfEvaluation, kind: str) -> Section:
    if kind not in SECTION_SLUGS:
        raise Http404("No such section")
    try:
        section = self_evaluation.sections.select_related("updated_by").get(kind=kind)
    except Section.DoesNotExist:
        raise Http404("No such section") from None
    section.self_evaluation = self_evaluation
    return section


def _context(request: HttpRequest, la: LocalAuthority, **extra: Any) -> dict[str, Any]:
    return {"la": la, "can_write": services.can_write(request.user, la), **extra}


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug)
    evaluations = list(la.self_evaluations.prefetch_related("sections"))
    for evaluation in evaluations:
        sections = list(evaluation.sections.all())
        evaluation.written = sum(1 for s in sections if s.text)
        saved = [s.updated_at for s in sections if s.updated_at]
        evaluation.last_saved = max(saved) if saved else None
    context = _context(request, la, evaluations=evaluations, this_year=timezone.localdate().year)
    return render(request, "selfevaluation/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, slug: str) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug, Can.EDIT_PLAN)
    plans = la.improvement_plans.order_by("-created_at", "-pk")
    today = timezone.localdate()
    if request.method == "POST":
        form = StartForm(request.POST, plans=plans)
    else:
        form = StartForm(initial={"year": today.year, "as_at": today}, plans=plans)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.start(
                la,
                user=request.user,
                year=data["year"],
                as_at=data["as_at"],
                plan=data["plan"],
                from_last_year=data["from_last_year"],
            )
        except services.SelfEvaluationError as exc:
            form.add_error(exc.field, str(exc))
        else:
            messages.success(request, f"{created.title} has been started.")
            return redirect(created)
    status = 400 if form.errors else 200
    return render(
        request, "selfevaluation/start.html", _context(request, la, form=form), status=status
    )


@login_required
def detail(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    self_evaluation = _self_evaluation(request, slug, year)
    la = self_evaluation.local_authority
    today = timezone.localdate()
    context = _context(
        request,
        la,
        se=self_evaluation,
        sections=_sections(self_evaluation),
        evidence=queries.evidence_for(la, self_evaluation.plan, today, self_evaluation.as_at),
        last_year=services.previous_year(self_evaluation),
    )
    return render(request, "selfevaluation/detail.html", context)


@login_required
def compare(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    self_evaluation = _self_evaluation(request, slug, year)
    last_year = services.previous_year(self_evaluation)
    before = {s.kind: s for s in last_year.sections.all()} if last_year else {}
    pairs = [(section, before.get(section.kind)) for section in _sections(self_evaluation)]
    context = _context(
        request,
        self_evaluation.local_authority,
        se=self_evaluation,
        last_year=last_year,
        pairs=pairs,
    )
    return render(request, "selfevaluation/compare.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, slug: str, year: int, kind: str) -> HttpResponse:
    self_evaluation = _self_evaluation(request, slug, year, Can.EDIT_PLAN)
    section = _section(self_evaluation, kind)
    conflict = None
    if request.method == "POST":
        form = SectionForm(request.POST)
        if form.is_valid():
            try:
                saved = services.save_section(
                    section,
                    user=request.user,
                    text=form.cleaned_data["text"],
                    loaded_version=form.cleaned_data["loaded_version"],
                )
            except services.SectionConflict as exc:
                conflict = exc.current
                # Their text stays in the box; the version moves on so a second save keeps it.
                form = SectionForm(
                    initial={"text": exc.attempted, "loaded_version": conflict.version}
                )
                form.is_bound = False
            else:
                if saved.version == section.version:
                    messages.info(request, "Nothing had changed, so no new version was saved.")
                else:
                    messages.success(
                        request, f"{section.heading} has been saved as version {saved.version}."
                    )
                return redirect(f"{self_evaluation.get_absolute_url()}#section-{section.kind}")
    else:
        form = SectionForm(initial={"text": section.text, "loaded_version": section.version})
    context = _context(
        request,
        self_evaluation.local_authority,
        se=self_evaluation,
        section=section,
        form=form,
        conflict=conflict,
    )
    status = 409 if conflict else (400 if form.errors else 200)
    return render(request, "selfevaluation/section_form.html", context, status=status)


@login_required
def section_versions(request: HttpRequest, slug: str, year: int, kind: str) -> HttpResponse:
    self_evaluation = _self_evaluation(request, slug, year)
    section = _section(self_evaluation, kind)
    context = _context(
        request,
        self_evaluation.local_authority,
        se=self_evaluation,
        section=section,
        versions=services.versions(section),
    )
    return render(request, "selfevaluation/section_versions.html", context)


@login_required
def section_version(
    request: HttpRequest, slug: str, year: int, kind: str, number: int
) -> HttpResponse:
    self_evaluation = _self_evaluation(request, slug, year)
    section = _section(self_evaluation, kind)
    found = services.version(section, number)
    if found is None:
        raise Http404("No such version")
    context = _context(
        request,
        self_evaluation.local_authority,
        se=self_evaluation,
        section=section,
        version=found,
        is_current=found.number == section.version,
    )
    return render(request, "selfevaluation/section_version.html", context)
