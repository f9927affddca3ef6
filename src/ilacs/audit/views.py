from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ilacs.accounts import permissions
from ilacs.accounts.permissions import Action
from ilacs.audit.models import Read

PER_PAGE = 50


@login_required
def reads(request: HttpRequest, slug: str) -> HttpResponse:
    """Who has read what of the council's data: its admins (and service administrators) only."""
    la = permissions.local_authority_for(request.user, slug, Action.MANAGE_MEMBERS)
    paginator = Paginator(Read.objects.filter(local_authority=la), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {"la": la, "page": page, "paginator": paginator}
    return render(request, "audit/reads.html", context)
