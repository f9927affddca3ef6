"""The national pages: published inspection data, so every signed-in user sees them (see
accounts.permissions.can_see_published). Thin: the numbers come from national.queries, the
charts from national.charts, the downloads from national.tables."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ilacs import dates
from ilacs.accounts import permissions
from ilacs.inspections import labels
from ilacs.inspections import queries as record
from ilacs.national import charts, queries, tables
from ilacs.national.tables import Table


def _download(found: list[Table], table: str, fmt: str, stem: str) -> HttpResponse:
    """One of the page's tables as CSV or XLSX; 404 for anything else."""
    chosen = next((t for t in found if t.slug == table), None)
    if chosen is None or fmt not in tables.CONTENT_TYPES:
        raise Http404("No such table")
    response = HttpResponse(tables.render(chosen, fmt), content_type=tables.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem}-{chosen.slug}.{fmt}"'
    return response


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "national/index.html", {"section": "index"})


def _judgement(request: HttpRequest) -> tuple[str, list[str]]:
    held = queries.judgements_held()
    key = request.GET.get("judgement", "overall_effectiveness")
    if key not in queries.MAIN_JUDGEMENTS:
        key = "overall_effectiveness"
    return key, held


def _grades_data(key: str) -> tuple[queries.Distribution, queries.Distribution]:
    return queries.grades_by_year(key), queries.grades_by_region(key)


@login_required
def grades(request: HttpRequest) -> HttpResponse:
    """Grades over time: each judgement's grades by year and by region."""
    key, held = _judgement(request)
    by_year, by_region = _grades_data(key)
    name = queries.judgement_name(key)
    x_labels = [
        f"{year} {queries.FRAMEWORK_SHORT[int(year)]}"
        if int(year) in queries.FRAMEWORK_SHORT
        else year
        for year in by_year.labels
    ]
    context = {
        "section": "grades",
        "key": key,
        "name": name,
        "choices": [(k, queries.judgement_name(k)) for k in held] or [(key, name)],
        "by_year": by_year,
        "by_region": by_region,
        "frameworks": queries.FRAMEWORK_CHANGES,
        "year_chart": charts.grade_bars(
            title=f"{name}: inspections by grade and year",
            description=(
                f"Stacked bars, one a year from {by_year.labels[0]} to {by_year.labels[-1]}, of "
                f"how many published inspections judged {name.lower()} at each grade. Framework "
                "changes are named under their year. The table below gives the numbers."
                if by_year.labels
                else "No published inspections made this judgement."
            ),
            x_labels=x_labels,
            series=by_year.series(),
        ),
        "region_chart": charts.grade_bars(
            title=f"{name}: each council's latest grade, by region",
            description=(
                "Stacked bars, one a region, of how many councils hold each grade at their "
                "latest published inspection. The table below gives the numbers."
            ),
            x_labels=by_region.labels,
            series=by_region.series(),
            horizontal=True,
        ),
    }
    return render(request, "national/grades.html", context)


@login_required
def grades_download(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    key, _ = _judgement(request)
    by_year, by_region = _grades_data(key)
    return _download([by_year.table, by_region.table], table, fmt, f"grades-{key}")


@login_required
def topics(request: HttpRequest) -> HttpResponse:
    """Improvement topics of recommendations by year: the most frequent and how they shift."""
    data = queries.themes_by_year()
    names = [record.theme_name(t) for t in data.top]
    context = {
        "section": "topics",
        "data": data,
        "chart": charts.share_lines(
            title="The five most frequent improvement topics: share of recommendations by year",
            description=(
                f"Lines, one for each of {', '.join(names)}: the percentage of each year's "
                "recommendations asking about the topic. The tables below give the numbers."
                if names
                else "No published recommendations are held."
            ),
            x_labels=[str(y) for y in data.years],
            series=[
                (name, [data.share(theme, y) for y in data.years])
                for theme, name in zip(data.top, names, strict=True)
            ],
        ),
    }
    return render(request, "national/topics.html", context)


@login_required
def topics_download(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    data = queries.themes_by_year()
    return _download([data.top_table, data.table], table, fmt, "improvement-topics")


@login_required
def due(request: HttpRequest) -> HttpResponse:
    """Inspections due nationally in the next six months, and councils under monitoring."""
    today = timezone.localdate()
    data = queries.inspections_due(today)
    months = [f"{dates.MONTH_NAMES[m.month - 1][:3]} {m.year}" for m in data.months]
    context = {
        "section": "due",
        "today": today,
        "data": data,
        "chart": charts.count_bars(
            title="Councils whose inspection window is open, by month",
            description=(
                f"Bars, one for each month from {months[0]} to {months[-1]}: how many councils' "
                "inspection windows are open at some time in the month. The table below lists "
                "them, with the councils whose window has passed."
            ),
            x_labels=months,
            name="Councils",
            values=data.by_month,
        ),
    }
    return render(request, "national/due.html", context)


@login_required
def due_download(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    data = queries.inspections_due(timezone.localdate())
    return _download([data.table, data.monitoring_table], table, fmt, "inspections-due")


@login_required
def council(request: HttpRequest, slug: str) -> HttpResponse:
    """A council's record: timeline, beside its statistical neighbours and England, the next
    inspection window and its recurring weaknesses."""
    la = permissions.public_local_authority(request.user, slug)
    data = queries.council_record(la, timezone.localdate())
    graded = [e for e in reversed(data.entries) if e.grade]
    context = {
        "section": "council",
        "la": la,
        "data": data,
        "is_member": permissions.can_view(request.user, la),
        "chart": charts.grade_steps(
            title=f"{la.name}: headline grade at each graded inspection",
            description=(
                "A line through the headline grade of each graded inspection, oldest first, "
                "from inadequate (bottom) to outstanding (top): "
                + "; ".join(f"{e.inspection.date_range}: {e.grade_label}" for e in graded)
                + "."
                if graded
                else "No graded inspection is held."
            ),
            x_labels=[
                str(e.inspection.inspection_start.year) if e.inspection.inspection_start else "?"
                for e in graded
            ],
            values=[record.GRADE_RANK.get(e.grade) for e in graded],
            name=la.name,
        ),
        "england_chart": charts.grade_bars(
            title="Latest overall effectiveness: statistical neighbours and England",
            description=(
                f"Stacked bars for {la.name}'s statistical neighbours and for England: how many "
                "councils hold each overall effectiveness grade at their latest graded "
                "inspection. The table beside gives the numbers."
            ),
            x_labels=["Statistical neighbours", "England"],
            series=[
                (g, [data.comparison.neighbour_counts[g], data.comparison.england[g]])
                for g in labels.GRADE_NAMES
                if data.comparison.neighbour_counts[g] or data.comparison.england[g]
            ],
            horizontal=True,
        ),
    }
    return render(request, "national/council.html", context)


@login_required
def council_download(request: HttpRequest, slug: str, table: str, fmt: str) -> HttpResponse:
    la = permissions.public_local_authority(request.user, slug)
    data = queries.council_record(la, timezone.localdate())
    return _download(data.tables, table, fmt, la.slug)
