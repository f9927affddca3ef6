"""Periods that measures and audits are reported for: a month, a quarter or a year.

Plain Python (no Django). A period is held as the date it starts on. Councils report in
financial years (1 April to 31 March), so a quarter is a financial quarter (Q1 is April to June)
and a year is a financial year ("2024-25"). Parsing accepts what councils type in spreadsheets
and says in plain words what it could not read ("13/2025 is not a month").
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBERS = {name.lower(): n for n, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update({name[:3].lower(): n for n, name in enumerate(MONTHS, start=1)})
_MONTH_NUMBERS["sept"] = 9


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"

    @property
    def noun(self) -> str:
        return {"monthly": "month", "quarterly": "quarter", "yearly": "year"}[self.value]

    @property
    def months(self) -> int:
        return {"monthly": 1, "quarterly": 3, "yearly": 12}[self.value]


class PeriodError(ValueError):
    """Text that is not a period of the expected kind, with the reason in plain words."""


def _financial_year(day: dt.date) -> int:
    """The year a financial year starts in: 1 April 2024 to 31 March 2025 is 2024."""
    return day.year if day.month >= 4 else day.year - 1


def period_start(frequency: Frequency | str, day: dt.date) -> dt.date:
    """The first day of the period of this kind that contains `day`."""
    frequency = Frequency(frequency)
    if frequency == Frequency.MONTHLY:
        return day.replace(day=1)
    if frequency == Frequency.QUARTERLY:
        month = ((day.month - 1) // 3) * 3 + 1
        return dt.date(day.year, month, 1)
    return dt.date(_financial_year(day), 4, 1)


def is_period_start(frequency: Frequency | str, day: dt.date) -> bool:
    return period_start(frequency, day) == day


def add_periods(frequency: Frequency | str, start: dt.date, n: int) -> dt.date:
    """The start of the period `n` periods after (or before, n < 0) the one starting `start`."""
    months = start.year * 12 + start.month - 1 + n * Frequency(frequency).months
    return dt.date(months // 12, months % 12 + 1, 1)


def period_end(frequency: Frequency | str, start: dt.date) -> dt.date:
    return add_periods(frequency, start, 1) - dt.timedelta(days=1)


def _year_label(first: int) -> str:
    return f"{first}-{(first + 1) % 100:02d}"


def _quarter(start: dt.date) -> int:
    """Financial quarter: April to June is Q1, January to March is Q4."""
    return ((start.month - 4) % 12) // 3 + 1


def period_label(frequency: Frequency | str, start: dt.date) -> str:
    """ "March 2025", "Q1 2025-26", "2025-26"."""
    frequency = Frequency(frequency)
    if frequency == Frequency.MONTHLY:
        return f"{MONTHS[start.month - 1]} {start.year}"
    if frequency == Frequency.QUARTERLY:
        return f"Q{_quarter(start)} {_year_label(_financial_year(start))}"
    return _year_label(start.year)


def period_short_label(frequency: Frequency | str, start: dt.date) -> str:
    """For chart axes: "Mar 2025", "Q1 2025-26", "2025-26"."""
    if Frequency(frequency) == Frequency.MONTHLY:
        return f"{MONTHS[start.month - 1][:3]} {start.year}"
    return period_label(frequency, start)


def period_long_label(frequency: Frequency | str, start: dt.date) -> str:
    """ "Q1 2025-26 (April to June 2025)"; months and years as period_label."""
    frequency = Frequency(frequency)
    if frequency != Frequency.QUARTERLY:
        return period_label(frequency, start)
    end = period_end(frequency, start)
    return (
        f"{period_label(frequency, start)} ({MONTHS[start.month - 1]} to "
        f"{MONTHS[end.month - 1]} {end.year})"
    )


def duration_words(frequency: Frequency | str, n: int) -> str:
    """ "1 month", "3 quarters"."""
    noun = Frequency(frequency).noun
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


_HOW_TO_WRITE = {
    Frequency.MONTHLY: "write months as 2025-03 or March 2025",
    Frequency.QUARTERLY: "write quarters as Q1 2025-26 (financial quarters: Q1 is April to June)",
    Frequency.YEARLY: "write years as 2025-26 (financial years, April to March)",
}


def _fail(frequency: Frequency, text: str) -> PeriodError:
    return PeriodError(f"{text} is not a {frequency.noun}: {_HOW_TO_WRITE[frequency]}")


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _month(frequency: Frequency, text: str) -> dt.date:
    t = text.strip().lower()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", t)
    if m:
        year, month = int(m[1]), int(m[2])
    else:
        m = re.fullmatch(r"(?:(\d{1,2})/)?(\d{1,2})/(\d{4}|\d{2})", t)
        if m:
            month, year = int(m[2]), _full_year(m[3])
        else:
            m = re.fullmatch(r"([a-z]+)[\s\-/]+(\d{4}|\d{2})", t)
            if not m or m[1] not in _MONTH_NUMBERS:
                raise _fail(frequency, text)
            month, year = _MONTH_NUMBERS[m[1]], _full_year(m[2])
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        raise _fail(frequency, text)
    return dt.date(year, month, 1)


def _financial_year_text(frequency: Frequency, text: str) -> int:
    """ "2025-26", "2025/26", "2025-2026", "2025/2026": the year it starts in."""
    m = re.fullmatch(r"(\d{4})\s*[-/–]\s*(\d{2}|\d{4})", text.strip())
    if not m:
        raise _fail(frequency, text)
    first, second = int(m[1]), int(m[2])
    if second != (first + 1) % 100 and second != first + 1:
        raise _fail(frequency, text)
    if not 1900 <= first <= 2100:
        raise _fail(frequency, text)
    return first


def parse_period(frequency: Frequency | str, value: str | dt.date | dt.datetime) -> dt.date:
    """The start of the period written as `value` (a date, or text in a form councils use).

    A date (a spreadsheet's date cell) means the period that contains it.
    """
    frequency = Frequency(frequency)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return period_start(frequency, value)
    text = str(value).strip()
    if not text:
        raise PeriodError(f"The {frequency.noun} is missing: {_HOW_TO_WRITE[frequency]}")
    if frequency == Frequency.MONTHLY:
        return _month(frequency, text)
    if frequency == Frequency.QUARTERLY:
        m = re.fullmatch(r"q([1-4])\s+(.+)|(.+?)\s+q([1-4])", text.lower())
        if not m:
            raise _fail(frequency, text)
        quarter = int(m[1] or m[4])
        first = _financial_year_text(frequency, m[2] or m[3])
        month = 4 + (quarter - 1) * 3
        return dt.date(first + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return dt.date(_financial_year_text(frequency, text), 4, 1)
