"""Inspections for search, added through ingest (as reports really arrive) from records."""

from __future__ import annotations

import pytest

from ilacs.extraction.model import Judgement, Paragraph, Recommendation
from ilacs.inspections.services import ingest_file
from tests.factories import FakeExtractor, LocalAuthorityFactory, make_source, report_record

HOSTILE = '<script>alert("x")</script> Care leavers & <b>bold</b> \ue000 stray'


CARE_LEAVERS = "The experiences and progress of care leavers"
HELP = "The experiences and progress of children who need help and protection"
R, P = Recommendation, Paragraph


def judged(**grades: str) -> list[Judgement]:
    printed = {
        "impact_of_leaders": "The impact of leaders on social work practice with children and "
        "families",
        "help_and_protection": "The experiences and progress of children who need help and "
        "protection",
        "in_care": "The experiences and progress of children in care",
        "care_leavers": "The experiences and progress of care leavers",
        "overall_effectiveness": "Overall effectiveness",
    }
    return [Judgement(printed[key], key, grade) for key, grade in grades.items()]


def add_report(name: str, data: bytes, user=None, **kwargs):
    record = report_record(name, source=make_source(data), **kwargs)
    result = ingest_file(data, f"{name}.pdf", user=user, extractor=FakeExtractor(record))
    assert result.ok, result.summary()
    return result.inspections[0]


@pytest.fixture
def reports(cast):
    return make_reports(cast)


def make_reports(cast):
    """Northbrook (North East) judged good for care leavers in 2024; Southmere (London) judged
    inadequate for care leavers in 2019; Eastwick (London) an outstanding SIF in 2015."""
    cast.northbrook.region = "North East"
    cast.northbrook.save()
    cast.southmere.region = "London"
    cast.southmere.save()
    LocalAuthorityFactory(name="Eastwick", slug="eastwick", region="London")
    northbrook = add_report(
        "Northbrook",
        b"northbrook 2024",
        judgements=judged(
            help_and_protection="requires_improvement",
            care_leavers="good",
            overall_effectiveness="requires_improvement",
        ),
        recommendations=[
            R(1, "Care leavers' access to suitable accommodation.", 3, themes=["care_leavers"]),
            R(
                2,
                "Management oversight and supervision of practice.",
                3,
                themes=["management_oversight"],
            ),
        ],
        paragraphs=[
            P(
                CARE_LEAVERS,
                41,
                "Care leavers have trusted relationships with their personal advisers.",
                9,
                themes=["care_leavers"],
            ),
            P(
                HELP,
                7,
                "Strategy meetings are timely and thresholds are well understood.",
                4,
                themes=["front_door"],
            ),
            P(CARE_LEAVERS, 42, HOSTILE, 10, themes=["care_leavers"]),
        ],
    )
    southmere = add_report(
        "Southmere",
        b"southmere 2019",
        inspection_start="2019-06-03",
        inspection_end="2019-06-14",
        judgements=judged(
            help_and_protection="good",
            care_leavers="inadequate",
            overall_effectiveness="inadequate",
        ),
        recommendations=[
            R(
                1,
                "The quality of pathway plans for care leavers.",
                2,
                themes=["care_leavers", "plans"],
            ),
        ],
        paragraphs=[
            P(
                CARE_LEAVERS,
                30,
                "Too many care leavers live in unsuitable accommodation.",
                8,
                themes=["care_leavers"],
            ),
            P(
                HELP,
                12,
                "Return home interviews are completed promptly for children who go missing.",
                5,
                themes=["exploitation_missing"],
            ),
        ],
    )
    eastwick = add_report(
        "Eastwick",
        b"eastwick 2015",
        report_type="sif",
        inspection_start="2015-01-12",
        inspection_end="2015-02-04",
        judgements=[
            Judgement("Overall effectiveness", "overall_effectiveness", "outstanding"),
            Judgement("Experiences and progress of care leavers", "care_leavers", "outstanding"),
        ],
        recommendations=[],
        paragraphs=[
            P(
                "Experiences and progress of care leavers",
                80,
                "The care leaver offer is generous and care leavers shape it.",
                20,
                themes=["care_leavers", "voice_participation"],
            ),
        ],
    )
    return {"northbrook": northbrook, "southmere": southmere, "eastwick": eastwick}
