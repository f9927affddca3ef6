"""Project-wide views that belong to no part of the domain."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from ilacs.localauthorities.views import council_rows
from ilacs.plans import queries
from ilacs.plans.rag import RAG_ORDER


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """A person's first page: the actions they lead that need an update, what is overdue, their
    councils' improvement plans with RAG counts, and their councils."""
    today = timezone.localdate()
    context = {
        "rows": council_rows(request.user),
        "work": queries.home_for(request.user, today),
        "rag_order": RAG_ORDER,
        "today": today,
    }
    return render(request, "home.html", context)


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 "ok" when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
