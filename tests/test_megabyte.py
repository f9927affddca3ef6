"""One megabyte in every limit: 1,000,000 bytes, for uploads, `ilacs ingest` and `ilacs extract
--max-size` alike (issue 7, item 35)."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ilacs.cli import main
from ilacs.inspections import services
from ilacs.inspections.services import ingest_path, max_upload_bytes
from ilacs.units import BYTES_PER_MB
from tests.factories import FakeExtractor, report_record

# 0.001 MB is 1,000 bytes; 1,010 bytes is over it (and under 0.001 MiB, 1,048 bytes)
JUST_OVER = b"x" * 1010


def test_the_upload_limit_is_in_megabytes_of_a_million_bytes(settings):
    settings.ILACS_MAX_UPLOAD_MB = 50
    assert BYTES_PER_MB == 1_000_000
    assert max_upload_bytes() == 50_000_000


def test_the_upload_form_uses_it(client, cast, settings, monkeypatch):
    settings.ILACS_MAX_UPLOAD_MB = 0.001
    fake = FakeExtractor(report_record("Northbrook"))
    monkeypatch.setattr(services, "default_extractor", fake)
    client.force_login(cast.erin_editor)
    report = SimpleUploadedFile("r.pdf", JUST_OVER, content_type="application/pdf")
    response = client.post(reverse("inspections:upload", args=["northbrook"]), {"report": report})
    assert response.status_code == 400
    assert fake.calls == []


def test_ingest_uses_it(cast, settings, tmp_path):
    settings.ILACS_MAX_UPLOAD_MB = 0.001
    path = tmp_path / "r.pdf"
    path.write_bytes(JUST_OVER)
    result = ingest_path(path, extractor=FakeExtractor(report_record("Northbrook")))
    assert [o.code for o in result.outcomes] == ["too_large"]


@pytest.mark.parametrize("size, refused", [(1000, False), (1010, True)])
def test_extract_max_size_uses_it(tmp_path, capsys, size, refused):
    path = tmp_path / "r.txt"
    path.write_bytes(b"x" * size)
    main(["extract", str(path), "--max-size", "0.001"])
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert (record.get("error", {}).get("code") == "too_large") is refused
