"""The national picture, read from every council's published inspections.

Each function answers one page's question with a fixed number of queries (aggregates in the
database, or one pass over a few thousand small rows), whatever the number of inspections, and
returns the page's tables (ilacs.national.tables) with what its chart needs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.db.models.functions import ExtractYear

from ilacs import dates
from ilacs.extraction.model import GRADES
from ilacs.extraction.themes_lexicon import THEMES
from ilacs.inspections import labels
from ilacs.inspections import queries as record
from ilacs.inspections.models import Inspection, Judgement, Recommendation
from ilacs.localauthorities.models import LocalAuthority
from ilacs.localauthorities.reference import REGIONS
from ilacs.national.tables import Table

# The judgements a person compares over time, in the order Ofsted's frameworks print them. Each
# framework names its judgements differently; they are kept apart rather than merged.
MAIN_JUDGEMENTS = (
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "in_care_and_care_leavers",
    "in_care",
    "care_leavers",
    "leadership_management_governance",
    "looked_after_and_permanence",
    "adoption",
)

# Changes of framework, marked on the grades over time (year: what changed).
FRAMEWORK_CHANGES = {
    2013: "Single inspection framework (SIF) from November 2013",
    2018: "ILACS framework from January 2018",
    2023: "Children in care and care leavers judged separately from January 2023",
    2026: "New framework from April 2026: no overall effectiveness judgement",
}
FRAMEWORK_SHORT = {2013: "SIF", 2018: "ILACS", 2023: "split", 2026: "new"}


def judgement_name(key: str) -> str:
    return labels.JUDGEMENT_KEY_NAMES.get(key, key)


def _public() -> Any:
    """Published inspections of real councils (the fictional demonstration council is left out
    of national figures)."""
    return Inspection.objects.public().filter(local_authority__is_fictional=False)


def _grades_present(counts: dict[Any, Counter[str]]) -> list[str]:
    seen = {grade for counter in counts.values() for grade in counter}
    return [g for g in GRADES if g in seen]


@dataclass
class Distribution:
    """Counts of each grade by a label (a year or a region), with the table to show."""

    labels: list[str]
    grades: list[str]
    counts: dict[str, Counter[str]]
    table: Table

    def series(self) -> list[tuple[str, list[int]]]:
        return [(g, [self.counts[label][g] for label in self.labels]) for g in self.grades]


def grades_by_year(key: str) -> Distribution:
    """How many inspections gave each grade for this judgement, by the year the inspection
    started (published inspections only). One query."""
    rows = (
        Judgement.objects.filter(key=key, inspection__in=_public())
        .exclude(inspection__inspection_start__isnull=True)
        .annotate(year=ExtractYear("inspection__inspection_start"))
        .values("year", "grade")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        counts[str(row["year"])][row["grade"]] += row["n"]
    years = sorted(counts)
    grades = _grades_present(counts)
    table = Table(
        slug="by-year",
        caption=f"{judgement_name(key)}: inspections by grade and year",
        headers=["Year", *(labels.grade_name(g) for g in grades), "Total", "Framework change"],
        notes=[
            "Published inspections of English councils' children's services, counted by the "
            "year the inspection started.",
            *(f"{year}: {text}" for year, text in FRAMEWORK_CHANGES.items()),
        ],
    )
    for year in years:
        counter = counts[year]
        table.rows.append(
            [
                int(year),
                *(counter[g] for g in grades),
                sum(counter.values()),
                FRAMEWORK_CHANGES.get(int(year), ""),
            ]
        )
    return Distribution(years, grades, dict(counts), table)


def grades_by_region(key: str) -> Distribution:
    """Each council's latest grade for this judgement, counted by region (the picture today).
    One query."""
    rows = (
        Judgement.objects.filter(key=key, inspection__in=_public())
        .exclude(inspection__inspection_start__isnull=True)
        .filter(inspection__local_authority__is_current=True)
        .values(
            "inspection__local_authority_id",
            "inspection__local_authority__region",
            "grade",
        )
        .order_by(
            "inspection__local_authority_id", "-inspection__inspection_start", "-inspection_id"
        )
    )
    latest: dict[int, tuple[str, str]] = {}
    for row in rows:
        latest.setdefault(
            row["inspection__local_authority_id"],
            (row["inspection__local_authority__region"] or "Other", row["grade"]),
        )
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for region, grade in latest.values():
        counts[region][grade] += 1
    order = {region: i for i, region in enumerate(REGIONS)}
    regions = sorted(counts, key=lambda r: (order.get(r, len(order)), r))
    grades = _grades_present(counts)
    table = Table(
        slug="by-region",
        caption=f"{judgement_name(key)}: each council's latest grade, by region",
        headers=["Region", *(labels.grade_name(g) for g in grades), "Councils"],
        notes=[
            "Each current council counted once, by the latest published inspection that made "
            "this judgement."
        ],
    )
    for region in regions:
        counter = counts[region]
        table.rows.append([region, *(counter[g] for g in grades), sum(counter.values())])
    if regions:
        total: Counter[str] = Counter()
        for counter in counts.values():
            total.update(counter)
        table.rows.append(["England", *(total[g] for g in grades), sum(total.values())])
    return Distribution(regions, grades, dict(counts), table)


def judgements_held() -> list[str]:
    """The main judgements any published inspection made, in MAIN_JUDGEMENTS order."""
    held = set(
        Judgement.objects.filter(inspection__in=_public(), key__in=MAIN_JUDGEMENTS)
        .values_list("key", flat=True)
        .distinct()
    )
    return [k for k in MAIN_JUDGEMENTS if k in held]


# --- improvement topics by year ----------------------------------------------------------------


@dataclass
class ThemeYears:
    years: list[int]
    totals: dict[int, int]
    counts: dict[int, Counter[str]]
    top: list[str]
    table: Table
    top_table: Table

    def share(self, theme: str, year: int) -> float | None:
        total = self.totals.get(year, 0)
        return round(100 * self.counts[year][theme] / total, 1) if total else None


TOP_CHARTED = 5


def themes_by_year() -> ThemeYears:
    """How many recommendations asked about each improvement topic, by year (a recommendation
    counts once for each of its one to three topics); the most frequent per year. One query."""
    rows = (
        Recommendation.objects.filter(inspection__in=_public(), is_lscb=False)
        .exclude(inspection__inspection_start__isnull=True)
        .annotate(year=ExtractYear("inspection__inspection_start"))
        .values_list("year", "themes")
    )
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    totals: Counter[int] = Counter()
    for year, themes in rows.iterator(chunk_size=2000):
        totals[year] += 1
        counts[year].update(set(themes or []))
    years = sorted(totals)
    overall: Counter[str] = Counter()
    for counter in counts.values():
        overall.update(counter)
    top = [theme for theme, _ in overall.most_common(TOP_CHARTED)]
    table = Table(
        slug="by-year",
        caption="Recommendations asking about each improvement topic, by year",
        headers=["Improvement topic", *(str(y) for y in years), "All years"],
        notes=[
            "Recommendations of published inspections (LSCB recommendations left out), by the "
            "year the inspection started. A recommendation with two or three topics counts "
            "under each.",
            *(f"{year}: recommendations: {totals[year]}" for year in years),
        ],
    )
    for theme in sorted(overall, key=lambda t: (-overall[t], THEMES.get(t, t))):
        table.rows.append(
            [record.theme_name(theme), *(counts[y][theme] for y in years), overall[theme]]
        )
    top_table = Table(
        slug="most-frequent",
        caption="The three most frequent improvement topics each year",
        headers=["Year", "Recommendations", "First", "Second", "Third"],
        notes=["Share: the percentage of that year's recommendations asking about the topic."],
    )
    for year in years:
        ranked = sorted(counts[year].items(), key=lambda item: (-item[1], item[0]))[:3]
        cells = [f"{record.theme_name(t)} ({round(100 * n / totals[year])}%)" for t, n in ranked]
        top_table.rows.append([year, totals[year], *cells, *[""] * (3 - len(cells))])
    return ThemeYears(years, dict(totals), dict(counts), top, table, top_table)


# --- inspections due ---------------------------------------------------------------------------


@dataclass
class Due:
    due: list[record.NextInspection]
    monitoring: list[record.NextInspection]
    months: list[dt.date]
    by_month: list[int]
    table: Table
    monitoring_table: Table
    horizon: dt.date | None = None


def inspections_due(today: dt.date, months: int = 6) -> Due:
    """Councils whose inspection window is open at some time in the next six months, and the
    councils under monitoring visits. Two queries."""
    due, monitoring = record.inspections_due(today, months)
    starts = [record.add_months(today.replace(day=1), i) for i in range(months)]
    by_month = [
        sum(
            1
            for n in due
            if n.window_start is not None
            and n.window_end is not None
            and n.window_start < record.add_months(month, 1)
            and n.window_end >= month
        )
        for month in starts
    ]
    table = Table(
        slug="due",
        caption=f"Councils whose inspection window is open between {dates.format_date(today)} "
        f"and {dates.format_date(record.add_months(today, months))}, or has passed",
        headers=[
            "Council",
            "Region",
            "Last graded inspection",
            "Grade",
            "Window opens",
            "Window closes",
            "Status",
        ],
        notes=[
            "Standard and short ILACS inspections fall within six months either side of the "
            "third anniversary of the last graded inspection (its last day on site).",
            f"As at {dates.format_date(today)}.",
        ],
    )
    status_names = {
        record.WINDOW_OPEN: "Window open",
        record.UPCOMING: "Window opens soon",
        record.OVERDUE: "Window passed: due at any time",
    }
    for n in due:
        table.rows.append(
            [
                n.local_authority.name,
                n.local_authority.region,
                n.last.date_range if n.last else "",
                labels.grade_name(n.grade) if n.grade else "Not graded",
                n.window_start,
                n.window_end,
                status_names.get(n.status, ""),
            ]
        )
    monitoring_table = Table(
        slug="monitoring",
        caption="Councils judged inadequate: monitoring visits, no inspection window",
        headers=["Council", "Region", "Inspection judged inadequate"],
        notes=["Ofsted monitors a council judged inadequate by visits until it re-inspects."],
    )
    for n in monitoring:
        monitoring_table.rows.append(
            [n.local_authority.name, n.local_authority.region, n.last.date_range if n.last else ""]
        )
    horizon = record.add_months(today, months)
    return Due(due, monitoring, starts, by_month, table, monitoring_table, horizon)


# --- a council's record ------------------------------------------------------------------------


@dataclass
class Standing:
    """A council's latest graded inspection and the change from the one before."""

    local_authority: LocalAuthority
    latest: Inspection | None
    previous: Inspection | None
    rank: int | None = None  # statistical neighbour rank; None for the council itself

    @property
    def grade(self) -> str:
        return record.headline_grade(self.latest) if self.latest else ""

    @property
    def trajectory(self) -> str:
        if self.latest is None:
            return ""
        before = record.headline_grade(self.previous) if self.previous else ""
        return record.change(before, self.grade)

    @property
    def trajectory_label(self) -> str:
        return record.CHANGE_NAMES[self.trajectory] if self.latest else "No graded inspection"

    def judgement(self, key: str) -> str:
        if self.latest is None:
            return ""
        for j in self.latest.judgements.all():
            if j.key == key:
                return j.grade
        return ""


