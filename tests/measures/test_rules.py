"""The RAG rule, periods and units: plain Python, no database."""

import datetime as dt
from decimal import Decimal as D

import pytest

from ilacs.measures import periods, rag
from ilacs.measures.units import format_difference, format_value, value_problem


def points(*pairs):
    return [rag.Point(dt.date(2025, m, 1), D(str(v))) for m, v in pairs]


def assess(values, target=85, tolerance=5, direction="higher", unit="percent", **kw):
    return rag.assess(
        values,
        target=None if target is None else D(str(target)),
        tolerance=D(str(tolerance)),
        direction=direction,
        unit=unit,
        **kw,
    )


def test_red_with_the_rule_in_words():
    result = assess(points((1, 73)))
    assert result.rag == rag.MeasureRag.RED
    assert result.rule == "12 points below target of 85%"


def test_amber_within_the_tolerance():
    result = assess(points((1, 82)))
    assert result.rag == rag.MeasureRag.AMBER
    assert result.rule == "3 points below target of 85%, within the amber tolerance of 5 points"


def test_green_on_or_better_than_target():
    assert assess(points((1, 85))).rule == "On target of 85%"
    assert assess(points((1, 90))).rag == rag.MeasureRag.GREEN
    assert assess(points((1, 90))).rule == "5 points above target of 85%"


def test_lower_is_better():
    result = assess(points((1, 26)), target=20, tolerance=2, direction="lower")
    assert result.rag == rag.MeasureRag.RED
    assert result.rule == "6 points above target of 20%"
    assert assess(points((1, 21)), target=20, tolerance=2, direction="lower").rag == "amber"
    assert assess(points((1, 15)), target=20, tolerance=2, direction="lower").rag == "green"


def test_edge_of_the_tolerance_is_amber():
    assert assess(points((1, 80))).rag == rag.MeasureRag.AMBER
    assert assess(points((1, "79.99"))).rag == rag.MeasureRag.RED


def test_zero_tolerance_means_any_shortfall_is_red():
    assert assess(points((1, "84.9")), tolerance=0).rag == rag.MeasureRag.RED


def test_no_target_and_no_data():
    assert assess(points((1, 50)), target=None).rag == rag.MeasureRag.NOT_RATED
    assert assess([]).rag == rag.MeasureRag.NO_DATA


def test_latest_value_by_period_whatever_the_order():
    result = assess(list(reversed(points((1, 90), (2, 70)))))
    assert result.latest.period == dt.date(2025, 2, 1)
    assert result.rag == rag.MeasureRag.RED


def test_how_long_off_target():
    result = assess(points((1, 90), (2, 82), (3, 70), (4, 73)))
    assert result.off_target_since == dt.date(2025, 2, 1)
    assert result.periods_off_target == 3
    assert result.off_target_text == "Off target for 3 months, since February 2025"
    assert assess(points((1, 90), (2, 70))).off_target_text == "Off target in February 2025"
    assert assess(points((1, 70), (2, 90))).off_target_text == ""


def test_a_missing_month_does_not_shorten_the_time_off_target():
    result = assess(points((1, 70), (4, 70)))
    assert result.periods_off_target == 4


def test_units_in_words():
    assert format_value("percent", D("85.50")) == "85.5%"
    assert format_value("number", D("1234")) == "1,234"
    assert format_value("days", D("1")) == "1 day"
    assert format_value("rate_10k", D("450.25")) == "450.25 per 10,000"
    assert format_difference("percent", D("-12")) == "12 points"
    assert format_difference("days", D("3")) == "3 days"
    assert value_problem("rate_10k", D("-1")) == "Rate per 10,000 cannot be negative"
    assert value_problem("percent", D("101")) == "A percentage cannot be more than 100"
    assert value_problem("number", D("0")) is None


@pytest.mark.parametrize(
    ("frequency", "text", "start"),
    [
        ("monthly", "2025-03", dt.date(2025, 3, 1)),
        ("monthly", "March 2025", dt.date(2025, 3, 1)),
        ("monthly", "mar-25", dt.date(2025, 3, 1)),
        ("monthly", "03/2025", dt.date(2025, 3, 1)),
        ("monthly", "31/03/2025", dt.date(2025, 3, 1)),
        ("monthly", dt.datetime(2025, 3, 31, 0, 0), dt.date(2025, 3, 1)),
        ("quarterly", "Q1 2025-26", dt.date(2025, 4, 1)),
        ("quarterly", "2025/26 Q4", dt.date(2026, 1, 1)),
        ("quarterly", dt.date(2025, 11, 15), dt.date(2025, 10, 1)),
        ("yearly", "2025-26", dt.date(2025, 4, 1)),
        ("yearly", dt.date(2026, 2, 1), dt.date(2025, 4, 1)),
    ],
)
def test_periods_as_councils_write_them(frequency, text, start):
    assert periods.parse_period(frequency, text) == start


@pytest.mark.parametrize(
    ("frequency", "text", "message"),
    [
        ("monthly", "13/2025", "13/2025 is not a month: write months as 2025-03 or March 2025"),
        ("monthly", "Smarch 2025", "Smarch 2025 is not a month"),
        ("quarterly", "Q5 2025-26", "Q5 2025-26 is not a quarter"),
        ("yearly", "2025-27", "2025-27 is not a year"),
    ],
)
def test_periods_that_are_not(frequency, text, message):
    with pytest.raises(periods.PeriodError, match=message):
        periods.parse_period(frequency, text)


def test_period_labels():
    assert periods.period_label("monthly", dt.date(2025, 3, 1)) == "March 2025"
    assert periods.period_label("quarterly", dt.date(2026, 1, 1)) == "Q4 2025-26"
    assert periods.period_long_label("quarterly", dt.date(2025, 4, 1)) == (
        "Q1 2025-26 (April to June 2025)"
    )
    assert periods.period_label("yearly", dt.date(2025, 4, 1)) == "2025-26"
    assert periods.add_periods("quarterly", dt.date(2025, 10, 1), 1) == dt.date(2026, 1, 1)
