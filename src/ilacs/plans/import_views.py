"""Importing an existing action plan in the browser: upload -> choose what each column is ->
preview (or the rows' problems) -> confirm. Thin: the work is in ilacs.plans.imports. The file
waits in the session between the steps; nothing is written before the confirmation, and then
all of it or none of it."""

from __future__ import annotations

import base64
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ilacs.accounts import permissions
from ilacs.accounts.permissions import Action as Can
from ilacs.inspections.models import Inspection
from ilacs.plans import imports, services
from ilacs.plans.forms import ImportMappingForm, ImportUploadForm
from ilacs.tables import ImportFileError, check_size

SESSION_KEY = "plan_import"


def _inspection_for(request: HttpRequest, slug: str, inspection_pk: int) -> Inspection:
    la = permissions.local_authority_for(request.user, slug, Can.EDIT_PLAN)
    try:
        inspection = Inspection.objects.get(
            pk=inspection_pk, local_authority=la, withdrawn_at__isnull=True
        )
    except Inspection.DoesNotExist:
        raise Http404("No such inspection") from None
    inspection.local_authority = la
    return inspection


def _context(inspection: Inspection, **extra: Any) -> dict[str, Any]:
    return {
        "la": inspection.local_authority,
        "inspection": inspection,
        "plan": imports.preview_plan(inspection),
        **extra,
    }


def _pending(request: HttpRequest, inspection: Inspection) -> dict[str, Any] | None:
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("inspection") != inspection.pk:
        return None
    return pending


def _read_pending(pending: dict[str, Any]) -> imports.FileTables:
    return imports.read(base64.b64decode(pending["data"]), pending["filename"])


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, slug: str, inspection_pk: int) -> HttpResponse:
    inspection = _inspection_for(request, slug, inspection_pk)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_size(upload.size)
            data = upload.read()
            imports.read(data, upload.name)
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            request.session[SESSION_KEY] = {
                "inspection": inspection.pk,
                "filename": upload.name,
                "data": base64.b64encode(data).decode("ascii"),
            }
            return redirect("plans:import_columns", slug, inspection.pk)
    status = 400 if form.errors else 200
    return render(
        request, "plans/import_upload.html", _context(inspection, form=form), status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def columns(request: HttpRequest, slug: str, inspection_pk: int) -> HttpResponse:
    inspection = _inspection_for(request, slug, inspection_pk)
    pending = _pending(request, inspection)
    if pending is None:
        messages.info(request, "Upload the action plan first.")
        return redirect("plans:import", slug, inspection.pk)
    try:
        found = _read_pending(pending)
    except ImportFileError as exc:
        messages.error(request, str(exc))
        return redirect("plans:import", slug, inspection.pk)
    headings = found.distinct_headings()
    la = inspection.local_authority
    initial = imports.guess_mapping(found.headings, imports.saved_mapping(la))
    form = ImportMappingForm(
        request.POST or None, headings=headings, initial_mapping=initial, tables=found.headings
    )
    if request.method == "POST" and form.is_valid():
        mapping = form.mapping()
        imports.remember_mapping(la, mapping, request.user)
        pending["mapping"] = mapping
        request.session[SESSION_KEY] = pending
        return redirect("plans:import_preview", slug, inspection.pk)
    examples = _examples(found)
    context = _context(
        inspection,
        form=form,
        filename=pending["filename"],
        fields=[
            (form[f"column_{i}"], examples.get(imports.heading_key(h), ""))
            for i, h in enumerate(headings)
        ],
        remembered=bool(imports.saved_mapping(la)),
    )
    return render(request, "plans/import_columns.html", context, status=400 if form.errors else 200)


def _examples(found: imports.FileTables) -> dict[str, str]:
    """The first filled cell under each heading, to help choose what the column is."""
    examples: dict[str, str] = {}
    for index, table in enumerate(found.tables):
        for i, heading in enumerate(found.headings[index]):
            key = imports.heading_key(heading)
            if not key or key in examples:
                continue
            for row in table.rows[found.header_rows[index] :]:
                if i < len(row) and not row[i].blank:
                    text = row[i].text
                    examples[key] = text if len(text) <= 80 else text[:77] + "…"
                    break
    return examples


@login_required
@require_http_methods(["GET", "POST"])
def preview(request: HttpRequest, slug: str, inspection_pk: int) -> HttpResponse:
    inspection = _inspection_for(request, slug, inspection_pk)
    pending = _pending(request, inspection)
    if pending is None or "mapping" not in pending:
        messages.info(request, "Upload the action plan first.")
        return redirect("plans:import", slug, inspection.pk)
    try:
        found = _read_pending(pending)
    except ImportFileError as exc:
        messages.error(request, str(exc))
        return redirect("plans:import", slug, inspection.pk)
    parsed = imports.parse(inspection, found, pending["mapping"])
    if request.method == "POST" and parsed.ok:
        try:
            outcome = imports.apply(
                inspection, parsed, user=request.user, filename=pending["filename"]
            )
        except (services.PlanError, PermissionDenied) as exc:
            messages.error(request, f"Nothing was imported: {exc}")
        else:
            del request.session[SESSION_KEY]
            outcome.plan.local_authority = inspection.local_authority
            messages.success(
                request,
                f"{pending['filename']} has been imported: {outcome.actions} action"
                f"{'s' if outcome.actions != 1 else ''}, {outcome.themes} new theme"
                f"{'s' if outcome.themes != 1 else ''} and {outcome.updates} progress update"
                f"{'s' if outcome.updates != 1 else ''}.",
            )
            return redirect(outcome.plan)
    context = _context(
        inspection,
        filename=pending["filename"],
        parsed=parsed,
        themes=parsed.themes(),
    )
    return render(request, "plans/import_preview.html", context, status=200 if parsed.ok else 400)
