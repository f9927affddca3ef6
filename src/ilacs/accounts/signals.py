"""Sign-in throttling: after a successful sign-in, forget that username's failures from that
address only (django-axes' own reset would forget every username's failures from the address)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from ilacs.accounts.client import client_ip


@receiver(user_logged_in, dispatch_uid="ilacs-forget-own-sign-in-failures")
def forget_own_failures(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is None:
        return
    from axes.models import AccessAttempt

    AccessAttempt.objects.filter(
        username=user.get_username(), ip_address=client_ip(request)
    ).delete()
