"""Put service administrators' views of a council's plan data on that council's audit log.

Plan pages live under the `plans` URL namespace with the council's slug in the address; a
successful GET by a service administrator who is not a member of that council is recorded after
the page has been made. Other apps' pages join by adding their namespace to AUDITED_NAMESPACES.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from ilacs.audit import services
from ilacs.audit.models import ReadKind
from ilacs.localauthorities.models import LocalAuthority

AUDITED_NAMESPACES = frozenset(
    {"plans", "measures", "exports", "evidence", "selfevaluation", "assessments"}
)


class AuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if (
            match is not None
            and match.namespace in AUDITED_NAMESPACES
            and request.method == "GET"
            and response.status_code == 200
            and user is not None
            and user.is_authenticated
            and user.is_superuser
            and "slug" in match.kwargs
        ):
            la = LocalAuthority.objects.filter(slug=match.kwargs["slug"]).first()
            if la is not None and services.is_service_admin_outside(user, la):
                title = _title(response)
                services.record_read(request, la, ReadKind.SERVICE_ADMIN_VIEW, title)
        return response


def _title(response: HttpResponse) -> str:
    """The page's title ("Dashboard – Improvement plan – ilacs"), which names what was seen."""
    content = getattr(response, "content", b"")[:4000].decode("utf-8", "replace")
    start, end = content.find("<title>"), content.find("</title>")
    if start < 0 or end < start:
        return "A plan page"
    title = html.unescape(" ".join(content[start + 7 : end].split()))
    return title.removesuffix(" – ilacs") or "A plan page"
