"""Words shown to people (no database)."""

import datetime as dt

import pytest

from ilacs.dates import date_range
from ilacs.extraction.model import ERROR_CODES, GRADES, REPORT_TYPES
from ilacs.inspections import labels


@pytest.mark.parametrize(
    ("grade", "printed"),
    [
        ("outstanding", "Outstanding"),
        ("good", "Good"),
        ("requires_improvement", "Requires improvement to be good"),
        ("adequate", "Adequate"),
        ("inadequate", "Inadequate"),
        ("", ""),
        (None, ""),
    ],
)
def test_grades_as_ofsted_prints_them(grade, printed):
    assert labels.grade_name(grade) == printed


def test_every_grade_and_report_type_has_words_and_a_colour():
    for grade in GRADES:
        assert grade in labels.GRADE_NAMES
        assert labels.grade_tag_class(grade).startswith("govuk-tag--")
    for report_type in REPORT_TYPES:
        assert report_type in labels.REPORT_TYPE_NAMES
        assert report_type in labels.REPORT_TYPE_SHORT_NAMES


def test_every_extraction_error_has_a_sentence():
    for code in ERROR_CODES:
        message = labels.error_message(code, max_mb=50)
        assert message and message[0].isupper() and message.endswith(".")
        assert "{" not in message
    assert "smaller than 50 MB" in labels.error_message("too_large", max_mb=50)
    assert "smaller than 2.5 MB" in labels.error_message("too_large", max_mb=2.5)
    assert labels.error_message("something_new")  # a future code still gets a sentence


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (dt.date(2024, 3, 4), dt.date(2024, 3, 15), "4 to 15 March 2024"),
        (dt.date(2024, 2, 26), dt.date(2024, 3, 8), "26 February to 8 March 2024"),
        (dt.date(2023, 12, 4), dt.date(2024, 1, 12), "4 December 2023 to 12 January 2024"),
        (dt.date(2024, 3, 4), dt.date(2024, 3, 4), "4 March 2024"),
        (dt.date(2024, 3, 4), None, "4 March 2024"),
        (None, None, "dates not given"),
    ],
)
def test_date_ranges_in_govuk_style(start, end, text):
    assert date_range(start, end) == text


def test_report_heading():
    assert labels.report_heading("sif", "Leicestershire") == "Leicestershire: SIF inspection"


def test_a_moment_is_shown_on_its_local_day():
    import datetime as dt

    from ilacs.inspections.templatetags.ilacs_tags import govuk_date

    # 23:30 UTC on 4 May is 00:30 on 5 May in London (British Summer Time)
    moment = dt.datetime(2030, 5, 4, 23, 30, tzinfo=dt.UTC)
    assert govuk_date(moment) == "5 May 2030"
    assert govuk_date(dt.date(2030, 5, 4)) == "4 May 2030"
