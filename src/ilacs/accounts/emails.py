"""E-mails to people: an invitation to a council, with a link to set a password.

The link is Django's password reset link (a one-time token), so an invited person sets their
password on the same page as someone who forgot theirs.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ilacs.localauthorities.models import LocalAuthority


def set_password_link(user: AbstractUser, base_url: str) -> str:
    """An absolute link to choose a password, valid for PASSWORD_RESET_TIMEOUT."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return base_url.rstrip("/") + path


def send_invitation(
    user: AbstractUser,
    local_authority: LocalAuthority,
    role_name: str,
    *,
    invited_by: AbstractUser,
    base_url: str,
    new_account: bool,
) -> None:
    context = {
        "user": user,
        "la": local_authority,
        "role_name": role_name,
        "invited_by": invited_by.get_full_name() or invited_by.get_username(),
        "link": set_password_link(user, base_url) if new_account else None,
        "sign_in": base_url.rstrip("/") + reverse("accounts:login"),
        "new_account": new_account,
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    send_mail(
        subject=f"You have been added to {local_authority.name} on ilacs",
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
