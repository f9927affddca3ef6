from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import F, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ilacs.accounts import permissions
from ilacs.accounts.models import Membership
from ilacs.inspections import queries
from ilacs.inspections.models import Inspection
from ilacs.localauthorities.models import LocalAuthority
from ilacs.localauthorities.reference import REGIONS

# Undated inspections (rare: dates not printed) go last on PostgreSQL and SQLite alike.
NEWEST_FIRST = F("inspection_start").desc(nulls_last=True)


def _latest_inspections(
    las: list[LocalAuthority], own: set[int] | None = None
) -> dict[int, Inspection]:
    """Each council's latest inspection: any not withdrawn for its members (`own`, all when
    None), the latest published one for everyone else."""
    latest: dict[int, Inspection] = {}
    for inspection in Inspection.objects.filter(
        local_authority__in=las, withdrawn_at__isnull=True
    ).order_by("local_authority_id", NEWEST_FIRST, "-pk"):
        if (
            own is not None
            and inspection.local_authority_id not in own
            and not (inspection.is_public)
        ):
            continue
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
    """Every local authority, by region, with its latest published inspection (published
    inspections are public; the user's own councils show their unpublished uploads too)."""
    las = list(LocalAuthority.objects.order_by("name"))
    own = {la.pk for la in permissions.visible_local_authorities(request.user)}
    latest = _latest_inspections(las, own)
    order = {region: i for i, region in enumerate(REGIONS)}
    groups: dict[str, list[tuple[LocalAuthority, Inspection | None]]] = {}
    for la in sorted(las, key=lambda la: (order.get(la.region, len(order)), la.name)):
        group = la.region or ("Fictional councils" if la.is_fictional else "Other")
        groups.setdefault(group, []).append((la, latest.get(la.pk)))
    return render(request, "localauthorities/index.html", {"regions": groups, "count": len(las)})


@login_required
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A council's page: its public record (published inspections, its predecessors', the next
    inspection window, recurring weaknesses) for everyone signed in; plans, evidence, withdrawn
    reports and members' tools for its members only."""
    la = permissions.public_local_authority(request.user, slug)
    la = LocalAuthority.objects.prefetch_related(
        Prefetch("replaced_by", queryset=LocalAuthority.objects.order_by("name")),
        Prefetch("predecessors", queryset=LocalAuthority.objects.order_by("name")),
    ).get(pk=la.pk)
    is_member = permissions.can_view(request.user, la)
    withdrawn = (
        list(
            la.inspections.filter(withdrawn_at__isnull=False)
            .select_related("withdrawn_by")
            .order_by("-withdrawn_at")
        )
        if is_member
        else []
    )
    held = queries.record_inspections(la, include_unpublished=is_member)
    record = queries.council_record(la, inspections=held)
    plans = {
        inspection.pk: inspection
        for inspection in Inspection.objects.filter(
            pk__in=[e.inspection.pk for e in record if not e.is_predecessor]
        ).select_related("improvement_plan")
    }
    for entry in record:
        if is_member and entry.inspection.pk in plans:
            entry.plan = getattr(plans[entry.inspection.pk], "improvement_plan", None)
        else:
            entry.plan = None
    context = {
        "la": la,
        "record": record,
        "inspections": [e.inspection for e in record if not e.is_predecessor],
        "withdrawn": withdrawn,
        "neighbours": la.ordered_neighbours(),
        "predecessors": list(la.predecessors.all()),
        "next_inspection": queries.next_inspection(la, timezone.localdate(), inspections=held),
        "recurring": queries.recurring_themes(queries.recurring_weaknesses(la, inspections=held)),
        "is_member": is_member,
        "role": permissions.role_for(request.user, la),
        "can_upload": permissions.can_upload_report(request.user, la),
        "can_edit_plan": permissions.can_edit_plan(request.user, la),
        "can_manage_members": permissions.can_manage_members(request.user, la),
    }
    return render(request, "localauthorities/detail.html", context)
