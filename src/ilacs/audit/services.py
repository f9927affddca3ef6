"""Record reads that matter, for the council's admins to see (`record_read`).

Any app calls `record_read(request, local_authority, kind, what)` where a read should be on the
record: a report download (inspections), an evidence download, and, by `AuditMiddleware`, every
page of a council's plan data a service administrator who is not a member of it opens.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ilacs.accounts import permissions
from ilacs.accounts.client import client_ip
from ilacs.audit.models import Read, ReadKind
from ilacs.localauthorities.models import LocalAuthority


def _clip(text: str, field: str) -> str:
    return text[: Read._meta.get_field(field).max_length]


def record_read(
    request: HttpRequest, local_authority: LocalAuthority, kind: ReadKind | str, what: str
) -> Read:
    """Record that the signed-in person read `what` of this council's data, now."""
    user = request.user
    who = user.get_full_name() or user.get_username()
    if user.is_superuser and not permissions.is_member(user, local_authority):
        who = f"{who} (service administrator)"
    return Read.objects.create(
        local_authority=local_authority,
        user=user if user.is_authenticated else None,
        who=_clip(who, "who"),
        kind=ReadKind(kind),
        what=_clip(what, "what"),
        path=_clip(request.get_full_path(), "path"),
        ip_address=client_ip(request),
    )


def is_service_admin_outside(user: Any, local_authority: LocalAuthority) -> bool:
    """A service administrator looking at a council they are not a member of."""
    return bool(
        user.is_authenticated
        and user.is_superuser
        and not permissions.is_member(user, local_authority)
    )
