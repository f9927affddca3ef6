"""The submission deadline: 70 working days after publication, England and Wales bank holidays
not counted (govuk-bank-holidays' bundled data, never the network)."""

import datetime as dt
import socket

import pytest

from ilacs.plans import workingdays
from ilacs.plans.workingdays import (
    add_working_days,
    bank_holidays,
    is_working_day,
    standard_bank_holidays,
    submission_deadline,
)


def test_a_deadline_counted_by_hand_over_easter_and_the_may_bank_holidays():
    # Published Monday 3 March 2025. 70 weekdays later is Monday 9 June 2025; four bank holidays
    # fall in between (Good Friday 18 April, Easter Monday 21 April, 5 May, 26 May), so the
    # 70th working day is four working days later: Friday 13 June 2025.
    assert submission_deadline(dt.date(2025, 3, 3)) == dt.date(2025, 6, 13)


def test_a_deadline_counted_by_hand_over_christmas():
    # Published Friday 13 December 2024. 70 weekdays later is Friday 21 March 2025; Christmas
    # Day, Boxing Day and New Year's Day fall in between: Wednesday 26 March 2025.
    assert submission_deadline(dt.date(2024, 12, 13)) == dt.date(2025, 3, 26)


def test_the_publication_day_itself_is_not_counted():
    assert add_working_days(dt.date(2025, 3, 3), 1) == dt.date(2025, 3, 4)  # Monday -> Tuesday
    assert add_working_days(dt.date(2025, 3, 7), 1) == dt.date(2025, 3, 10)  # Friday -> Monday
    assert add_working_days(dt.date(2025, 3, 7), 0) == dt.date(2025, 3, 7)


def test_christmas_and_easter_are_not_working_days():
    for day in ("2024-12-25", "2024-12-26", "2025-01-01", "2025-04-18", "2025-04-21"):
        assert not is_working_day(dt.date.fromisoformat(day)), day
    assert is_working_day(dt.date(2024, 12, 27))
    assert not is_working_day(dt.date(2025, 3, 8))  # a Saturday


def test_one_off_holidays_come_from_the_bundled_list():
    # The state funeral of Queen Elizabeth II and the coronation bank holiday.
    assert dt.date(2022, 9, 19) in bank_holidays(2022)
    assert dt.date(2023, 5, 8) in bank_holidays(2023)


def test_scotlands_holidays_are_not_englands():
    assert dt.date(2025, 1, 2) not in bank_holidays(2025)  # 2 January: Scotland only
    assert dt.date(2025, 8, 4) not in bank_holidays(2025)  # Scotland's summer holiday


def test_the_standing_rules_agree_with_the_bundled_list_in_ordinary_years():
    for year in (2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2024, 2025, 2026, 2027, 2028):
        assert standard_bank_holidays(year) == bank_holidays(year), year


def test_years_beyond_the_bundled_list_use_the_standing_rules():
    holidays = bank_holidays(2031)
    assert dt.date(2031, 4, 11) in holidays  # Good Friday (Easter Sunday 13 April 2031)
    assert dt.date(2031, 4, 14) in holidays  # Easter Monday
    assert dt.date(2031, 12, 25) in holidays and dt.date(2031, 12, 26) in holidays
    # Christmas Day 2032 is a Saturday: Monday 27 and Tuesday 28 December instead.
    assert {dt.date(2032, 12, 27), dt.date(2032, 12, 28)} <= bank_holidays(2032)


def test_never_uses_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    workingdays._bundled.cache_clear()
    workingdays.bank_holidays.cache_clear()
    assert submission_deadline(dt.date(2025, 3, 3)) == dt.date(2025, 6, 13)


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(dt.date(2025, 3, 3), -1)
