from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from ilacs.accounts import permissions
from ilacs.accounts.permissions import Action
from ilacs.audit.models import ReadKind
from ilacs.audit.services import record_read
from ilacs.inspections import queries, services
from ilacs.inspections.forms import ACCEPTED, UploadReportForm, WithdrawReportForm
from ilacs.inspections.models import Inspection
from ilacs.inspections.uploads import SizeLimitUploadHandler


def _inspection_for(request: HttpRequest, slug: str, pk: int) -> Inspection:
    """The inspection for its council's members; a published one (Inspection.is_public) for
    everyone signed in. 404 otherwise, so an unpublished upload does not leak."""
    la = permissions.public_local_authority(request.user, slug)
    try:
        inspection = Inspection.objects.select_related("local_authority", "improvement_plan").get(
            pk=pk, local_authority=la
        )
    except Inspection.DoesNotExist:
        raise Http404("No such inspection") from None
    if not inspection.is_public and not permissions.can_view(request.user, la):
        raise Http404("No such inspection")
    return inspection


@login_required
def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    inspection = _inspection_for(request, slug, pk)
    if inspection.withdrawn_at is not None:
        # Left out of the council's pages; its address says what happened.
        context = {"inspection": inspection, "la": inspection.local_authority}
        return render(request, "inspections/withdrawn.html", context)
    recommendations = list(inspection.recommendations.all())
    # What the council's previous inspection asked for on the same improvement topics.
    is_member = permissions.can_view(request.user, inspection.local_authority)
    held = queries.record_inspections(
        inspection.local_authority, include_unpublished=is_member, judgements=False
    )
    earlier = queries.earlier_asks(
        queries.recurring_weaknesses(inspection.local_authority, inspections=held), inspection
    )
    for recommendation in recommendations:
        recommendation.earlier = earlier.get(recommendation.pk, [])
    paragraphs = list(inspection.paragraphs.all())
    sections = [
        (section, list(items))
        for section, items in groupby(paragraphs, key=lambda p: p.section or "Findings")
    ]
    context = {
        "inspection": inspection,
        "la": inspection.local_authority,
        "judgements": list(inspection.judgements.all()),
        "recommendations": [r for r in recommendations if not r.is_lscb],
        "lscb_recommendations": [r for r in recommendations if r.is_lscb],
        "sections": sections,
        "paragraph_count": len(paragraphs),
        "is_member": is_member,
        "plan": getattr(inspection, "improvement_plan", None) if is_member else None,
        "can_edit_plan": permissions.can_edit_plan(request.user, inspection.local_authority),
        "can_upload": permissions.can_upload_report(request.user, inspection.local_authority),
    }
    return render(request, "inspections/detail.html", context)


@login_required
def source(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """The report file itself, only for those who may view the inspection. Always a download, so
    an uploaded web page is never shown as a page of this site."""
    inspection = _inspection_for(request, slug, pk)
    if not inspection.has_file:  # from the national dataset: there is no file to download
        raise Http404("This inspection has no report file")
    try:
        handle = inspection.source_file.open("rb")
    except FileNotFoundError:
        raise Http404("The report file is missing") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=inspection.download_filename,
        content_type=inspection.download_content_type,
    )
    record_read(
        request,
        inspection.local_authority,
        ReadKind.REPORT_DOWNLOAD,
        f"{inspection.download_filename} ({inspection.short_type_label}, {inspection.date_range})",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    # Should a browser ever show it (an uploaded web page), it runs nothing of this site's.
    response["Content-Security-Policy"] = "sandbox"
    return response


@csrf_exempt  # only so that the size limit is in place before the body is read: see _upload
def upload(request: HttpRequest, slug: str) -> HttpResponse:
    request.upload_handlers.insert(
        0, SizeLimitUploadHandler(request, max_bytes=services.max_upload_bytes())
    )
    return _upload(request, slug)


@csrf_protect
@login_required
@require_http_methods(["GET", "POST"])
def _upload(request: HttpRequest, slug: str) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug, Action.UPLOAD_REPORT)
    if request.method == "POST":
        form = UploadReportForm(request.POST, request.FILES)
    else:
        form = UploadReportForm()
    if getattr(request, "upload_too_large", False):
        form.is_valid()
        form.errors.clear()
        form.add_error("report", form.too_large_message())
    elif form.is_bound and form.is_valid():
        report = form.cleaned_data["report"]
        result = services.ingest_file(
            report.read(),
            report.name,
            user=request.user,
            local_authority=la,
            published=not form.cleaned_data.get("not_yet_published"),
        )
        if result.ok:
            inspection = result.inspections[0]
            if result.status == "created":
                messages.success(request, f"{report.name} has been added.")
            else:
                messages.info(request, f"{report.name} was already held: this is its page.")
            return redirect(inspection)
        form.add_error("report", " ".join(e.message for e in result.errors))
    context = {"la": la, "form": form, "accept": ACCEPTED}
    status = 400 if request.method == "POST" else 200
    return render(request, "inspections/upload.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Withdraw a report uploaded by mistake (editors and admins)."""
    permissions.local_authority_for(request.user, slug, Action.UPLOAD_REPORT)
    inspection = _inspection_for(request, slug, pk)
    if inspection.withdrawn_at is not None:
        return redirect(inspection)
    form = WithdrawReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_inspection(inspection, user=request.user, **form.cleaned_data)
        except services.WithdrawError as exc:
            form.add_error("reason", str(exc))
        else:
            messages.success(
                request,
                f"The report {inspection.source_filename} has been withdrawn. It is listed "
                "under Inspections, as withdrawn.",
            )
            return redirect(inspection.local_authority)
    context = {
        "inspection": inspection,
        "la": inspection.local_authority,
        "form": form,
        "has_plan": hasattr(inspection, "improvement_plan"),
    }
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "inspections/withdraw.html", context, status=status)


@login_required
@require_POST
def mark_published(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Ofsted has published a report the council uploaded before publication (editors, admins)."""
    permissions.local_authority_for(request.user, slug, Action.UPLOAD_REPORT)
    inspection = _inspection_for(request, slug, pk)
    if inspection.withdrawn_at is None and not inspection.ofsted_published:
        services.mark_published(inspection)
        messages.success(
            request, "The report is marked as published by Ofsted: everyone signed in can see it."
        )
    return redirect(inspection)
