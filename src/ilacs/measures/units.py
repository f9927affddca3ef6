"""Units of measures and how their numbers are written. Plain Python (no Django)."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum


class Unit(StrEnum):
    PERCENT = "percent"
    NUMBER = "number"
    DAYS = "days"
    RATE_10K = "rate_10k"

    @property
    def label(self) -> str:
        return UNIT_LABELS[self]


UNIT_LABELS = {
    Unit.PERCENT: "Percentage",
    Unit.NUMBER: "Number",
    Unit.DAYS: "Days",
    Unit.RATE_10K: "Rate per 10,000 children",
}
# What a value of each unit may not be: checked by the services, so the forms, the import and
# the command line all say the same.
UNIT_NOUNS = {
    Unit.PERCENT: "A percentage",
    Unit.NUMBER: "A number",
    Unit.DAYS: "A number of days",
    Unit.RATE_10K: "Rate per 10,000",
}


def plain_number(value: Decimal | float | int) -> str:
    """ "1,234", "85.5", "0.25": no trailing zeros, thousands separated."""
    d = Decimal(str(value)).normalize()
    if d == d.to_integral_value():
        return f"{int(d):,}"
    return f"{d:,f}"


def format_value(unit: Unit | str, value: Decimal | float | int | None) -> str:
    """ "85%", "1,234", "12 days", "450.2 per 10,000"."""
    if value is None:
        return ""
    unit = Unit(unit)
    text = plain_number(value)
    if unit == Unit.PERCENT:
        return f"{text}%"
    if unit == Unit.DAYS:
        return f"{text} day" if Decimal(str(value)) == 1 else f"{text} days"
    if unit == Unit.RATE_10K:
        return f"{text} per 10,000"
    return text


def format_difference(unit: Unit | str, difference: Decimal | float | int) -> str:
    """A gap between two values: "12 points", "3 days", "40", "12.5 per 10,000"."""
    unit = Unit(unit)
    if unit == Unit.PERCENT:
        text = plain_number(abs(Decimal(str(difference))))
        return f"{text} point" if Decimal(str(difference)) in (1, -1) else f"{text} points"
    return format_value(unit, abs(Decimal(str(difference))))


def value_problem(unit: Unit | str, value: Decimal) -> str | None:
    """Why a value cannot be one of this unit, or None: "Rate per 10,000 cannot be negative"."""
    unit = Unit(unit)
    if value < 0:
        return f"{UNIT_NOUNS[unit]} cannot be negative"
    if unit == Unit.PERCENT and value > 100:
        return "A percentage cannot be more than 100"
    return None
