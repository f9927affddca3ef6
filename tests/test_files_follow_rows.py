"""Deleting an inspection removes its stored report once the deletion commits; a rolled-back
deletion, or a file another inspection still uses, keeps it (issue 7, item 16)."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.db import transaction

from ilacs.inspections.models import Inspection
from ilacs.inspections.services import ingest_file
from tests.factories import FakeExtractor, make_source, report_record


def _ingest(*records):
    result = ingest_file(b"%PDF report", "report.pdf", extractor=FakeExtractor(*records))
    assert result.ok, result.summary()
    return result.inspections


def test_the_file_goes_when_the_deletion_commits(cast, django_capture_on_commit_callbacks):
    (inspection,) = _ingest(report_record("Northbrook"))
    name = inspection.source_file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        inspection.delete()
    assert not default_storage.exists(name)


def test_a_deletion_rolled_back_keeps_the_file(cast, django_capture_on_commit_callbacks):
    (inspection,) = _ingest(report_record("Northbrook"))
    name = inspection.source_file.name
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            Inspection.objects.filter(pk=inspection.pk).delete()
            raise RuntimeError("something after the delete failed")
    assert callbacks == []
    assert Inspection.objects.filter(pk=inspection.pk).exists()
    assert default_storage.exists(name)


def test_a_file_two_reports_share_stays_until_both_go(cast, django_capture_on_commit_callbacks):
    first = report_record("Northbrook", source=make_source(first_page=1, last_page=10))
    second = report_record("Northbrook", source=make_source(first_page=11, last_page=20))
    one, two = _ingest(first, second)
    name = one.source_file.name
    assert two.source_file.name == name
    with django_capture_on_commit_callbacks(execute=True):
        one.delete()
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        two.delete()
    assert not default_storage.exists(name)
