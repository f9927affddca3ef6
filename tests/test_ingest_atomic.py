"""The whole report or nothing: a failure part-way through leaves no trace."""

import pytest
from django.core.files.storage import default_storage

from ilacs.inspections import national
from ilacs.inspections.models import Inspection, Judgement, Paragraph, Recommendation
from ilacs.inspections.services import ingest_file
from tests.factories import FakeExtractor, make_source, report_record


def _fail_paragraphs(monkeypatch, error, on_call=1):
    """Writing paragraphs (the last rows of a report: national.write_children) raises `error` on
    the on_call-th time; the other rows are written as usual."""
    real_insert_rows = national._insert_rows
    calls = []

    def insert_rows(model, rows):
        if model is Paragraph:
            calls.append(1)
            if len(calls) == on_call:
                raise error
        return real_insert_rows(model, rows)

    monkeypatch.setattr(national, "_insert_rows", insert_rows)


def _stored_files() -> list[str]:
    found = []

    def walk(folder):
        dirs, files = default_storage.listdir(folder)
        found.extend(f"{folder}/{f}" for f in files)
        for d in dirs:
            walk(f"{folder}/{d}" if folder else d)

    if default_storage.exists("inspections"):
        walk("inspections")
    return found


def test_failure_while_saving_paragraphs_rolls_everything_back(cast, monkeypatch):
    # Inspection, judgements and recommendations are written first; paragraphs last.
    _fail_paragraphs(monkeypatch, RuntimeError("disk full"))
    with pytest.raises(RuntimeError, match="disk full"):
        ingest_file(b"%PDF report", "r.pdf", extractor=FakeExtractor(report_record("Northbrook")))
    assert Inspection.objects.count() == 0
    assert Judgement.objects.count() == 0
    assert Recommendation.objects.count() == 0
    assert _stored_files() == []


def test_failure_on_the_second_report_of_a_paper_keeps_out_the_first(cast, monkeypatch):
    paper = b"%PDF committee paper"
    first = report_record("Northbrook", source=make_source(paper, first_page=1, last_page=9))
    second = report_record("Southmere", source=make_source(paper, first_page=10, last_page=19))
    _fail_paragraphs(monkeypatch, RuntimeError("connection lost"), on_call=2)
    with pytest.raises(RuntimeError):
        ingest_file(paper, "paper.pdf", extractor=FakeExtractor(first, second))
    assert Inspection.objects.count() == 0
    assert Paragraph.objects.count() == 0
    assert _stored_files() == []


def test_after_a_failure_the_same_file_can_be_added(cast, monkeypatch):
    with monkeypatch.context() as m:
        _fail_paragraphs(m, ZeroDivisionError("division by zero"))
        with pytest.raises(ZeroDivisionError):
            ingest_file(b"%PDF r", "r.pdf", extractor=FakeExtractor(report_record("Northbrook")))
    result = ingest_file(b"%PDF r", "r.pdf", extractor=FakeExtractor(report_record("Northbrook")))
    assert result.status == "created"
    assert len(_stored_files()) == 1
