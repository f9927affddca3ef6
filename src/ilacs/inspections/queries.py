"""A council's record drawn from its inspections: the timeline with the change from the last,
the next inspection window, and the improvement themes that keep coming back.

The council page, the plan page and the national pages all read these, so each rule lives here
once. Every function reads a fixed number of queries whatever the number of inspections.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet

from ilacs import dates
from ilacs.extraction.themes_lexicon import THEMES
from ilacs.inspections import labels
from ilacs.inspections.models import Inspection, Recommendation
from ilacs.localauthorities.models import LocalAuthority

# How good a grade is, to say whether a council improved: "adequate" (2012-13 inspections) sits
# where "requires improvement to be good" does.
GRADE_RANK = {
    "outstanding": 4,
    "good": 3,
    "requires_improvement": 2,
    "adequate": 2,
    "inadequate": 1,
}
# Graded inspections of the whole service, which set the date of the next one: ILACS standard and
# short inspections (2018-) and SIF inspections (2013-2018).
GRADED_TYPES = ("ilacs", "sif")
WINDOW_YEARS = 3
WINDOW_MONTHS = 6

IMPROVED, DECLINED, SAME, FIRST = "improved", "declined", "same", "first"
CHANGE_NAMES = {
    IMPROVED: "Improved",
    DECLINED: "Declined",
    SAME: "Same",
    FIRST: "First graded inspection",
    "": "Not graded",
}

OLDEST_FIRST = (F("inspection_start").asc(nulls_first=True), "pk")
NEWEST_FIRST = (F("inspection_start").desc(nulls_last=True), "-pk")


def theme_name(key: str) -> str:
    """ "Management oversight and supervision" for "management_oversight"."""
    return THEMES.get(key, key.replace("_", " ").capitalize())


def lineage_ids(la: LocalAuthority) -> QuerySet[LocalAuthority]:
    """The ids of the council and the councils it replaced (and theirs): a subquery, so that
    reading a council's record costs no query of its own."""
    return LocalAuthority.objects.filter(
        Q(pk=la.pk) | Q(replaced_by=la) | Q(replaced_by__replaced_by=la)
    ).values("pk")


def _visible(qs: QuerySet[Inspection], own: Q | None = None) -> QuerySet[Inspection]:
    """Published inspections for everyone; with `own` (a condition naming the councils the
    reader is a member of), also those councils' unpublished uploads. Never a predecessor's: a
    member of the council that replaced another is not a member of the one replaced."""
    qs = qs.filter(withdrawn_at__isnull=True)
    return qs.public() if own is None else qs.filter(Q(ofsted_published=True) | own)


def record_inspections(
    la: LocalAuthority,
    *,
    include_unpublished: bool = False,
    judgements: bool = True,
) -> list[Inspection]:
    """The council's inspections and its predecessors', oldest first, with their
    recommendations (LSCB ones left out) and, when asked, judgements: read once, then shared by
    council_record, recurring_weaknesses and next_inspection. Two or three queries.
    include_unpublished: for the council's members, its own unpublished uploads too (never its
    predecessors')."""
    prefetch: list[Any] = [
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.filter(is_lscb=False).order_by("number"),
        )
    ]
    if judgements:
        prefetch.append("judgements")
    councils = Inspection.objects.filter(local_authority__in=lineage_ids(la))
    return list(
        _visible(councils, Q(local_authority=la) if include_unpublished else None)
        .select_related("local_authority")
        .prefetch_related(*prefetch)
        .order_by(*OLDEST_FIRST)
    )


def headline_grade(inspection: Inspection) -> str:
    """Overall effectiveness; for reports without one (from April 2026), the lowest grade of the
    main judgements, so that an inadequate judgement is never lost."""
    if inspection.overall_effectiveness:
        return inspection.overall_effectiveness
    if inspection.report_type not in GRADED_TYPES:
        return ""
    grades = [j.grade for j in inspection.judgements.all() if j.grade in GRADE_RANK]
    return min(grades, key=GRADE_RANK.__getitem__) if grades else ""


