"""A findings paragraph's section heading -> the judgement it sits under."""

import pytest

from ilacs.inspections.sections import judgement_for_section

LEADERS = "The impact of leaders on social work practice with children and families"
HELP = "The experiences and progress of children who need help and protection"
ILACS_2023 = [
    ("impact_of_leaders", LEADERS),
    ("help_and_protection", HELP),
    ("in_care", "The experiences and progress of children in care"),
    ("care_leavers", "The experiences and progress of care leavers"),
    ("overall_effectiveness", "Overall effectiveness"),
]  # fmt: skip
ILACS_2018 = [
    ("impact_of_leaders", LEADERS),
    ("help_and_protection", HELP),
    ("in_care_and_care_leavers", "The experiences and progress of children in care and care "
     "leavers"),
    ("overall_effectiveness", "Overall effectiveness"),
]  # fmt: skip
SIF = [
    ("overall_effectiveness", "Children's services in Testshire require improvement to be good"),
    ("help_and_protection", "Children who need help and protection"),
    ("looked_after_and_permanence", "Children looked after and achieving permanence"),
    ("adoption", "Adoption performance"),
    ("care_leavers", "Experiences and progress of care leavers"),
    ("leadership_management_governance", "Leadership, management and governance"),
]
EARLY = [
    ("overall_effectiveness", "Overall effectiveness"),
    ("capacity_to_improve", "Capacity for improvement"),
    ("other", "Outcomes for children and young people"),
    ("other", "Quality of provision"),
]


def key_for(section, judgements):
    index = judgement_for_section(section, judgements)
    return None if index is None else judgements[index]


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("The experiences and progress of children who need help and protection", 1),
        ("The experiences and progress of children in care", 2),
        ("The experiences and progress of care leavers", 3),
        ("The impact of leaders on social work practice with children and families", 0),
        ("Overall effectiveness", 4),
        # Sections that are not a judgement's sit under the overall grade
        ("Summary of findings", 4),
        ("About this inspection", 4),
        ("", 4),
    ],
)
def test_ilacs_sections_map_to_their_own_judgement(section, expected):
    assert judgement_for_section(section, ILACS_2023) == expected


def test_a_report_judging_children_in_care_and_care_leavers_together():
    assert key_for("The experiences and progress of children in care", ILACS_2018)[0] == (
        "in_care_and_care_leavers"
    )
    assert key_for("The experiences and progress of care leavers", ILACS_2018)[0] == (
        "in_care_and_care_leavers"
    )


def test_sif_sections_including_the_nearest_judgement():
    assert key_for("Children looked after and achieving permanence", SIF)[0] == (
        "looked_after_and_permanence"
    )
    assert key_for("Adoption performance", SIF)[0] == "adoption"
    assert key_for("Leadership, management and governance", SIF)[0] == (
        "leadership_management_governance"
    )
    # An ILACS-style heading in a SIF report finds the SIF's judgement for children in care.
    assert key_for("The experiences and progress of children in care", SIF)[0] == (
        "looked_after_and_permanence"
    )
    assert key_for("The local authority", SIF)[0] == "overall_effectiveness"


def test_early_reports_match_other_rows_by_their_printed_name():
    assert key_for("Quality of provision", EARLY)[1] == "Quality of provision"
    assert key_for("Outcomes for children and young people", EARLY)[1] == (
        "Outcomes for children and young people"
    )
    assert key_for("Areas for improvement", EARLY)[0] == "overall_effectiveness"


def test_an_lscb_section_without_an_lscb_judgement_has_no_grade():
    assert judgement_for_section("The local safeguarding children board", SIF) is None


def test_no_judgements_no_grade():
    assert judgement_for_section("Summary of findings", []) is None
    assert judgement_for_section("The experiences and progress of care leavers", []) is None


def test_headings_tables_do_not_print():
    judgements = [*SIF, ("lscb", "The effectiveness of the Local Safeguarding Children Board")]
    assert key_for("Key strengths and weaknesses of the BSCB", judgements)[0] == "lscb"
    assert key_for("The LSCB’s strengths", judgements)[0] == "lscb"
    cut_short = "The experiences and progress of children and young people who need help and"
    assert key_for(cut_short, judgements)[0] == "help_and_protection"
    # "scb" inside a word is not a board
    assert key_for("Summary of key findings", judgements)[0] == "overall_effectiveness"
