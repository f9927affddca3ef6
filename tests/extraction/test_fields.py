"""Dates, council names, inspectors and grades as Ofsted has printed them since 2012."""

import pytest

from ilacs.extraction.fields import (
    clean_inspector,
    clean_la_name,
    grade_key,
    judgement_key,
    parse_date_range,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("15 – 19 July 2013", ("2013-07-15", "2013-07-19")),
        ("14 January 2014 – 5 February 2014", ("2014-01-14", "2014-02-05")),
        ("27 September to 8 October 2021", ("2021-09-27", "2021-10-08")),
        ("3-7 and 17-21 March 2014", ("2014-03-03", "2014-03-21")),
        ("12/09/2016 to 06/10/2016", ("2016-09-12", "2016-10-06")),
        ("14 December to 8 January 2016", ("2015-12-14", "2016-01-08")),
        ("30 September to 11 October 2024 and 13 to 16 January 2025", ("2024-09-30", "2025-01-16")),
        ("11th to the 29th November 2019", ("2019-11-11", "2019-11-29")),
        ("no dates here", (None, None)),
    ],
)
def test_inspection_dates(text, expected):
    assert parse_date_range(text) == expected


@pytest.mark.parametrize(
    "printed, plain",
    [
        ("London Borough of Croydon", "Croydon"),
        ("the Royal Borough of Kensington and Chelsea", "Kensington and Chelsea"),
        ("Rotherham Metropolitan Borough Council", "Rotherham"),
        ("Leicester City Council", "Leicester"),
        ("Bournemouth, Christchurch and Poole Council", "Bournemouth, Christchurch and Poole"),
        ("Council of the Isles of Scilly", "Isles of Scilly"),
        ("City of London", "City of London"),
        ("Kingston upon Hull City Council", "Kingston upon Hull"),
        ("London Borough of Hammersmith & Fulham", "Hammersmith and Fulham"),
        ("Bradford Children and Families Trust", "Bradford"),
        ("Metropolitan Borough of Barnsley Council", "Barnsley"),
        ("Calderdale Metropolitan Council", "Calderdale"),
        ("Wakefield District Metropolitan Council", "Wakefield"),
        ("Tameside metropolitan borough", "Tameside"),
        ("Medway Children’s Services", "Medway"),
        ("East Riding", "East Riding"),
    ],
)
def test_council_names(printed, plain):
    assert clean_la_name(printed) == plain


@pytest.mark.parametrize(
    "printed, name",
    [
        ("Teresa Godfrey, His Majesty’s Inspector", "Teresa Godfrey"),
        ("Helen Cawston HMI", "Helen Cawston"),
        ("Karen Wareing (HMI)", "Karen Wareing"),
        ("Dr Jane Smith", "Jane Smith"),
        (
            "Rebecca Quested, His Majesty’s Inspector, and Matthew Reed, His Majesty’s Inspector",
            "Rebecca Quested and Matthew Reed",
        ),
        ("", None),
    ],
)
def test_lead_inspector(printed, name):
    assert clean_inspector(printed) == name


@pytest.mark.parametrize(
    "label, key",
    [
        (
            "The impact of leaders on social work practice with children and families",
            "impact_of_leaders",
        ),
        (
            "The experiences and progress of children who need help and protection",
            "help_and_protection",
        ),
        (
            "The experiences and progress of children in care and care leavers",
            "in_care_and_care_leavers",
        ),
        ("The experiences and progress of children in care", "in_care"),
        ("The experiences and progress of children care leavers", "care_leavers"),
        ("2. Children looked after and achieving permanence", "looked_after_and_permanence"),
        ("2.1 Adoption performance", "adoption"),
        ("3. Leadership, management and governance", "leadership_management_governance"),
        ("The effectiveness of the Local Safeguarding Children Board (LSCB)", "lscb"),
        ("Children’s services in Norfolk are", "overall_effectiveness"),
        ("Capacity to improve", "capacity_to_improve"),
        ("Quality of provision", "other"),
    ],
)
def test_judgement_keys(label, key):
    assert judgement_key(label) == key


def test_grades():
    assert grade_key("Requires improvement to be good") == "requires_improvement"
    assert grade_key("require improvement") == "requires_improvement"
    assert grade_key("Outstanding") == "outstanding"
