from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from ilacs.accounts import emails, permissions, services
from ilacs.accounts.forms import (
    AddMemberForm,
    ChangeRoleForm,
    GovukPasswordChangeForm,
    GovukPasswordResetForm,
    GovukSetPasswordForm,
    SignInForm,
    role_options,
)
from ilacs.accounts.models import ROLE_DESCRIPTIONS, Membership, Role
from ilacs.accounts.permissions import Action
from ilacs.localauthorities.models import LocalAuthority


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lockout_failures"] = settings.ILACS_LOCKOUT_FAILURES
        return context


class SignOutView(auth_views.LogoutView):
    """POST only (Django 5): the sign-out button in the header is a form."""

    template_name = "accounts/signed_out.html"


def _minutes(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour" + ("s" if hours != 1 else "")
    return f"{minutes} minute" + ("s" if minutes != 1 else "")


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE), in plain words."""
    cooloff = settings.AXES_COOLOFF_TIME
    context = {"pause": _minutes(cooloff.total_seconds()) if cooloff else None}
    return render(request, "accounts/locked_out.html", context, status=429)


# --- Your own password ----------------------------------------------------------------------------


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = GovukPasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a link by e-mail. Says the same whether or not the address has an account."""

    template_name = "accounts/password_reset.html"
    form_class = GovukPasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = GovukSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# --- A council's members (its admins and service administrators) --------------------------------


def _membership(la: LocalAuthority, pk: int) -> Membership:
    try:
        return Membership.objects.select_related("user").get(pk=pk, local_authority=la)
    except Membership.DoesNotExist:
        raise Http404("No such member") from None


@login_required
def members(request: HttpRequest, slug: str) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug, Action.MANAGE_MEMBERS)
    memberships = list(
        Membership.objects.filter(local_authority=la)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    context = {
        "la": la,
        "memberships": memberships,
        "roles": [(Role(value).label, ROLE_DESCRIPTIONS[Role(value)]) for value in Role.values],
    }
    return render(request, "accounts/members.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, slug: str) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug, Action.MANAGE_MEMBERS)
    form = AddMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership, created = services.add_member(
                la,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                role=data["role"],
                by=request.user,
            )
        except services.MembershipRefused as refused:
            form.add_error("email", str(refused))
        else:
            role_name = membership.get_role_display()
            emails.send_invitation(
                membership.user,
                la,
                role_name,
                invited_by=request.user,
                base_url=request.build_absolute_uri("/"),
                new_account=created,
            )
            who = membership.user.get_full_name() or membership.user.get_username()
            if created:
                messages.success(
                    request,
                    f"{who} has been added as {role_name.lower()}. We have sent them an email "
                    "with a link to choose their password.",
                )
            else:
                messages.success(
                    request,
                    f"{who} has been added as {role_name.lower()}. We have told them by email.",
                )
            return redirect("members:list", slug=la.slug)
    context = {"la": la, "form": form, "role_options": role_options(form["role"])}
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/member_add.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def member_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug, Action.MANAGE_MEMBERS)
    membership = _membership(la, pk)
    form = ChangeRoleForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            role = form.cleaned_data["role"]
            membership = services.change_role(membership, role, by=request.user)
        except services.MembershipRefused as refused:
            form.add_error("role", str(refused))
        else:
            who = membership.user.get_full_name() or membership.user.get_username()
            messages.success(request, f"{who} is now {membership.get_role_display().lower()}.")
            return redirect("members:list", slug=la.slug)
    context = {
        "la": la,
        "membership": membership,
        "form": form,
        "role_options": role_options(form["role"]),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/member_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug, Action.MANAGE_MEMBERS)
    membership = _membership(la, pk)
    error = ""
    if request.method == "POST":
        who = membership.user.get_full_name() or membership.user.get_username()
        try:
            switched_off = services.remove_member(membership, by=request.user)
        except services.MembershipRefused as refused:
            error = str(refused)
        else:
            note = (
                " They belong to no other council, so their account has been switched off. "
                "Their name stays on what they wrote."
                if switched_off
                else ""
            )
            messages.success(request, f"{who} has been removed from {la.name}.{note}")
            if membership.user_id == request.user.pk and not request.user.is_superuser:
                return redirect("home")
            return redirect("members:list", slug=la.slug)
    others = Membership.objects.filter(user=membership.user).exclude(pk=membership.pk).count()
    context = {"la": la, "membership": membership, "error": error, "other_councils": others}
    return render(request, "accounts/member_remove.html", context, status=400 if error else 200)
