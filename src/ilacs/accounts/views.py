from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ilacs.accounts.forms import SignInForm


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
