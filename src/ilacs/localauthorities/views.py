from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import F, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ilacs.accounts import permissions
from ilacs.accounts.models import Membership
from ilacs.inspections.models import Inspection
from ilacs.localauthorities.models import LocalAuthority
from ilacs.localauthorities.reference import REGIONS

# Undated inspections (rare: dates not printed) go last on PostgreSQL and SQLite alike.
NEWEST_FIRST = F("inspection_start").desc(nulls_last=True)


def _latest_inspections(las: list[LocalAuthority]) -> dict[int, Inspection]:
    latest: dict[int, Inspection] = {}
    for inspection in Inspection.objects.filter(
        local_authority__in=las, withdrawn_at__isnull=True
    ).order_by("local_authority_id", NEWEST_FIRST, "-pk"):
        latest.setdefault(inspection.local_authority_id, inspection)
    return latest


def council_rows(user: Any) -> list[tuple[Membership, Inspection | None]]:
    """The local authorities the user belongs to, each with its latest inspection (for the
    first page, ilacs.views.home)."""
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("local_authority")
        .order_by("local_authority__name")
    )
    latest = _latest_inspections([m.local_authority for m in memberships])
    return [(m, latest.get(m.local_authority_id)) for m in memberships]


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Every local authority the user may see, by region (all of them for administrators)."""
    las = list(permissions.visible_local_authorities(request.user).order_by("name"))
    latest = _latest_inspections(las)
    order = {region: i for i, region in enumerate(REGIONS)}
    groups: dict[str, list[tuple[LocalAuthority, Inspection | None]]] = {}
    for la in sorted(las, key=lambda la: (order.get(la.region, len(order)), la.name)):
        group = la.region or ("Fictional councils" if la.is_fictional else "Other")
        groups.setdefault(group, []).append((la, latest.get(la.pk)))
    return render(request, "localauthorities/index.html", {"regions": groups, "count": len(las)})


@login_required
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    la = permissions.local_authority_for(request.user, slug)
    la = LocalAuthority.objects.prefetch_related(
        Prefetch("replaced_by", queryset=LocalAuthority.objects.order_by("name")),
        Prefetch("predecessors", queryset=LocalAuthority.objects.order_by("name")),
    ).get(pk=la.pk)
    withdrawn = list(
        la.inspections.filter(withdrawn_at__isnull=False)
        .select_related("withdrawn_by")
        .order_by("-withdrawn_at")
    )
    inspections = list(
        la.inspections.filter(withdrawn_at__isnull=True)
        .order_by(NEWEST_FIRST, "-pk")
        .select_related("improvement_plan")
        .prefetch_related("judgements")
    )
    neighbours = [
        (neighbour, permissions.can_view(request.user, neighbour))
        for neighbour in la.ordered_neighbours()
    ]
    context = {
        "la": la,
        "inspections": inspections,
        "withdrawn": withdrawn,
        "neighbours": neighbours,
        "predecessors": [
            (previous, permissions.can_view(request.user, previous))
            for previous in la.predecessors.all()
        ],
        "role": permissions.role_for(request.user, la),
        "can_upload": permissions.can_upload_report(request.user, la),
        "can_edit_plan": permissions.can_edit_plan(request.user, la),
        "can_manage_members": permissions.can_manage_members(request.user, la),
    }
    return render(request, "localauthorities/detail.html", context)