def change(previous: str, current: str) -> str:
    """improved / declined / same between two grades ("" when the current one is not graded,
    "first" when there is nothing before it)."""
    if current not in GRADE_RANK:
        return ""
    if previous not in GRADE_RANK:
        return FIRST
    before, after = GRADE_RANK[previous], GRADE_RANK[current]
    return IMPROVED if after > before else DECLINED if after < before else SAME


# --- timeline ----------------------------------------------------------------------------------


@dataclass
class TimelineEntry:
    """One inspection or visit in a council's record."""

    inspection: Inspection
    is_predecessor: bool
    grade: str
    change: str
    previous: Inspection | None
    plan: Any = None  # the improvement plan, set by a members' page

    @property
    def council(self) -> LocalAuthority:
        return self.inspection.local_authority

    @property
    def change_label(self) -> str:
        return CHANGE_NAMES[self.change]

    @property
    def grade_label(self) -> str:
        return labels.grade_name(self.grade) if self.grade else "Not graded"


def council_record(
    la: LocalAuthority,
    *,
    include_unpublished: bool = False,
    inspections: list[Inspection] | None = None,
) -> list[TimelineEntry]:
    """Every inspection and visit of the council and its predecessors, newest first, each graded
    one with the change from the council's previous graded inspection (a predecessor's grades
    are compared within the predecessor). `inspections`: record_inspections(), when read
    already."""
    if inspections is None:
        inspections = record_inspections(la, include_unpublished=include_unpublished)
    last_grade: dict[int, tuple[str, Inspection]] = {}
    entries = []
    for inspection in inspections:
        grade = headline_grade(inspection)
        before = last_grade.get(inspection.local_authority_id)
        entry = TimelineEntry(
            inspection=inspection,
            is_predecessor=inspection.local_authority_id != la.pk,
            grade=grade,
            change=change(before[0] if before else "", grade),
            previous=before[1] if before and grade else None,
        )
        if grade:
            last_grade[inspection.local_authority_id] = (grade, inspection)
        entries.append(entry)
    entries.reverse()
    return entries


# --- next inspection window --------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


WINDOW_OPEN, UPCOMING, OVERDUE, MONITORING, UNKNOWN = (
    "window_open",
    "upcoming",
    "overdue",
    "monitoring",
    "unknown",
)


@dataclass
class NextInspection:
    """When a council's next graded inspection should come.

    Standard and short ILACS inspections fall within six months either side of the third
    anniversary of the last graded inspection (its last day on site). A council judged inadequate
    is monitored by visits until it is inspected again: no window then.
    """

    local_authority: LocalAuthority
    last: Inspection | None
    grade: str
    window_start: dt.date | None = None
    window_end: dt.date | None = None
    status: str = UNKNOWN

    @property
    def anniversary(self) -> dt.date | None:
        if self.window_start is None:
            return None
        return add_months(self.window_start, WINDOW_MONTHS)

    @property
    def window_label(self) -> str:
        if self.window_start is None or self.window_end is None:
            return ""
        return f"{dates.format_date(self.window_start)} to {dates.format_date(self.window_end)}"

    @property
    def summary(self) -> str:
        """The sentence the pages show."""
        if self.last is None:
            return "No graded inspection is held, so no window can be worked out."
        when = dates.format_date(self.last.inspection_end or self.last.inspection_start)
        if self.status == MONITORING:
            return (
                f"Judged inadequate (inspection ending {when}): Ofsted monitors the council "
                "through monitoring visits until it is inspected again, so there is no window."
            )
        text = {
            WINDOW_OPEN: "The window is open now",
            UPCOMING: "Next inspection window",
            OVERDUE: "The window has passed without a graded inspection held here",
        }[self.status]
        return (
            f"{text}: {self.window_label} (six months either side of "
            f"{dates.format_date(self.anniversary)}, the third anniversary of the inspection "
            f"ending {when})."
        )


def _last_day(inspection: Inspection) -> dt.date | None:
    return inspection.inspection_end or inspection.inspection_start


