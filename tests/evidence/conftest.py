"""Northbrook's plan (tests/plans/conftest.py) with files to attach.

update_on_caras_action  a progress update Cara posted on her action
PDF, DOCX, XLSX, PNG     small files of each kind, built in memory
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from ilacs.plans import services as plan_services
from tests.plans.conftest import (  # noqa: F401 - fixtures
    caras_action,
    inspection,
    officers_action,
    plan,
    southmere_plan,
    theme,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def office_file(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<xml/>")
    return buffer.getvalue()


DOCX = office_file("[Content_Types].xml", "word/document.xml")
XLSX = office_file("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")
FAKE_XLSX = office_file("holiday/photo1.txt", "holiday/photo2.txt")

DAY = dt.date(2025, 5, 1)


@pytest.fixture
def update_on_caras_action(cast, caras_action):  # noqa: F811
    return plan_services.post_update(
        caras_action,
        user=cast.cara_contributor,
        narrative="Twelve of eighteen teams have attended.",
        rag="green",
        date=dt.date(2025, 5, 2),
    )
