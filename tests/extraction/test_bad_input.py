"""Every kind of bad input gets its own error code and a message that names the problem."""

import os

import pytest

from ilacs.extraction import extract_bytes, extract_file
from ilacs.extraction.documents import read_document
from ilacs.extraction.model import ExtractionFailure

from . import layouts


def only_error(path, **kw):
    records = extract_file(path, **kw)
    assert len(records) == 1
    assert set(records[0]) == {"source", "error"}
    return records[0]["error"]


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    err = only_error(path)
    assert err["code"] == "empty"
    assert "empty" in err["message"]


def test_html_error_page_saved_as_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Error</title></head>"
        "<body><h1>Sorry, there is a problem with the service</h1></body></html>"
    )
    err = only_error(path)
    assert err["code"] == "not_a_pdf"
    assert "HTML" in err["message"]


def test_truncated_pdf(tmp_path):
    good = layouts.write_pdf(layouts.ilacs_2023(), tmp_path / "good.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(good[: len(good) // 3])
    err = only_error(path)
    assert err["code"] == "unreadable"
    assert "truncated" in err["message"]


def test_encrypted_pdf(tmp_path):
    path = layouts.write_pdf(layouts.ilacs_2023(), tmp_path / "locked.pdf", encrypt="secret")
    err = only_error(path)
    assert err["code"] == "encrypted"
    assert "password" in err["message"]


def test_scanned_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    for _ in range(3):
        c.rect(50, 50, 400, 600, fill=1)  # an image of a page, no text
        c.showPage()
    c.save()
    err = only_error(path)
    assert err["code"] == "no_text_layer"
    assert "OCR" in err["message"]


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(100 * 1024 * 1024)  # 100 MB, sparse: nothing is read to refuse it
    err = only_error(path)
    assert err["code"] == "too_large"
    assert err["message"] == (
        "The file is 104.9 MB; the limit is 50 MB. Ofsted reports are well under 5 MB."
    )


def test_docx_that_is_not_an_inspection_report(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Minutes of the Corporate Parenting Panel, 3 March 2024.")
    document.add_paragraph("Members noted the fostering service annual report.")
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    err = only_error(path)
    assert err["code"] == "not_an_inspection_report"


def test_random_bytes(tmp_path):
    path = tmp_path / "noise.bin"
    path.write_bytes(os.urandom(5000))
    err = only_error(path)
    assert err["code"] == "unreadable"
    assert "binary" in err["message"]


def test_random_bytes_named_pdf(tmp_path):
    path = tmp_path / "noise.pdf"
    path.write_bytes(os.urandom(5000))
    assert only_error(path)["code"] == "not_a_pdf"


def test_zip_that_is_not_a_word_document(tmp_path):
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hello")
    assert only_error(path)["code"] == "unreadable"


def test_missing_file(tmp_path):
    assert only_error(tmp_path / "nowhere.pdf")["code"] == "not_found"


def test_folder_and_pipe_are_not_documents(tmp_path):
    assert only_error(tmp_path)["code"] == "unreadable"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert only_error(fifo)["code"] == "unreadable"  # and never blocks waiting on the pipe


def test_error_record_keeps_the_file_identity(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_text("<html><body>Not found</body></html>")
    rec = extract_file(path)[0]
    assert rec["source"]["file"] == str(path)
    assert len(rec["source"]["sha256"]) == 64


def test_bytes_upload_reports_its_own_name():
    (rec,) = extract_bytes(b"", "upload.pdf")
    assert rec["error"]["code"] == "empty"
    assert rec["source"]["file"] == "upload.pdf"


def test_read_document_raises_with_code(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_text("plain words, not a PDF")
    with pytest.raises(ExtractionFailure) as info:
        read_document(path)
    assert info.value.code == "not_a_pdf"
