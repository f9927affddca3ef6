from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ilacs.search import services
from ilacs.search.forms import SearchForm


@login_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Search every searchable inspection's findings and recommendations (any signed-in user:
    published reports are public information)."""
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid() and form.is_search():
        results = services.search(
            form.cleaned_data["q"], form.filters(), page=form.cleaned_data.get("page") or 1
        )
    context = {
        "form": form,
        "results": results,
        "page_links": _page_links(request, results) if results else [],
    }
    if results and results.page > 1:
        context["prev_href"] = _page_url(request, results.page - 1)
    if results and results.page < results.pages:
        context["next_href"] = _page_url(request, results.page + 1)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "search/search.html", context, status=status)


def _page_links(request: HttpRequest, results: services.SearchResults) -> list[dict]:
    """GOV.UK pagination items: the first, last and the pages either side of this one."""
    wanted = {1, results.pages, results.page - 1, results.page, results.page + 1}
    items: list[dict] = []
    previous = 0
    for number in sorted(n for n in wanted if 1 <= n <= results.pages):
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append(
            {
                "number": number,
                "href": _page_url(request, number),
                "current": number == results.page,
            }
        )
        previous = number
    return items


def _page_url(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return "?" + query.urlencode()
