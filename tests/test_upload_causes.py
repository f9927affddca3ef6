"""Upload problems are named by their real cause, and stored reports are served by their content.

These go through the real extractor (in its worker process), as an upload does.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ilacs.extraction import extract_bytes_guarded
from ilacs.extraction.sample import sample_report_path
from ilacs.inspections.models import Inspection
from ilacs.inspections.services import ingest_file

UPLOAD = reverse("inspections:upload", args=["northbrook"])


@pytest.fixture
def many_pages_pdf():
    """A small PDF of 1,600 blank pages: over the page limit, far under the size limit."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(1600):
        pdf.new_page(200, 200).close()
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def test_a_long_non_ascii_file_name_is_not_a_damaged_file(cast):
    name = "Rapport d’inspection – " + "é" * 180 + ".txt"  # 207 characters, over 255 bytes
    data = sample_report_path().read_bytes()
    result = ingest_file(data, name, user=cast.erin_editor)
    assert result.ok, result.summary()
    inspection = result.inspections[0]
    assert inspection.source_filename == name
    # The record still names the file as it was sent.
    record = extract_bytes_guarded(data, name)[0]
    assert record["source"]["file"] == name


def test_a_pdf_with_too_many_pages_is_refused_for_its_pages(cast, client, many_pages_pdf):
    assert len(many_pages_pdf) < 1024 * 1024
    record = extract_bytes_guarded(many_pages_pdf, "big.pdf")[0]
    assert record["error"]["code"] == "too_many_pages"
    assert record["error"]["message"] == "The PDF has 1600 pages; the limit is 1500."

    client.force_login(cast.erin_editor)
    upload = SimpleUploadedFile("big.pdf", many_pages_pdf, content_type="application/pdf")
    response = client.post(UPLOAD, {"report": upload})
    assert response.status_code == 400
    body = response.content.decode()
    assert "The file has too many pages. Reports must have 1,500 pages or fewer" in body
    assert "MB" not in body.split("There is a problem")[1].split("</div>")[0]
    assert Inspection.objects.count() == 0


def test_a_report_sent_as_exe_is_stored_and_served_as_what_it_is(cast, client):
    result = ingest_file(sample_report_path().read_bytes(), "r.exe", user=cast.erin_editor)
    assert result.ok, result.summary()
    inspection = result.inspections[0]
    assert inspection.format == "text"
    assert inspection.source_file.name.endswith(".txt")

    client.force_login(cast.vic_viewer)
    response = client.get(reverse("inspections:source", args=["northbrook", inspection.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="r.txt"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"


@pytest.mark.parametrize(
    ("sent_as", "file_format", "served_as"),
    [
        ("report.pdf", "pdf", "report.pdf"),
        ("r.exe", "pdf", "r.pdf"),
        ('..\\evil"name\r\n.pdf', "pdf", "evil_name.pdf"),
        ("Ofsted report.PDF", "pdf", "Ofsted report.pdf"),
        ("page.htm", "html", "page.html"),
        ("noname", "docx", "noname.docx"),
        ("", "text", "report.txt"),
    ],
)
def test_download_names_are_safe_and_end_in_the_real_format(sent_as, file_format, served_as):
    inspection = Inspection(source_filename=sent_as, format=file_format)
    assert inspection.download_filename == served_as
