"""The ingest service against extraction records built from the contract's dataclasses."""

import hashlib

import pytest
from django.core.files.storage import default_storage

from ilacs.extraction.model import ERROR_CODES, Recommendation
from ilacs.inspections.labels import ERROR_MESSAGES
from ilacs.inspections.models import Inspection, Judgement, Paragraph
from ilacs.inspections.models import Recommendation as RecommendationRow
from ilacs.inspections.services import ingest_file, ingest_path, source_key
from tests.factories import FakeExtractor, error_record, make_source, report_record

DATA = b"%PDF-1.7 a report"


def test_creates_the_inspection_with_everything_in_it(cast):
    extractor = FakeExtractor(report_record("Northbrook"))
    result = ingest_file(DATA, "northbrook.pdf", user=cast.erin_editor, extractor=extractor)
    assert result.ok and result.status == "created"
    inspection = result.inspections[0]
    assert inspection.local_authority == cast.northbrook
    assert inspection.report_type == "ilacs"
    assert str(inspection.inspection_start) == "2024-03-04"
    assert str(inspection.published) == "2024-04-26"
    assert inspection.lead_inspector == "Jane Example"
    assert inspection.overall_effectiveness == "requires_improvement"
    assert inspection.overall_effectiveness_label == "Requires improvement to be good"
    assert inspection.sha256 == hashlib.sha256(DATA).hexdigest()
    assert inspection.source_key == inspection.sha256
    assert inspection.source_filename == "northbrook.pdf"
    assert inspection.file_size == len(DATA)
    assert inspection.ingested_by == cast.erin_editor
    assert inspection.source_file.read() == DATA
    assert [j.key for j in inspection.judgements.all()][-1] == "overall_effectiveness"
    assert inspection.judgements.count() == 5
    assert [r.number for r in inspection.recommendations.all()] == [1, 2]
    paragraph = inspection.paragraphs.get(number=37)
    assert paragraph.reference == "paragraph 37, page 9"
    assert extractor.calls == [(DATA, "northbrook.pdf")]


def test_same_file_again_is_recognised_not_duplicated(cast):
    extractor = FakeExtractor(report_record("Northbrook"))
    first = ingest_file(DATA, "a.pdf", user=cast.erin_editor, extractor=extractor)
    again = ingest_file(DATA, "renamed.pdf", user=cast.vic_viewer, extractor=extractor)
    assert again.ok and again.status == "already_held"
    assert again.inspections == first.inspections
    assert Inspection.objects.count() == 1
    assert len(extractor.calls) == 1  # recognised by its sha256, not read again
    assert again.summary().startswith("already held: renamed.pdf: Northbrook: ILACS inspection")


def test_same_file_held_for_a_council_the_user_cannot_see_says_nothing_about_it(cast):
    extractor = FakeExtractor(report_record("Northbrook"))
    ingest_file(DATA, "a.pdf", extractor=extractor)
    result = ingest_file(DATA, "a.pdf", user=cast.olly_other_la, extractor=extractor)
    assert not result.ok
    assert result.errors[0].code == "not_permitted"
    assert "already" not in result.errors[0].message


def test_a_committee_paper_embedding_two_reports(cast):
    paper = b"%PDF committee paper"
    first = report_record("Northbrook", source=make_source(paper, first_page=3, last_page=20))
    second = report_record(
        "Southmere",
        source=make_source(paper, first_page=21, last_page=30),
        inspection_start="2019-05-20",
        inspection_end="2019-05-24",
    )
    result = ingest_file(paper, "cabinet.pdf", extractor=FakeExtractor(first, second))
    assert result.ok
    a, b = result.inspections
    sha = hashlib.sha256(paper).hexdigest()
    assert a.source_key == f"{sha}#pages=3-20" == source_key(sha, first["source"])
    assert b.source_key == f"{sha}#pages=21-30"
    assert a.source_file.name == b.source_file.name  # the file is stored once
    assert (a.local_authority, b.local_authority) == (cast.northbrook, cast.southmere)
    assert a.is_embedded
    again = ingest_file(paper, "cabinet.pdf", extractor=FakeExtractor(first, second))
    assert again.status == "already_held" and len(again.inspections) == 2


def test_local_authority_not_matched_names_it_as_printed(cast):
    result = ingest_file(DATA, "x.pdf", extractor=FakeExtractor(report_record("Atlantis")))
    assert not result.ok
    error = result.errors[0]
    assert error.code == "local_authority_not_recognised"
    assert "“Atlantis”" in error.message
    assert Inspection.objects.count() == 0


def test_local_authority_missing(cast):
    result = ingest_file(DATA, "x.pdf", extractor=FakeExtractor(report_record(None)))
    assert result.errors[0].code == "local_authority_missing"


def test_printed_names_are_matched_to_reference_councils(db):
    records = [report_record("Telford & Wrekin"), report_record("Kingston Upon Hull, City of")]
    for i, record in enumerate(records):
        result = ingest_file(DATA + bytes([i]), "r.pdf", extractor=FakeExtractor(record))
        assert result.ok, result.summary()
    names = sorted(i.local_authority.name for i in Inspection.objects.all())
    assert names == ["Kingston upon Hull", "Telford and Wrekin"]