def _graded_history(
    councils: list[LocalAuthority] | None,
) -> dict[int, list[Inspection]]:
    """Each council's graded inspections (ILACS, SIF), newest first. Two queries."""
    qs = (
        _public()
        .filter(report_type__in=record.GRADED_TYPES, inspection_start__isnull=False)
        .prefetch_related("judgements")
        .order_by("local_authority_id", *record.NEWEST_FIRST)
    )
    if councils is not None:
        qs = qs.filter(local_authority__in=councils)
    history: dict[int, list[Inspection]] = defaultdict(list)
    for inspection in qs:
        history[inspection.local_authority_id].append(inspection)
    return history


@dataclass
class Comparison:
    council: Standing
    neighbours: list[Standing]
    england: Counter[str]
    neighbour_counts: Counter[str]
    keys: list[str]
    table: Table
    england_table: Table


def beside_neighbours(la: LocalAuthority) -> Comparison:
    """The council beside its ten statistical neighbours (latest grades and trajectory) and
    England (how many councils hold each latest overall grade). Four queries."""
    links = list(la.neighbour_links.select_related("neighbour").order_by("rank"))
    councils = [la, *(link.neighbour for link in links)]
    history = _graded_history(councils)

    def standing(council: LocalAuthority, rank: int | None) -> Standing:
        graded = history.get(council.pk, [])
        return Standing(
            council,
            graded[0] if graded else None,
            graded[1] if len(graded) > 1 else None,
            rank,
        )

    own = standing(la, None)
    neighbours = [standing(link.neighbour, link.rank) for link in links]
    england: Counter[str] = Counter()
    latest_overall = (
        _public()
        .filter(
            report_type__in=record.GRADED_TYPES,
            inspection_start__isnull=False,
            local_authority__is_current=True,
        )
        .exclude(overall_effectiveness="")
        .values_list("local_authority_id", "overall_effectiveness")
        .order_by("local_authority_id", *record.NEWEST_FIRST)
    )
    seen: set[int] = set()
    for la_id, grade in latest_overall:
        if la_id not in seen:
            seen.add(la_id)
            england[grade] += 1
    neighbour_counts = Counter(
        s.latest.overall_effectiveness
        for s in neighbours
        if s.latest and s.latest.overall_effectiveness
    )
    held = {j.key for s in [own, *neighbours] if s.latest for j in s.latest.judgements.all()}
    keys = [k for k in MAIN_JUDGEMENTS if k in held and k != "overall_effectiveness"]
    table = Table(
        slug="neighbours",
        caption=f"{la.name} and its statistical neighbours: latest graded inspection",
        headers=[
            "Council",
            "Statistical neighbour rank",
            "Latest graded inspection",
            "Overall effectiveness",
            *(judgement_name(k) for k in keys),
            "Previous overall effectiveness",
            "Trajectory",
        ],
        notes=[
            "Latest published ILACS or SIF inspection; trajectory compares it with the one before."
        ],
    )
    for s in [own, *neighbours]:
        previous = record.headline_grade(s.previous) if s.previous else ""
        table.rows.append(
            [
                s.local_authority.name,
                s.rank,
                s.latest.date_range if s.latest else "",
                labels.grade_name(s.grade) if s.grade else "",
                *(labels.grade_name(s.judgement(k)) if s.judgement(k) else "" for k in keys),
                labels.grade_name(previous) if previous else "",
                s.trajectory_label,
            ]
        )
    grades = [g for g in GRADES if england[g] or neighbour_counts[g]]
    england_table = Table(
        slug="england",
        caption="Latest overall effectiveness: statistical neighbours and England",
        headers=["Grade", f"{la.name}'s statistical neighbours", "England (councils)"],
        notes=["Each current council counted once, by its latest published graded inspection."],
    )
    for g in grades:
        england_table.rows.append([labels.grade_name(g), neighbour_counts[g], england[g]])
    return Comparison(own, neighbours, england, neighbour_counts, keys, table, england_table)