def next_inspection_from(
    la: LocalAuthority, last: Inspection | None, today: dt.date
) -> NextInspection:
    """The window that follows the council's last graded inspection (the rule is on
    NextInspection)."""
    if last is None or _last_day(last) is None:
        return NextInspection(la, None, "")
    grade = headline_grade(last)
    if grade == "inadequate":
        return NextInspection(la, last, grade, status=MONITORING)
    anniversary = add_months(_last_day(last), 12 * WINDOW_YEARS)
    start = add_months(anniversary, -WINDOW_MONTHS)
    end = add_months(anniversary, WINDOW_MONTHS)
    status = UPCOMING if today < start else WINDOW_OPEN if today <= end else OVERDUE
    return NextInspection(la, last, grade, start, end, status)


def last_graded_inspections(
    councils: Iterable[LocalAuthority] | None = None, *, include_unpublished: bool = False
) -> dict[int, Inspection]:
    """Each council's latest graded inspection (ILACS or SIF), by council id; every council's
    when `councils` is None. include_unpublished: the unpublished uploads of the councils named
    count too (for their members). Two queries."""
    councils = None if councils is None else list(councils)
    own = Q(local_authority__in=councils) if include_unpublished and councils is not None else None
    qs = _visible(
        Inspection.objects.filter(report_type__in=GRADED_TYPES, inspection_start__isnull=False),
        own,
    )
    if councils is not None:
        qs = qs.filter(local_authority__in=councils)
    latest: dict[int, Inspection] = {}
    for inspection in (
        qs.select_related("local_authority")
        .prefetch_related("judgements")
        .order_by("local_authority_id", *NEWEST_FIRST)
    ):
        latest.setdefault(inspection.local_authority_id, inspection)
    return latest


def next_inspection(
    la: LocalAuthority,
    today: dt.date,
    *,
    include_unpublished: bool = False,
    inspections: list[Inspection] | None = None,
) -> NextInspection:
    """The council's next inspection window. `inspections`: record_inspections(), when read
    already (no further query then)."""
    if inspections is None:
        last = last_graded_inspections([la], include_unpublished=include_unpublished).get(la.pk)
    else:
        graded = [
            i
            for i in inspections
            if i.local_authority_id == la.pk
            and i.report_type in GRADED_TYPES
            and i.inspection_start is not None
        ]
        last = max(graded, key=lambda i: (i.inspection_start, i.pk), default=None)
    return next_inspection_from(la, last, today)


def inspections_due(
    today: dt.date, months: int = 6
) -> tuple[list[NextInspection], list[NextInspection]]:
    """Nationally: the councils whose window is open at some point in the next `months` months,
    or has passed with no later graded inspection held (earliest window first), and the councils
    under monitoring visits (by name). Former and fictional councils are left out."""
    horizon = add_months(today, months)
    latest = last_graded_inspections()
    due, monitoring = [], []
    for inspection in latest.values():
        la = inspection.local_authority
        if not la.is_current or la.is_fictional:
            continue
        upcoming = next_inspection_from(la, inspection, today)
        if upcoming.status == MONITORING:
            monitoring.append(upcoming)
        elif upcoming.window_start and upcoming.window_start <= horizon:
            # Open now or within the horizon, or passed with no later graded inspection held:
            # due at any time.
            due.append(upcoming)
    due.sort(key=lambda n: (n.window_start, n.local_authority.name))
    monitoring.sort(key=lambda n: n.local_authority.name)
    return due, monitoring


# --- recurring weaknesses ----------------------------------------------------------------------


@dataclass
class Ask:
    """The recommendations of one inspection that asked for a theme."""

    inspection: Inspection
    recommendations: list[Recommendation]

    @property
    def year(self) -> int | None:
        day = self.inspection.inspection_start or self.inspection.published
        return day.year if day else None

    @property
    def numbers_label(self) -> str:
        """ "recommendation 3", "recommendations 2 and 5"."""
        numbers = [str(r.number) for r in self.recommendations]
        if len(numbers) == 1:
            return f"recommendation {numbers[0]}"
        return f"recommendations {', '.join(numbers[:-1])} and {numbers[-1]}"