def test_upload_from_one_councils_page_must_be_about_that_council(cast):
    result = ingest_file(
        DATA,
        "x.pdf",
        user=cast.sam_superuser,
        local_authority=cast.southmere,
        extractor=FakeExtractor(report_record("Northbrook")),
    )
    assert result.errors[0].code == "wrong_local_authority"
    assert result.errors[0].message.startswith("This report is about Northbrook, not Southmere.")


@pytest.mark.parametrize("name", ["vic_viewer", "cara_contributor", "olly_other_la"])
def test_people_who_may_not_upload_are_refused(cast, name):
    result = ingest_file(
        DATA, "x.pdf", user=cast.user(name), extractor=FakeExtractor(report_record("Northbrook"))
    )
    assert result.errors[0].code == "not_permitted"
    assert Inspection.objects.count() == 0


@pytest.mark.parametrize("code", ERROR_CODES)
def test_extraction_errors_in_plain_words(db, code):
    result = ingest_file(DATA, "x.pdf", extractor=FakeExtractor(error_record(code, "raw detail")))
    assert not result.ok
    error = result.errors[0]
    assert error.code == code
    assert error.detail == "raw detail"
    assert "raw detail" not in error.message
    if "_" in code:
        assert code not in error.message  # words, not codes
    assert error.message.endswith(".")
    assert code in ERROR_MESSAGES


def test_not_a_pdf_message(db):
    result = ingest_file(DATA, "x.pdf", extractor=FakeExtractor(error_record("not_a_pdf")))
    assert "web page saved with the wrong name" in result.errors[0].message


def test_too_large_is_refused_before_reading(db, settings):
    settings.ILACS_MAX_UPLOAD_MB = 1
    extractor = FakeExtractor(report_record("Northbrook"))
    result = ingest_file(b"x" * 1_000_001, "big.pdf", extractor=extractor)  # 1 MB: 10**6 bytes
    assert result.errors[0].code == "too_large"
    assert "smaller than 1 MB" in result.errors[0].message
    assert extractor.calls == []


def test_an_extractor_that_crashes_is_an_unreadable_file(db):
    def broken(data, filename):
        raise RuntimeError("bug")

    result = ingest_file(DATA, "x.pdf", extractor=broken)
    assert result.errors[0].code == "unreadable"


def test_no_records_means_not_a_report(db):
    result = ingest_file(DATA, "x.pdf", extractor=FakeExtractor())
    assert result.errors[0].code == "not_an_inspection_report"


def test_a_malformed_record_is_refused_whole(cast):
    record = report_record(
        "Northbrook",
        recommendations=[Recommendation(1, "One", 2), Recommendation(1, "Again", 2)],
    )
    result = ingest_file(DATA, "x.pdf", extractor=FakeExtractor(record))
    assert result.errors[0].code == "bad_record"
    assert Inspection.objects.count() == 0


def test_one_bad_report_in_a_file_keeps_out_the_good_one(cast):
    paper = b"%PDF two reports"
    good = report_record("Northbrook", source=make_source(paper, first_page=1, last_page=9))
    bad = report_record("Atlantis", source=make_source(paper, first_page=10, last_page=19))
    result = ingest_file(paper, "p.pdf", extractor=FakeExtractor(good, bad))
    assert not result.ok
    assert Inspection.objects.count() == 0
    assert not default_storage.exists("inspections")


def test_values_that_do_not_fit_are_trimmed_or_dropped(cast):
    record = report_record(
        "Northbrook",
        title="T" * 500,
        lead_inspector="L" * 500,
        inspection_start="4 March 2024",  # not ISO: dropped, not a crash
        published=None,
    )
    record["recommendations"][0]["framework_outcome"] = 3
    record["recommendations"][0]["framework_reference"] = "outcome 3, national framework"
    result = ingest_file(DATA, "x.pdf", extractor=FakeExtractor(record))
    inspection = result.inspections[0]
    assert len(inspection.title) == 300
    assert inspection.inspection_start is None
    first = inspection.recommendations.first()
    assert first.framework_outcome == 3
    assert first.framework_reference == "outcome 3, national framework"


def test_lscb_recommendations_are_kept_apart(cast):
    record = report_record(
        "Northbrook", report_type="sif", lscb_recommendations=[Recommendation(1, "LSCB one", 30)]
    )
    inspection = ingest_file(DATA, "x.pdf", extractor=FakeExtractor(record)).inspections[0]
    assert RecommendationRow.objects.filter(inspection=inspection, is_lscb=True).count() == 1
    assert RecommendationRow.objects.filter(inspection=inspection, is_lscb=False).count() == 2


def test_ingest_path_reads_the_file(cast, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(DATA)
    result = ingest_path(path, extractor=FakeExtractor(report_record("Northbrook")))
    assert result.ok and result.inspections[0].source_filename == "report.pdf"
    missing = ingest_path(tmp_path / "missing.pdf")
    assert missing.errors[0].code == "not_found"


def test_summary_lines(cast):
    created = ingest_file(DATA, "n.pdf", extractor=FakeExtractor(report_record("Northbrook")))
    assert created.summary() == ("created: n.pdf: Northbrook: ILACS inspection, 4 to 15 March 2024")
    failed = ingest_file(b"other", "a.pdf", extractor=FakeExtractor(report_record("Atlantis")))
    assert failed.summary().startswith("error: a.pdf: The report is about “Atlantis”")
    assert Judgement.objects.count() == 5 and Paragraph.objects.count() == 3