def timeline_table(la: LocalAuthority, entries: list[record.TimelineEntry]) -> Table:
    table = Table(
        slug="timeline",
        caption=f"{la.name}: every published inspection and visit, newest first",
        headers=[
            "Inspection dates",
            "Type",
            "Predecessor",
            "Overall effectiveness",
            "Other judgements",
            "Change from the last",
        ],
        notes=[
            "Predecessor: the council this one replaced, when the inspection was of it.",
            "Change: the headline grade against the council's previous graded inspection. "
            "Reports from April 2026 have no overall effectiveness: their headline grade is "
            "their lowest judgement.",
        ],
    )
    for e in entries:
        i = e.inspection
        others = "; ".join(
            f"{j.short_label}: {j.grade_label}"
            for j in i.judgements.all()
            if j.key != "overall_effectiveness"
        )
        if i.overall_effectiveness:
            overall = i.overall_effectiveness_label
        elif e.grade:
            overall = f"None ({e.grade_label} at its lowest judgement)"
        else:
            overall = "Not graded"
        table.rows.append(
            [
                i.date_range,
                i.short_type_label,
                i.local_authority.name if e.is_predecessor else "",
                overall,
                others,
                e.change_label if e.change else "",
            ]
        )
    return table


def recurring_table(la: LocalAuthority, themes: list[record.RecurringTheme]) -> Table:
    table = Table(
        slug="recurring",
        caption=f"{la.name}: improvement topics asked for in consecutive inspections",
        headers=["Improvement topic", "Inspections", "Asked for in"],
        notes=[
            "A topic recurs when recommendations of one inspection and of the council's next "
            "inspection that made recommendations both ask about it."
        ],
    )
    for t in themes:
        table.rows.append(
            [
                t.theme_name,
                len(t.asks),
                "; ".join(
                    f"{a.year or 'undated'} {a.inspection.short_type_label}: {a.numbers_label}"
                    for a in t.asks
                ),
            ]
        )
    return table


@dataclass
class CouncilRecord:
    la: LocalAuthority
    entries: list[record.TimelineEntry]
    comparison: Comparison
    next_inspection: record.NextInspection
    recurring: list[record.RecurringTheme]
    tables: list[Table] = field(default_factory=list)


def council_record(la: LocalAuthority, today: dt.date) -> CouncilRecord:
    """Everything the council's national record page shows (published inspections only)."""
    held = record.record_inspections(la)
    entries = record.council_record(la, inspections=held)
    recurring = record.recurring_themes(record.recurring_weaknesses(la, inspections=held))
    comparison = beside_neighbours(la)
    upcoming = record.next_inspection(la, today, inspections=held)
    result = CouncilRecord(la, entries, comparison, upcoming, recurring)
    result.tables = [
        timeline_table(la, entries),
        comparison.table,
        comparison.england_table,
        recurring_table(la, recurring),
    ]
    return result
