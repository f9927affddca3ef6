"""The RAG rule for a measure: its latest value against its target and amber tolerance.

Plain Python (no Django, no database): the caller passes the values, so every case is tested
without a database. The rule is written out for users on the help page and in docs/measures.md;
keep all three in step.

- No target: **Not rated** (grey).
- No value yet: **No data** (grey).
- Otherwise the latest value (by period), against the target, in the measure's direction
  (higher or lower is better):
  - on target or better: **Green**;
  - worse than the target by no more than the amber tolerance: **Amber**;
  - worse by more than the tolerance: **Red**.
- The rule is given in words: "12 points below target of 85%".
- Off target (amber or red): since when, counting back over the latest values that were all off
  target ("off target for 3 months, since January 2025").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ilacs.measures.periods import Frequency, duration_words, period_label
from ilacs.measures.units import Unit, format_difference, format_value


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class MeasureRag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NOT_RATED = "not_rated"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return {
            "red": "Red",
            "amber": "Amber",
            "green": "Green",
            "not_rated": "Not rated",
            "no_data": "No data",
        }[self.value]

    @property
    def tag_class(self) -> str:
        return {
            "red": "govuk-tag--red",
            "amber": "govuk-tag--orange",
            "green": "govuk-tag--green",
        }.get(self.value, "govuk-tag--grey")

    @property
    def is_off_target(self) -> bool:
        return self in (MeasureRag.RED, MeasureRag.AMBER)


# Worst first, for counts and sorting.
RAG_ORDER = (
    MeasureRag.RED,
    MeasureRag.AMBER,
    MeasureRag.GREEN,
    MeasureRag.NOT_RATED,
    MeasureRag.NO_DATA,
)


@dataclass(frozen=True)
class Point:
    period: dt.date  # the period's first day
    value: Decimal


@dataclass(frozen=True)
class Assessment:
    rag: MeasureRag
    rule: str  # "12 points below target of 85%"
    latest: Point | None = None
    off_target_since: dt.date | None = None  # first period of the latest run off target
    periods_off_target: int = 0
    frequency: Frequency = Frequency.MONTHLY

    @property
    def label(self) -> str:
        return self.rag.label

    @property
    def tag_class(self) -> str:
        return self.rag.tag_class

    @property
    def off_target_text(self) -> str:
        """ "Off target for 3 months, since January 2025", or ""."""
        if not self.periods_off_target or self.off_target_since is None:
            return ""
        since = period_label(self.frequency, self.off_target_since)
        if self.periods_off_target == 1:
            return f"Off target in {since}"
        return (
            f"Off target for {duration_words(self.frequency, self.periods_off_target)}, "
            f"since {since}"
        )


def rate(
    value: Decimal,
    *,
    target: Decimal,
    tolerance: Decimal,
    direction: Direction | str,
) -> MeasureRag:
    """Green, amber or red for one value."""
    shortfall = target - value if Direction(direction) == Direction.HIGHER else value - target
    if shortfall <= 0:
        return MeasureRag.GREEN
    if shortfall <= tolerance:
        return MeasureRag.AMBER
    return MeasureRag.RED


def rule_words(
    value: Decimal,
    *,
    target: Decimal,
    tolerance: Decimal,
    direction: Direction | str,
    unit: Unit | str,
) -> str:
    """ "12 points below target of 85%", "On target of 85%", with the tolerance when amber."""
    target_text = format_value(unit, target)
    if value == target:
        return f"On target of {target_text}"
    side = "above" if value > target else "below"
    words = f"{format_difference(unit, value - target)} {side} target of {target_text}"
    rag = rate(value, target=target, tolerance=tolerance, direction=direction)
    if rag == MeasureRag.AMBER:
        words += f", within the amber tolerance of {format_difference(unit, tolerance)}"
    return words


def assess(
    points: Sequence[Point],
    *,
    target: Decimal | None,
    tolerance: Decimal | None,
    direction: Direction | str,
    unit: Unit | str,
    frequency: Frequency | str = Frequency.MONTHLY,
) -> Assessment:
    """The measure's RAG from its latest value, the rule in words and how long it has been off
    target. `points` may be in any order."""
    frequency = Frequency(frequency)
    ordered = sorted(points, key=lambda p: p.period)
    latest = ordered[-1] if ordered else None
    if target is None:
        return Assessment(MeasureRag.NOT_RATED, "No target set", latest, frequency=frequency)
    if latest is None:
        return Assessment(MeasureRag.NO_DATA, "No values yet", frequency=frequency)
    tolerance = tolerance or Decimal(0)
    rag = rate(latest.value, target=target, tolerance=tolerance, direction=direction)
    words = rule_words(
        latest.value, target=target, tolerance=tolerance, direction=direction, unit=unit
    )
    since = None
    if rag.is_off_target:
        for point in reversed(ordered):
            if not rate(
                point.value, target=target, tolerance=tolerance, direction=direction
            ).is_off_target:
                break
            since = point.period
    # Counted in periods from the first off-target value to the latest, so a missing month in
    # between does not shorten it.
    run = 0 if since is None else _periods_between(since, latest.period, frequency) + 1
    return Assessment(rag, words, latest, since, run, frequency)


def _periods_between(first: dt.date, last: dt.date, frequency: Frequency) -> int:
    months = (last.year - first.year) * 12 + last.month - first.month
    return months // frequency.months
