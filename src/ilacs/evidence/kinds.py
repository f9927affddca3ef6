"""What kind of file an upload is, told from its content (never from the name it was sent under).

Plain Python: no Django. Evidence accepts PDF, Word (.docx), Excel (.xlsx), CSV, PNG, JPEG and
plain text; anything else is refused with a message that says what the file seems to be.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

ACCEPTED_WORDS = (
    "a PDF, Word document (.docx), Excel workbook (.xlsx), CSV file, PNG or JPEG image, "
    "or plain text file"
)
# What the file picker offers; the content still decides.
ACCEPT_ATTRIBUTE = ".pdf,.docx,.xlsx,.csv,.png,.jpg,.jpeg,.txt"


@dataclass(frozen=True)
class Kind:
    key: str
    name: str  # in words, for pages
    content_type: str
    suffix: str


KINDS = {
    kind.key: kind
    for kind in (
        Kind("pdf", "PDF", "application/pdf", ".pdf"),
        Kind(
            "docx",
            "Word document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx",
        ),
        Kind(
            "xlsx",
            "Excel workbook",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".xlsx",
        ),
        Kind("csv", "CSV file", "text/csv; charset=utf-8", ".csv"),
        Kind("png", "PNG image", "image/png", ".png"),
        Kind("jpeg", "JPEG image", "image/jpeg", ".jpg"),
        Kind("text", "Text file", "text/plain; charset=utf-8", ".txt"),
    )
}


class RefusedFile(ValueError):
    """The file is not a kind evidence accepts; the message says what it seems to be."""


def _refuse(what: str) -> RefusedFile:
    return RefusedFile(f"The selected file {what}. It must be {ACCEPTED_WORDS}.")


def _what_zip_holds(names: set[str]) -> str:
    if any(n.startswith("ppt/") for n in names):
        return "is a PowerPoint presentation"
    if "mimetype" in names and any(n == "content.xml" for n in names):
        return "is an OpenDocument file (save it as .docx or .xlsx)"
    return "is a zip archive, not a Word document or an Excel workbook"


def _office_kind(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse("is a damaged zip file") from None
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    raise _refuse(_what_zip_holds(names))


_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}


def _text(data: bytes) -> str | None:
    """The text, if the file is text: no NUL, hardly any control bytes (binary data decodes as
    Windows-1252 too, but is full of them), UTF-8 or Windows-1252."""
    if b"\x00" in data:
        return None
    sample = data[:65536]
    if sum(1 for byte in sample if byte in _CONTROL) > len(sample) // 100:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _looks_like_csv(text: str) -> bool:
    """Two or more rows that each have the same number (at least two) of comma-separated
    cells."""
    lines = [line for line in text.splitlines() if line.strip()][:50]
    if len(lines) < 2:
        return False
    try:
        widths = {len(row) for row in csv.reader(io.StringIO("\n".join(lines)))}
    except csv.Error:
        return False
    return len(widths) == 1 and widths.pop() >= 2


_MARKUP = ("<!doctype html", "<html", "<script", "<svg", "<?xml", "<body", "<head")


def detect(data: bytes, filename: str = "") -> str:
    """The kind key ("pdf", "docx", ...) of an accepted file; RefusedFile otherwise.

    A text file is a CSV when it is sent as .csv and its rows are comma-separated cells;
    otherwise plain text. Web pages, SVG and XML are refused: a browser could run them."""
    if not data:
        raise RefusedFile("The selected file is empty.")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse("is an older Office file (.doc or .xls): save it as .docx or .xlsx")
    if data.startswith((b"MZ", b"\x7fELF")):
        raise _refuse("is a program")
    if data.startswith((b"GIF8", b"II*\x00", b"MM\x00*", b"RIFF")):
        raise _refuse("is an image or media file of another kind")
    text = _text(data)
    if text is None:
        raise _refuse("is not a kind ilacs can recognise")
    start = text.lstrip()[:200].lower()
    if any(marker in start for marker in _MARKUP):
        raise _refuse("is a web page or other markup")
    if filename.lower().endswith(".csv") and _looks_like_csv(text):
        return "csv"
    return "text"
