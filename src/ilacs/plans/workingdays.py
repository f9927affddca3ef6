"""Working days in England and Wales, for the action plan's submission deadline.

A council sends Ofsted its written action plan within 70 working days of the report's
publication. Working days are Monday to Friday, less England and Wales bank holidays.

Bank holidays come from govuk-bank-holidays' bundled copy of https://www.gov.uk/bank-holidays.json
(`use_cached_holidays=True`: the network is never used, so the deadline does not change with a
web service's mood and works offline). For years outside the bundled copy, the standing rules are
applied (New Year's Day, Good Friday, Easter Monday, early May, spring and summer bank holidays,
Christmas Day and Boxing Day, with substitute days); one-off holidays such as a coronation are
only known from the bundled copy.

Plain Python: no Django.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

SUBMISSION_WORKING_DAYS = 70

_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=1)
def _bundled() -> tuple[frozenset[dt.date], int, int]:
    from govuk_bank_holidays.bank_holidays import BankHolidays

    holidays = BankHolidays(use_cached_holidays=True)
    dates = frozenset(
        h["date"] for h in holidays.get_holidays(division=BankHolidays.ENGLAND_AND_WALES)
    )
    years = {d.year for d in dates}
    return dates, min(years), max(years)


def _easter_sunday(year: int) -> dt.date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _monday_on_or_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - _DAY
    return last - dt.timedelta(days=last.weekday())


def standard_bank_holidays(year: int) -> frozenset[dt.date]:
    """England and Wales' regular bank holidays in a year, by the standing rules."""
    new_year = dt.date(year, 1, 1)
    if new_year.weekday() >= 5:
        new_year = _monday_on_or_after(new_year)
    easter = _easter_sunday(year)
    christmas, boxing = dt.date(year, 12, 25), dt.date(year, 12, 26)
    if christmas.weekday() == 5:  # Saturday: Monday and Tuesday
        christmas, boxing = christmas + 2 * _DAY, boxing + 2 * _DAY
    elif christmas.weekday() == 6:  # Sunday: Boxing Day is Monday, Christmas moves to Tuesday
        christmas = christmas + 2 * _DAY
    elif christmas.weekday() == 4:  # Friday: Boxing Day (Saturday) moves to Monday
        boxing = boxing + 2 * _DAY
    return frozenset(
        {
            new_year,
            easter - 2 * _DAY,  # Good Friday
            easter + _DAY,  # Easter Monday
            _monday_on_or_after(dt.date(year, 5, 1)),  # early May
            _last_monday(year, 5),  # spring
            _last_monday(year, 8),  # summer
            christmas,
            boxing,
        }
    )


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> frozenset[dt.date]:
    """England and Wales bank holidays in `year`: the bundled GOV.UK list where it has the year,
    the standing rules otherwise."""
    dates, first, last = _bundled()
    if first <= year <= last:
        return frozenset(d for d in dates if d.year == year)
    return standard_bank_holidays(year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The `days`-th working day after `start` (`start` itself never counts)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    counted = 0
    while counted < days:
        day += _DAY
        if is_working_day(day):
            counted += 1
    return day


def submission_deadline(published: dt.date) -> dt.date:
    """When the written action plan is due: 70 working days after the report's publication."""
    return add_working_days(published, SUBMISSION_WORKING_DAYS)
