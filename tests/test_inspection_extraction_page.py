"""What the inspection page shows of an extracted report: printed numbers, judgement names, grades
as printed and the national framework each 2026 item cites."""

from pathlib import Path

import pytest

from ilacs.extraction.model import Judgement, Recommendation
from ilacs.inspections.services import ingest_file
from tests.factories import FakeExtractor, report_record

REPORTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reports"
if not REPORTS.is_dir():
    REPORTS = Path("/work/shared/corpus/reports")


def _page(client, user, inspection) -> str:
    client.force_login(user)
    response = client.get(inspection.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def sif_inspection(cast):
    record = report_record(
        "Northbrook",
        report_type="sif",
        judgements=[
            Judgement("1. Children who need help and protection", "help_and_protection",
                      "requires_improvement", "Requires improvement"),
            Judgement("2.1 Adoption performance", "adoption", "requires_improvement",
                      "Requires improvement"),
            Judgement("The Local Safeguarding Children Board is", "lscb", "good", "Good"),
        ],
        recommendations=[Recommendation(14, "Improve plans.", 6),
                         Recommendation(15, "Improve supervision.", 6)],
        lscb_recommendations=[Recommendation(n, f"Board item {n}.", 30) for n in range(120, 125)],
    )  # fmt: skip
    return ingest_file(b"%PDF sif", "sif.pdf", extractor=FakeExtractor(record)).inspections[0]


def test_sif_recommendations_keep_their_printed_numbers(client, cast, sif_inspection):
    body = _page(client, cast.vic_viewer, sif_inspection)
    assert '<li id="recommendation-14" value="14">' in body
    for number in range(120, 125):
        item = f'<li id="lscb-recommendation-{number}" value="{number}">Board item {number}.'
        assert item in body


def test_the_lscb_judgement_row_has_a_name_not_half_a_sentence(client, cast, sif_inspection):
    body = _page(client, cast.vic_viewer, sif_inspection)
    assert ">The Local Safeguarding Children Board</th>" in body
    assert "Board is</th>" not in body


def test_grades_are_shown_as_the_report_prints_them(client, cast, sif_inspection):
    body = _page(client, cast.vic_viewer, sif_inspection)
    assert "Ofsted's judgements, as printed in the report" in body
    assert body.count('ilacs-grade-tag">\n  Requires improvement\n</strong>') == 2
    assert "Requires improvement to be good" not in body


def test_every_national_framework_citation_is_shown(client, cast):
    record = report_record(
        "Northbrook",
        recommendations=[
            Recommendation(1, "Plans. (outcome 4, national framework)", 3,
                           "outcome 4, national framework", 4),
            Recommendation(2, "Oversight. (enabler 2, national framework)", 3,
                           "enabler 2, national framework", None),
        ],
    )  # fmt: skip
    inspection = ingest_file(b"%PDF 2026", "r.pdf", extractor=FakeExtractor(record)).inspections[0]
    body = _page(client, cast.vic_viewer, inspection)
    assert "Page 3; National framework outcome 4</span>" in body
    assert "Page 3; National framework enabler 2</span>" in body


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("The Local Safeguarding Children Board is", "The Local Safeguarding Children Board"),
        (
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is",
            "The effectiveness of the Local Safeguarding Children Board (LSCB)",
        ),
        ("2.1 Adoption performance", "2.1 Adoption performance"),
        ("Overall effectiveness", "Overall effectiveness"),
    ],
)
def test_judgement_names(printed, name):
    from ilacs.inspections import labels

    assert labels.judgement_name(printed, "lscb") == name


@pytest.mark.parametrize(
    ("reference", "label"),
    [
        ("outcome 1, national framework", "National framework outcome 1"),
        ("Outcome 4, national framework", "National framework outcome 4"),
        ("enabler 2, national framework", "National framework enabler 2"),
        (
            "Enabler: the workforce is equipped and effective, National Framework",
            "National framework enabler: the workforce is equipped and effective",
        ),
        ("", ""),
        (None, ""),
    ],
)
def test_framework_labels(reference, label):
    from ilacs.inspections import labels

    assert labels.framework_label(reference) == label


@pytest.mark.parametrize(
    ("printed", "words"),
    [
        ("Requires\nimprovement", "Requires improvement"),
        ("requires improvement to be good", "Requires improvement to be good"),
        ("require improvement to be good", "Requires improvement to be good"),
        ("GOOD", "Good"),
        ("inadequate.", "Inadequate"),
    ],
)
def test_grade_words(printed, words):
    from ilacs.extraction.fields import grade_words

    assert grade_words(printed) == words


def _real(name: str) -> bytes:
    path = REPORTS / name
    if not path.is_file():
        pytest.skip(f"the corpus report {name} is not here (../shared/corpus/reports)")
    return path.read_bytes()


def test_a_real_sif_report_on_its_page(client, cast):
    """Kirklees 2016 through the real extractor: LSCB items 117-126, its judgement printed as a
    sentence, and sub-grades printed "Requires improvement"."""
    data = _real("80478-kirklees-2016-11-25.pdf")
    result = ingest_file(data, "kirklees.pdf")
    assert result.ok, result.summary()
    inspection = result.inspections[0]
    judgements = {j.key: j for j in inspection.judgements.all()}
    assert judgements["adoption"].grade_as_printed == "Requires improvement"
    assert judgements["lscb"].name == "The Local Safeguarding Children Board"
    body = _page(client, cast.sam_superuser, inspection)
    assert '<li id="lscb-recommendation-117" value="117">' in body
    assert "Requires improvement to be good" not in body
