"""The kind of a file comes from its content, not its name."""

import pytest

from ilacs.evidence.kinds import RefusedFile, detect
from tests.evidence.conftest import DOCX, FAKE_XLSX, JPEG, PDF, PNG, XLSX, office_file


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (PDF, "minutes.pdf", "pdf"),
        (PDF, "minutes.exe", "pdf"),  # the name does not decide
        (DOCX, "report.docx", "docx"),
        (XLSX, "scorecard.xlsx", "xlsx"),
        (PNG, "chart.png", "png"),
        (JPEG, "photo.jpg", "jpeg"),
        (b"month,value\nJanuary,80\nFebruary,82\n", "values.csv", "csv"),
        (b"Notes of the improvement board.\n", "notes.txt", "text"),
        (b"month,value\nJanuary,80\n", "values.txt", "text"),  # sent as text, kept as text
        (b"Caf\xe9 notes in Windows-1252\n", "notes.txt", "text"),
    ],
)
def test_accepted_kinds(data, name, kind):
    assert detect(data, name) == kind


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (FAKE_XLSX, "values.xlsx", "is a zip archive, not a Word document or an Excel workbook"),
        (office_file("[Content_Types].xml", "ppt/presentation.xml"), "a.pptx", "PowerPoint"),
        (b"PK\x03\x04 not really a zip", "values.xlsx", "is a damaged zip file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "old.xls", "older Office file"),
        (b"MZ\x90\x00", "setup.pdf", "is a program"),
        (b"<!DOCTYPE html><html><script>alert(1)</script>", "page.txt", "web page"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "chart.png", "web page"),
        (b"GIF89a....", "anim.gif", "another kind"),
        (b"\x00\x01\x02binary", "data.bin", "not a kind ilacs can recognise"),
        (bytes(range(1, 256)) * 4, "data.txt", "not a kind ilacs can recognise"),
    ],
)
def test_refused_kinds_say_what_the_file_is(data, name, words):
    with pytest.raises(RefusedFile) as refused:
        detect(data, name)
    message = str(refused.value)
    assert words in message
    assert "It must be a PDF, Word document (.docx), Excel workbook (.xlsx)" in message


def test_an_empty_file_is_refused():
    with pytest.raises(RefusedFile, match="The selected file is empty"):
        detect(b"", "empty.pdf")


@pytest.mark.parametrize(
    ("size", "words"),
    [(1, "1 byte"), (15, "15 bytes"), (240_400, "240 kB"), (3_200_000, "3.2 MB")],
)
def test_sizes_in_ilacs_megabytes(size, words):
    from ilacs.evidence.templatetags.evidence_tags import file_size

    assert file_size(size) == words
