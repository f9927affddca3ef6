"""The national dataset: `ilacs national build DIR` on the tests' own sample reports, `ilacs
national load` (idempotent, all or nothing per report) and the committed file itself."""

from __future__ import annotations

import json
import lzma
from functools import partial

import pytest

from ilacs.cli import main
from ilacs.inspections.dataset import DATASET_FILE, build_dataset, read_dataset, slim_record
from ilacs.inspections.models import Inspection, Judgement, Paragraph, Recommendation
from ilacs.inspections.national import load_national_dataset, load_records
from ilacs.localauthorities.matching import LocalAuthorityIndex
from ilacs.localauthorities.models import LocalAuthority
from ilacs.localauthorities.services import (
    create_fictional_local_authority,
    load_local_authorities,
)
from tests.extraction import layouts
from tests.factories import report_record
from tests.races import needs_postgresql, race

SAMPLES = {"Exampleshire": "e01", "Westfield": "w01", "Northmoor": "n01"}


@pytest.fixture
def samples(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    layouts.write_pdf(layouts.ilacs_2019(), folder / "exampleshire-2019.pdf")
    layouts.write_docx(layouts.ilacs_2023(), folder / "westfield-2023.docx")
    layouts.write_text(layouts.ilacs_2026(), folder / "northmoor-2026.txt")
    (folder / "broken.pdf").write_text("<!DOCTYPE html><html><body>Not found</body></html>")
    (folder / ".hidden").write_text("left out")
    return folder


def _index() -> LocalAuthorityIndex[str]:
    return LocalAuthorityIndex(([name], code) for name, code in SAMPLES.items())


def test_build_writes_one_record_per_inspection_and_lists_what_failed(samples, tmp_path):
    out = tmp_path / "national.jsonl.xz"
    summary = build_dataset(samples, out, jobs=2, index=_index())
    assert summary.files == 4
    assert summary.records == 3
    assert [f[0] for f in summary.failed] == ["broken.pdf"]
    assert summary.unmatched == []
    assert out.read_bytes().startswith(b"\xfd7zXZ")
    assert summary.size == out.stat().st_size < summary.raw_size
    records = list(read_dataset(out))
    assert sorted(r["la_code"] for r in records) == ["e01", "n01", "w01"]
    assert [r["la_code"] for r in records] == sorted(r["la_code"] for r in records)
    for record in records:
        # the file's own name, never the builder's folder
        assert "/" not in record["source"]["file"]
        assert record["source"]["sha256"]
        assert record["recommendations"] and all("themes" in r for r in record["recommendations"])
        assert record["paragraphs"]
    # building the same folder again gives the same bytes
    again = tmp_path / "again.jsonl.xz"
    build_dataset(samples, again, jobs=1, index=_index())
    assert again.read_bytes() == out.read_bytes()


def test_build_reports_councils_not_matched(samples, tmp_path, capsys):
    # The reference list holds English councils only: the sample councils are invented.
    status = main(["national", "build", str(samples), "-o", str(tmp_path / "n.xz")])
    out = capsys.readouterr().out
    assert status == 1
    assert "0 inspections written" in out
    assert "council not matched: exampleshire-2019.pdf: “Exampleshire”" in out
    assert "unreadable: broken.pdf:" in out


def test_slim_record_leaves_out_empty_values_and_the_folder():
    record = report_record("Northbrook")
    record["source"]["file"] = "/somewhere/private/report.pdf"
    record["published"] = None
    slim = slim_record(record, "999")
    assert slim["source"]["file"] == "report.pdf"
    assert "published" not in slim
    assert slim["la_code"] == "999"


@pytest.fixture
def sample_councils(db):
    return {name: create_fictional_local_authority(name, name.lower()) for name in SAMPLES}


@pytest.fixture
def built(samples, tmp_path):
    out = tmp_path / "national.jsonl.xz"
    build_dataset(samples, out, jobs=2, index=_index())
    return out


def test_load_twice_adds_once(sample_councils, built):
    first = load_national_dataset(built)
    assert (first.created, first.already_held, first.failed) == (3, 0, [])
    counts = (
        Inspection.objects.count(),
        Judgement.objects.count(),
        Recommendation.objects.count(),
        Paragraph.objects.count(),
    )
    assert counts[0] == 3 and all(counts)
    second = load_national_dataset(built)
    assert (second.created, second.already_held) == (0, 3)
    assert (
        Inspection.objects.count(),
        Judgement.objects.count(),
        Recommendation.objects.count(),
        Paragraph.objects.count(),
    ) == counts
    westfield = Inspection.objects.get(local_authority=sample_councils["Westfield"])
    assert westfield.source == Inspection.NATIONAL_DATASET
    assert westfield.from_national_dataset and not westfield.has_file
    assert westfield.source_filename == "westfield-2023.docx"
    record = next(r for r in read_dataset(built) if r["la_code"] == "w01")
    assert westfield.recommendations.filter(is_lscb=False).count() == len(record["recommendations"])
    assert westfield.paragraphs.count() == len(record["paragraphs"])
    first = westfield.recommendations.filter(is_lscb=False).order_by("number").first()
    assert first.text == record["recommendations"][0]["text"]
    assert first.themes == record["recommendations"][0]["themes"] and first.themes
    assert [p.themes for p in westfield.paragraphs.order_by("order")] == [
        p.get("themes", []) for p in record["paragraphs"]
    ]
    assert westfield.judgements.count() == len(record["judgements"])
    # each paragraph points at the judgement of its section, as ingest links them
    from ilacs.inspections.sections import judgement_for_section

    judged = [(j.key, j.printed) for j in westfield.judgements.order_by("order")]
    linked = 0
    for paragraph in westfield.paragraphs.select_related("judgement"):
        index = judgement_for_section(paragraph.section, judged)
        if index is None:
            assert paragraph.judgement is None
        else:
            linked += 1
            assert paragraph.judgement.inspection_id == westfield.pk
            assert paragraph.judgement.order == index + 1
    assert linked


def test_a_broken_record_stores_nothing_of_that_report(sample_councils, built):
    records = list(read_dataset(built))
    broken = json.loads(json.dumps(records[1]))
    del broken["paragraphs"][-1]["text"]  # the last row of the report cannot be made
    summary = load_records([records[0], broken, records[2]])
    assert summary.created == 2
    assert len(summary.failed) == 1
    name, reason = summary.failed[0]
    assert name == broken["source"]["file"]
    assert "incomplete" in reason
    assert not Inspection.objects.filter(source_key=broken["source"]["sha256"]).exists()
    assert Paragraph.objects.filter(inspection__isnull=True).count() == 0
    assert Inspection.objects.count() == 2


def test_a_council_not_known_is_reported(db, built):
    summary = load_national_dataset(built)
    assert summary.created == 0
    assert len(summary.failed) == 3
    assert "is not one ilacs knows" in summary.failed[0][1]


def test_a_failed_batch_writes_nothing(sample_councils, built, monkeypatch):
    from ilacs.inspections import national

    insert_rows = national._insert_rows

    def fail_on_paragraphs(model, rows):
        if model is Paragraph:  # written last: inspections, judgements, recommendations first
            raise RuntimeError("disk full")
        insert_rows(model, rows)

    monkeypatch.setattr(national, "_insert_rows", fail_on_paragraphs)
    with pytest.raises(RuntimeError):
        load_national_dataset(built)
    assert Inspection.objects.count() == 0
    assert Recommendation.objects.count() == 0
    assert Judgement.objects.count() == 0


def test_cli_load_prints_the_summary_and_is_a_no_op_again(sample_councils, built, capsys):
    assert main(["national", "load", str(built)]) == 0
    assert main(["national", "load", str(built)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("National dataset: 3 inspections read, 3 added, 0 already held")
    assert lines[1].startswith("National dataset: 3 inspections read, 0 added, 3 already held")


def test_the_committed_dataset_loads_whole(db):
    assert DATASET_FILE.is_file()
    assert DATASET_FILE.stat().st_size < 10_000_000
    load_local_authorities()
    summary = load_national_dataset()
    assert summary.failed == []
    assert 480 <= summary.created <= 500
    assert Inspection.objects.filter(source=Inspection.NATIONAL_DATASET).count() == summary.created
    # every English council has at least one published inspection in it
    current = LocalAuthority.objects.filter(is_current=True, is_fictional=False)
    without = current.exclude(inspections__isnull=False).values_list("name", flat=True)
    assert list(without) == []
    assert Paragraph.objects.count() > 20_000


def test_the_committed_dataset_is_xz_json_lines():
    with lzma.open(DATASET_FILE, "rt", encoding="utf-8") as f:
        first = json.loads(f.readline())
    assert {"la_code", "local_authority", "report_type", "source"} <= set(first)


# --- pages: an inspection from the dataset has no file ---------------------------------------


@pytest.fixture
def dataset_inspection(cast):
    record = report_record("Northbrook")
    record["source"]["file"] = "12345-northbrook-2024-04-26.pdf"
    summary = load_records([slim_record(record, "")])
    assert summary.created == 1
    return Inspection.objects.get()


def test_page_names_the_dataset_and_licence_and_offers_no_download(
    client, cast, dataset_inspection
):
    from django.urls import reverse

    client.force_login(cast.vic_viewer)
    response = client.get(dataset_inspection.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "From the national dataset of published Ofsted reports" in body
    assert "Open Government Licence v3.0" in body
    assert "Contains public sector information published by Ofsted" in body
    source = reverse("inspections:source", args=["northbrook", dataset_inspection.pk])
    assert source not in body
    assert client.get(source).status_code == 404
    assert "Withdraw this report" not in body


def test_a_dataset_inspection_cannot_be_withdrawn(cast, dataset_inspection):
    from ilacs.inspections.services import WithdrawError, withdraw_inspection

    with pytest.raises(WithdrawError, match="national dataset"):
        withdraw_inspection(dataset_inspection, user=cast.erin_editor, reason="mistake")


def test_uploading_the_same_published_report_finds_it_held(cast, dataset_inspection):
    from ilacs.inspections.services import ingest_file
    from tests.factories import FakeExtractor

    record = report_record("Northbrook")
    result = ingest_file(b"report", "r.pdf", user=cast.erin_editor, extractor=FakeExtractor(record))
    # report_record's source is the sha256 of b"report": the same file as the dataset's
    assert result.status == "already_held"
    assert result.inspections == [dataset_inspection]


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_loads_at_once_add_each_report_once(cast):
    from tests.factories import make_source

    records = []
    for n in range(5):
        record = report_record("Northbrook")
        record["source"] = make_source(data=f"report {n}".encode()).to_dict()
        records.append(slim_record(record, ""))
    for _round in range(3):
        Inspection.objects.all().delete()
        first, second = race(partial(load_records, records), partial(load_records, records))
        assert not isinstance(first, Exception), first
        assert not isinstance(second, Exception), second
        assert first.created + second.created == 5
        assert first.already_held + second.already_held == 5
        assert Inspection.objects.count() == 5
        assert Recommendation.objects.count() == 5 * len(records[0]["recommendations"])


def test_a_value_the_database_refuses_leaves_out_only_that_report(sample_councils, built):
    records = list(read_dataset(built))
    refused = json.loads(json.dumps(records[0]))
    refused["paragraphs"][0]["number"] = -1  # a positive integer column
    summary = load_records([refused, records[1], records[2]])
    assert summary.created == 2
    assert [name for name, _ in summary.failed] == [refused["source"]["file"]]
    assert "the database refused it" in summary.failed[0][1]
    assert Inspection.objects.count() == 2
