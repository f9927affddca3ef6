"""Measures, scorecards, case audits and imports in the browser. Thin: permissions through
ilacs.accounts.permissions, reads through ilacs.measures.queries, writes through
ilacs.measures.services and ilacs.measures.imports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ilacs.accounts import permissions
from ilacs.accounts.permissions import Action as Can
from ilacs.measures import charts, history, imports, queries, services
from ilacs.measures.forms import (
    AuditResultForm,
    AuditStreamForm,
    ImportForm,
    MeasureForm,
    ScorecardForm,
    ValueForm,
)
from ilacs.measures.models import AuditStream, Measure, Scorecard
from ilacs.measures.periods import add_periods, period_start

SESSION_KEY = "ilacs_measures_import"


def _context(request: HttpRequest, la: Any, **extra: Any) -> dict[str, Any]:
    context = {
        "la": la,
        "can_define": permissions.can_define_measures(request.user, la),
        "can_enter": permissions.can_enter_values(request.user, la),
    }
    context.update(extra)
    return context


def _status(request: HttpRequest, form: Any) -> int:
    return 400 if request.method == "POST" and form.errors else 200


def _measure_for(request: HttpRequest, slug: str, pk: int, can: Can = Can.VIEW) -> Measure:
    la = permissions.local_authority_for(request.user, slug, can)
    try:
        measure = Measure.objects.select_related("owner_user", "theme__plan").get(
            pk=pk, local_authority=la
        )
    except Measure.DoesNotExist:
        raise Http404("No such measure") from None
    measure.local_authority = la
    return measure


def _stream_for(request: HttpRequest, slug: str, pk: int, can: Can = Can.VIEW) -> AuditStream:
    la = permissions.local_authority_for(request.user, slug, can)
    try:
        stream = AuditStream.objects.get(pk=pk, local_authority=la)
    except AuditStream.DoesNotExist:
        raise Http404("No such audit stream") from None
    stream.local_authority = la
    return stream


def _scorecard_for(request: HttpRequest, slug: str, pk: int, can: Can = Can.VIEW) -> Scorecard:
    la = permissions.local_authority_for(request.user, slug, can)
    try:
        card = Scorecard.objects.get(pk=pk, local_authority=la)
    except Scorecard.DoesNotExist:
        raise Http404("No such scorecard") from None
    card.local_authority = la
    return card


# --- Measures --------------------------------------------------------------------------------


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    """Every measure of the council with its latest value and RAG; scorecards; audit streams."""
    la = permissions.local_authority_for(request.user, slug)
    items = queries.summaries(queries.measures_for(la))
    context = _context(
        request,
        la,
        items=items,
        counts=queries.rag_counts(items),
        scorecards=list(la.scorecards.all()),
        audits=queries.audit_summaries(la),
        section="index",
    )
    return render(request, "measures/index.html", context)


def _measure_description(measure: Measure, item: queries.MeasureSummary) -> str:
    if not item.points:
        return "No values yet."
    first, last = item.points[0], item.points[-1]
    words = (
        f"{measure.frequency.capitalize()} values from {first.label} to {last.label}. "
        f"Latest: {measure.format(last.value)} in {last.label}"
    )
    if measure.target is not None:
        words += f", against a target of {measure.format(measure.target)}"
    return words + ". The same numbers are in the table."


@login_required
def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    measure = _measure_for(request, slug, pk)
    item = queries.summary(measure)
    chart = charts.trend_chart(
        title=f"{measure.name}: trend",
        description=_measure_description(measure, item),
        frequency=measure.frequency,
        unit=measure.unit,
        points=item.points,
        own_label=measure.local_authority.name,
        target=measure.target,
    )
    has = {
        key: any(getattr(p, key) is not None for p in item.points)
        for key in ("england", "statistical_neighbours", "region")
    }
    context = _context(
        request,
        measure.local_authority,
        measure=measure,
        item=item,
        chart=chart,
        has=has,
        rows=list(reversed(item.points)),
        actions=list(measure.actions.select_related("plan").order_by("plan", "number")),
        requirements=list(measure.requirements.select_related("plan").order_by("plan", "number")),
        scorecards=list(measure.scorecards.all()),
        changes=history.value_changes(measure),
    )
    return render(request, "measures/detail.html", context)


def _measure_fields(form: MeasureForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "name": data["name"],
        "description": data["description"],
        "unit": data["unit"],
        "direction": data["direction"],
        "frequency": data["frequency"],
        "target": data["target"],
        "amber_tolerance": data["amber_tolerance"],
        "owner_user": data["owner_user"],
        "owner_role": data["owner_role"],
        "framework_outcome": data["framework_outcome"],
        "theme": data["theme"],
    }


@login_required
@require_http_methods(["GET", "POST"])
def measure_add(request: HttpRequest, slug: str) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug, Can.DEFINE_MEASURES)
    form = MeasureForm(request.POST or None, la=la, initial={"amber_tolerance": "0"})
    if request.method == "POST" and form.is_valid():
        try:
            measure = services.create_measure(la, user=request.user, **_measure_fields(form))
            services.link_measure(
                measure,
                user=request.user,
                actions=form.cleaned_data["actions"],
                requirements=form.cleaned_data["requirements"],
            )
        except services.MeasureError as exc:
            form.add_error("name" if "name" in str(exc) else None, str(exc))
        else:
            messages.success(request, f"The measure “{measure.name}” has been added.")
            return redirect(measure)
    context = _context(request, la, form=form, measure=None)
    return render(request, "measures/measure_form.html", context, status=_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def measure_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    measure = _measure_for(request, slug, pk, Can.DEFINE_MEASURES)
    la = measure.local_authority
    form = MeasureForm(request.POST or None, la=la, initial=MeasureForm.initial_for(measure))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_measure(measure, user=request.user, **_measure_fields(form))
            services.link_measure(
                measure,
                user=request.user,
                actions=form.cleaned_data["actions"],
                requirements=form.cleaned_data["requirements"],
            )
        except services.MeasureError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "The measure has been saved.")
            return redirect(measure)
    context = _context(request, la, form=form, measure=measure)
    return render(request, "measures/measure_form.html", context, status=_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def value_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Enter a period's value, or correct one (the period is given in the address)."""
    measure = _measure_for(request, slug, pk, Can.ENTER_VALUES)
    initial: dict[str, Any] = {}
    latest = queries.latest_value(measure)
    period = request.GET.get("period")
    existing = None
    if period:
        from ilacs.measures.periods import PeriodError, parse_period

        try:
            existing = measure.values.filter(period=parse_period(measure.frequency, period)).first()
        except PeriodError:
            existing = None
    if existing is not None:
        from ilacs.measures.units import plain_number

        initial = {
            "period": measure.period_label(existing.period),
            "note": existing.note,
            **{
                key: "" if getattr(existing, key) is None else plain_number(getattr(existing, key))
                for key in ("value", "england", "statistical_neighbours", "region")
            },
        }
    else:
        base = latest.period if latest else period_start(measure.frequency, _today())
        initial = {"period": measure.period_label(add_periods(measure.frequency, base, 1))}
        if latest is None:
            initial = {}
    form = ValueForm(request.POST or None, frequency=measure.frequency, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = services.ValueInput(
            period=data["period"],
            value=data["value"],
            england=data["england"],
            statistical_neighbours=data["statistical_neighbours"],
            region=data["region"],
            note=data["note"],
        )
        try:
            _row, outcome = services.record_value(measure, user=request.user, item=item)
        except services.MeasureError as exc:
            form.add_error("value", str(exc))
        else:
            label = measure.period_label(item.period)
            text = {
                services.CREATED: f"The value for {label} has been added.",
                services.CORRECTED: f"The value for {label} has been corrected. The value before "
                "is kept in the measure's history.",
                services.UNCHANGED: f"Nothing changed: {label} already had these figures.",
            }[outcome]
            messages.success(request, text)
            return redirect(measure)
    context = _context(
        request, measure.local_authority, measure=measure, form=form, existing=existing
    )
    return render(request, "measures/value_form.html", context, status=_status(request, form))


def _today() -> Any:
    from django.utils import timezone

    return timezone.localdate()


# --- Scorecards ------------------------------------------------------------------------------


def _sparkline_description(measure: Measure, item: queries.MeasureSummary) -> str:
    if not item.points:
        return "No values yet."
    first, last = item.points[0], item.points[-1]
    return (
        f"From {measure.format(first.value)} in {first.label} to "
        f"{measure.format(last.value)} in {last.label}."
    )


@login_required
def scorecard(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    card = _scorecard_for(request, slug, pk)
    la = card.local_authority
    measures = queries.measures_for(la).filter(scorecards=card)
    since = add_periods("monthly", period_start("monthly", _today()), -24)
    items = queries.summaries(measures, since=since)
    for item in items:
        item.measure.local_authority = la
        item.sparkline = charts.sparkline(
            title=f"{item.measure.name}: trend",
            description=_sparkline_description(item.measure, item),
            points=item.points,
            unit=item.measure.unit,
        )
    context = _context(request, la, scorecard=card, items=items, counts=queries.rag_counts(items))
    return render(request, "measures/scorecard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def scorecard_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    if pk is None:
        la = permissions.local_authority_for(request.user, slug, Can.DEFINE_MEASURES)
        card = None
        initial: dict[str, Any] = {}
    else:
        card = _scorecard_for(request, slug, pk, Can.DEFINE_MEASURES)
        la = card.local_authority
        initial = {
            "name": card.name,
            "description": card.description,
            "measures": list(card.measures.values_list("pk", flat=True)),
        }
    form = ScorecardForm(request.POST or None, la=la, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            card = services.save_scorecard(
                la,
                user=request.user,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                measures=form.cleaned_data["measures"],
                scorecard=card,
            )
        except services.MeasureError as exc:
            form.add_error("name", str(exc))
        else:
            messages.success(request, f"The scorecard “{card.name}” has been saved.")
            return redirect(card)
    context = _context(request, la, form=form, scorecard=card)
    return render(request, "measures/scorecard_form.html", context, status=_status(request, form))


# --- Case audits -----------------------------------------------------------------------------


@login_required
def audit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    stream = _stream_for(request, slug, pk)
    points = queries.audit_series(stream)
    if points:
        description = (
            f"% of cases graded good or better, from {points[0].label} "
            f"({points[0].percent}%) to {points[-1].label} ({points[-1].percent}%). The same "
            "numbers are in the table."
        )
    else:
        description = "No results yet."
    chart = charts.trend_chart(
        title=f"{stream.name}: % of cases good or better",
        description=description,
        frequency=stream.frequency,
        unit="percent",
        points=points,
        own_label="% good or better",
        target=stream.target,
        comparators=False,
    )
    context = _context(
        request,
        stream.local_authority,
        stream=stream,
        points=list(reversed(points)),
        chart=chart,
        latest=points[-1] if points else None,
    )
    return render(request, "measures/audit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def audit_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    if pk is None:
        la = permissions.local_authority_for(request.user, slug, Can.DEFINE_MEASURES)
        stream = None
        initial: dict[str, Any] = {"frequency": "quarterly"}
    else:
        stream = _stream_for(request, slug, pk, Can.DEFINE_MEASURES)
        la = stream.local_authority
        initial = AuditStreamForm.initial_for(stream)
    form = AuditStreamForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            stream = services.save_audit_stream(
                la, user=request.user, stream=stream, **form.cleaned_data
            )
        except services.MeasureError as exc:
            form.add_error("name" if "called" in str(exc) else None, str(exc))
        else:
            messages.success(request, f"The audit stream “{stream.name}” has been saved.")
            return redirect(stream)
    context = _context(request, la, form=form, stream=stream)
    return render(request, "measures/audit_form.html", context, status=_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def audit_result_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    stream = _stream_for(request, slug, pk, Can.ENTER_VALUES)
    form = AuditResultForm(request.POST or None, frequency=stream.frequency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = services.AuditInput(
            period=data["period"],
            cases_audited=data["cases_audited"],
            outstanding=data["outstanding"] or 0,
            good=data["good"] or 0,
            requires_improvement=data["requires_improvement"] or 0,
            inadequate=data["inadequate"] or 0,
            learning=data["learning"],
        )
        try:
            _row, outcome = services.record_audit_result(stream, user=request.user, item=item)
        except services.MeasureError as exc:
            form.add_error("cases_audited", str(exc))
        else:
            label = stream.period_label(item.period)
            messages.success(
                request,
                f"The results for {label} have been "
                + ("added." if outcome == services.CREATED else "saved."),
            )
            return redirect(stream)
    context = _context(request, stream.local_authority, stream=stream, form=form)
    return render(
        request, "measures/audit_result_form.html", context, status=_status(request, form)
    )


# --- Import ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload a file; if every row is good, show what it will do and ask to confirm."""
    la = permissions.local_authority_for(request.user, slug, Can.ENTER_VALUES)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            imports.check_size(upload.size)
            parsed = imports.parse(la, upload.read(), upload.name)
        except imports.ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            if parsed.ok:
                request.session[SESSION_KEY] = {
                    "la": la.pk,
                    "filename": upload.name,
                    "skipped": parsed.skipped,
                    "rows": imports.to_session(parsed),
                }
                return redirect("measures:import_preview", la.slug)
            errors = parsed.file_errors + [str(e) for e in parsed.errors]
            form.add_error(
                "file",
                f"The file has {len(errors)} problem{'s' if len(errors) != 1 else ''}. Nothing "
                "was imported. Correct the file and upload it again.",
            )
    context = _context(request, la, form=form, problems=errors, section="import")
    return render(request, "measures/import.html", context, status=_status(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, slug: str) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug, Can.ENTER_VALUES)
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("la") != la.pk:
        messages.info(request, "Upload a file to import first.")
        return redirect("measures:import", la.slug)
    try:
        parsed = imports.from_session(la, pending["rows"])
    except imports.ImportFileError as exc:
        del request.session[SESSION_KEY]
        messages.error(request, str(exc))
        return redirect("measures:import", la.slug)
    if request.method == "POST":
        try:
            counts = services.apply_rows(
                la,
                user=request.user,
                values=[(m, i) for m, i, _ in parsed.values],
                audits=[(s, i) for s, i, _ in parsed.audits],
            )
        except services.MeasureError as exc:
            messages.error(request, f"Nothing was imported: {exc}")
            return redirect("measures:import", la.slug)
        del request.session[SESSION_KEY]
        messages.success(
            request,
            f"{pending['filename']} has been imported: {counts['created']} new, "
            f"{counts['corrected']} corrected, {counts['unchanged']} unchanged.",
        )
        return redirect("measures:index", la.slug)
    rows = imports.preview(parsed)
    outcomes = {
        name: sum(1 for r in rows if r.outcome == name)
        for name in ("New", "Correction", "Unchanged")
    }
    context = _context(
        request,
        la,
        rows=rows,
        outcomes=outcomes,
        filename=pending["filename"],
        skipped=pending["skipped"],
        section="import",
    )
    return render(request, "measures/import_preview.html", context)


@login_required
def import_template(request: HttpRequest, slug: str, kind: str, fmt: str) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug, Can.ENTER_VALUES)
    if kind not in ("values", "audits") or fmt not in ("csv", "xlsx"):
        raise Http404("No such template")
    if fmt == "xlsx":
        body = imports.template_xlsx(la)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        name = f"{la.slug}-import-template.xlsx"
    else:
        body = imports.template_csv(la, kind)
        content_type = "text/csv; charset=utf-8"
        name = f"{la.slug}-{kind}-template.csv"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
