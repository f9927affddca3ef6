"""End to end: the project's fictional sample report, through the real extractor, into pages."""

from django.urls import reverse

from ilacs.extraction.sample import sample_report_path
from ilacs.inspections.services import ingest_file
from ilacs.localauthorities.services import create_fictional_local_authority


def test_sample_report_ingested_and_shown(cast, client):
    # `cast` made Northbrook (fictional); the sample report is about it.
    data = sample_report_path().read_bytes()
    result = ingest_file(data, "sample_report.txt", user=cast.erin_editor)
    assert result.ok, result.summary()
    inspection = result.inspections[0]
    assert inspection.local_authority == cast.northbrook
    assert inspection.report_type == "ilacs"
    assert inspection.format == "text"
    assert inspection.pages == 4
    assert [j.grade for j in inspection.judgements.all()] == [
        "requires_improvement",
        "requires_improvement",
        "good",
        "requires_improvement",
        "requires_improvement",
    ]
    recommendations = list(inspection.recommendations.all())
    assert len(recommendations) == 4
    assert recommendations[0].text.startswith("The quality and timeliness of plans")
    assert inspection.paragraphs.count() == 15
    first = inspection.paragraphs.first()
    assert first.section == "The experiences and progress of children who need help and protection"
    assert first.reference == "paragraph 1, page 2"

    client.force_login(cast.vic_viewer)
    body = client.get(inspection.get_absolute_url()).content.decode()
    assert "Paragraph 13, page 4" in body
    assert "Jane Example" in body
    download = client.get(reverse("inspections:source", args=["northbrook", inspection.pk]))
    assert b"".join(download.streaming_content) == data


def test_fictional_council_cannot_take_a_real_name(db):
    import pytest

    with pytest.raises(ValueError):
        create_fictional_local_authority("Leicestershire", "made-up")
    with pytest.raises(ValueError):
        create_fictional_local_authority("Somewhere", "leicestershire")
