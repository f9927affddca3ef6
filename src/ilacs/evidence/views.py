"""Evidence pages: attach a file to an action or a progress update, download it (members of the
council only, always as a download), delete it (editors and admins)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from ilacs.accounts import permissions
from ilacs.accounts.permissions import Action as Can
from ilacs.audit.models import ReadKind
from ilacs.audit.services import record_read
from ilacs.evidence import services
from ilacs.evidence.forms import EvidenceForm
from ilacs.evidence.kinds import ACCEPT_ATTRIBUTE
from ilacs.evidence.models import EvidenceFile
from ilacs.inspections.uploads import SizeLimitUploadHandler
from ilacs.plans.models import Action, ImprovementPlan, ProgressUpdate


def _action(request: HttpRequest, slug: str, pk: int, number: int) -> Action:
    la = permissions.local_authority_for(request.user, slug)
    try:
        plan = ImprovementPlan.objects.get(pk=pk, local_authority=la)
        action = Action.objects.select_related("lead_user").get(plan=plan, number=number)
    except (ImprovementPlan.DoesNotExist, Action.DoesNotExist):
        raise Http404("No such action") from None
    plan.local_authority = la
    action.plan = plan
    return action


def _update(action: Action, update_pk: int) -> ProgressUpdate:
    try:
        update = action.updates.get(pk=update_pk)
    except ProgressUpdate.DoesNotExist:
        raise Http404("No such progress update") from None
    update.action = action
    return update


def _with_size_limit(view):
    """Refuse an oversized file while it arrives: the handler must be in place before the body
    is read, which CSRF checking would do, so CSRF is checked inside (see inspections.upload)."""

    @csrf_exempt
    def wrapped(request: HttpRequest, *args, **kwargs):
        request.upload_handlers.insert(
            0, SizeLimitUploadHandler(request, max_bytes=services.max_bytes())
        )
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _attach(request: HttpRequest, action: Action, target: Action | ProgressUpdate) -> HttpResponse:
    if not services.can_attach(request.user, target):
        raise PermissionDenied
    if request.method == "POST":
        form = EvidenceForm(request.POST, request.FILES)
    else:
        form = EvidenceForm()
    if getattr(request, "upload_too_large", False):
        form.is_valid()
        form.errors.pop("file", None)
        form.add_error("file", services.too_large_message())
    elif form.is_bound and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            evidence = services.attach(
                target,
                user=request.user,
                data=upload.read(),
                filename=upload.name,
                description=form.cleaned_data["description"],
                effective_date=form.cleaned_data["effective_date"],
            )
        except services.EvidenceError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, f"{evidence.original_filename} has been attached.")
            anchor = "evidence" if target is action else f"update-{target.pk}"
            return redirect(f"{action.get_absolute_url()}#{anchor}")
    context = {
        "la": action.plan.local_authority,
        "plan": action.plan,
        "action": action,
        "update": None if target is action else target,
        "form": form,
        "accept": ACCEPT_ATTRIBUTE,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "evidence/attach.html", context, status=status)


@csrf_protect
@login_required
@require_http_methods(["GET", "POST"])
def _attach_to_action(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    action = _action(request, slug, pk, number)
    return _attach(request, action, action)


@csrf_protect
@login_required
@require_http_methods(["GET", "POST"])
def _attach_to_update(
    request: HttpRequest, slug: str, pk: int, number: int, update_pk: int
) -> HttpResponse:
    action = _action(request, slug, pk, number)
    return _attach(request, action, _update(action, update_pk))


attach_to_action = _with_size_limit(_attach_to_action)
attach_to_update = _with_size_limit(_attach_to_update)


def _evidence_for(request: HttpRequest, slug: str, file_pk: int, can: Can = Can.VIEW):
    la = permissions.local_authority_for(request.user, slug, can)
    try:
        evidence = EvidenceFile.objects.select_related(
            "action__plan", "progress_update__action__plan", "uploaded_by"
        ).get(pk=file_pk, local_authority=la)
    except EvidenceFile.DoesNotExist:
        raise Http404("No such evidence file") from None
    evidence.local_authority = la
    return evidence


@login_required
def download(request: HttpRequest, slug: str, file_pk: int) -> FileResponse:
    """The file itself, for the council's members: always a download, never shown as a page of
    this site."""
    evidence = _evidence_for(request, slug, file_pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.download_filename,
        content_type=evidence.content_type,
    )
    record_read(
        request,
        evidence.local_authority,
        ReadKind.EVIDENCE_DOWNLOAD,
        f"{evidence.download_filename}: {evidence.description}",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, slug: str, file_pk: int) -> HttpResponse:
    """Ask, then delete (editors and admins)."""
    evidence = _evidence_for(request, slug, file_pk, Can.EDIT_PLAN)
    target = evidence.target
    action = services.action_of(target)
    back = action.get_absolute_url()
    if request.method == "POST":
        try:
            services.remove(evidence, user=request.user)
        except services.EvidenceError as exc:
            messages.info(request, str(exc))
        else:
            messages.success(request, f"{evidence.original_filename} has been deleted.")
        return redirect(back)
    context = {
        "la": evidence.local_authority,
        "evidence": evidence,
        "action": action,
        "plan": action.plan,
        "back": back,
    }
    return render(request, "evidence/delete.html", context)