@dataclass
class Recurrence:
    """A theme asked for in one inspection and again in the council's next inspection that made
    recommendations."""

    theme: str
    earlier: Ask
    later: Ask

    @property
    def theme_name(self) -> str:
        return theme_name(self.theme)


@dataclass
class RecurringTheme:
    """A theme with every inspection in a run that asked for it, oldest first."""

    theme: str
    asks: list[Ask] = field(default_factory=list)

    @property
    def theme_name(self) -> str:
        return theme_name(self.theme)


def recurring_weaknesses(
    la: LocalAuthority,
    *,
    include_unpublished: bool = False,
    inspections: list[Inspection] | None = None,
) -> list[Recurrence]:
    """Themes that recur across consecutive inspections' recommendations.

    The council's inspections and visits that made recommendations (its predecessors' too), in
    date order; a theme recurs when it is among the themes (any of a recommendation's one to
    three) of recommendations in one of them and again in the next. LSCB recommendations are the
    board's, not the council's, and are left out. Oldest pair first. `inspections`:
    record_inspections(), when read already.
    """
    if inspections is None:
        inspections = record_inspections(
            la, include_unpublished=include_unpublished, judgements=False
        )
    with_asks = [i for i in inspections if any(not r.is_lscb for r in i.recommendations.all())]
    found: list[Recurrence] = []
    for earlier, later in zip(with_asks, with_asks[1:], strict=False):
        before = _by_theme(earlier)
        after = _by_theme(later)
        for theme in after:
            if theme in before:
                found.append(
                    Recurrence(theme, Ask(earlier, before[theme]), Ask(later, after[theme]))
                )
    return found


def _by_theme(inspection: Inspection) -> dict[str, list[Recommendation]]:
    themes: dict[str, list[Recommendation]] = {}
    for recommendation in inspection.recommendations.all():
        if recommendation.is_lscb:
            continue
        for theme in recommendation.themes or []:
            themes.setdefault(theme, []).append(recommendation)
    return themes


def recurring_themes(recurrences: list[Recurrence]) -> list[RecurringTheme]:
    """The recurrences gathered by theme: each theme with the inspections that asked for it in
    a row, most inspections first."""
    by_theme: dict[str, RecurringTheme] = {}
    for recurrence in recurrences:
        entry = by_theme.setdefault(recurrence.theme, RecurringTheme(recurrence.theme))
        for ask in (recurrence.earlier, recurrence.later):
            if all(a.inspection.pk != ask.inspection.pk for a in entry.asks):
                entry.asks.append(ask)
    return sorted(by_theme.values(), key=lambda t: (-len(t.asks), t.theme_name))


@dataclass
class EarlierAsk:
    """ "Also asked for in 2019: recommendation 3 (management oversight and supervision)"."""

    ask: Ask
    themes: list[str]

    @property
    def theme_names(self) -> list[str]:
        return [theme_name(t) for t in self.themes]


def earlier_asks(
    recurrences: list[Recurrence], inspection: Inspection
) -> dict[int, list[EarlierAsk]]:
    """For each recommendation of `inspection` (by id), what the council's previous inspection
    asked for on the same themes."""
    found: dict[int, dict[int, EarlierAsk]] = defaultdict(dict)
    for recurrence in recurrences:
        if recurrence.later.inspection.pk != inspection.pk:
            continue
        for recommendation in recurrence.later.recommendations:
            for earlier in recurrence.earlier.recommendations:
                entry = found[recommendation.pk].get(earlier.pk)
                if entry is None:
                    ask = Ask(recurrence.earlier.inspection, [earlier])
                    found[recommendation.pk][earlier.pk] = EarlierAsk(ask, [recurrence.theme])
                elif recurrence.theme not in entry.themes:
                    entry.themes.append(recurrence.theme)
    return {
        pk: sorted(asks.values(), key=lambda a: a.ask.recommendations[0].number)
        for pk, asks in found.items()
    }
