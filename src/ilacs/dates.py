"""Dates written the GOV.UK way ("4 March 2024", "4 to 15 March 2024"), whatever the server's
locale. Plain Python, shared by the extractor (month names) and every app's pages."""

from __future__ import annotations

import datetime as dt

MONTH_NAMES = (
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


def _month(value: dt.date) -> str:
    return MONTH_NAMES[value.month - 1]


def format_date(value: dt.date | None) -> str:
    """GOV.UK style: 4 March 2024 (no leading zero); "" for no date."""
    if value is None:
        return ""
    return f"{value.day} {_month(value)} {value.year}"


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    """GOV.UK style ranges: "4 to 15 March 2024", "26 February to 8 March 2024"."""
    if start is None and end is None:
        return "dates not given"
    if start is None or end is None or start == end:
        return format_date(start or end)
    if start.year != end.year:
        return f"{format_date(start)} to {format_date(end)}"
    if start.month != end.month:
        return f"{start.day} {_month(start)} to {format_date(end)}"
    return f"{start.day} to {format_date(end)}"
