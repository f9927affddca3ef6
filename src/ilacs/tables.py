"""Reading a spreadsheet or a Word document's tables into rows of cells, for every import
(measures' values and audit results, existing action plans).

    read_file(data, filename)   the file's tables, told apart by content (not by the name), or
                                ImportFileError naming what is wrong with the whole file: wrong
                                type, a zip that is not a workbook, too large, formulas, merged
                                cells, nothing to import
    read_file(..., allow_docx=True) also the tables of a Word document (.docx)
    append_row(sheet, values)   write a row to a workbook sheet, text always as text

The size limit is ILACS_MAX_IMPORT_MB (MB of 1,000,000 bytes).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from ilacs.units import bytes_to_mb, mb_to_bytes

# A workbook bigger than this once unzipped is refused before openpyxl reads it (zip bombs).
MAX_UNZIPPED_BYTES = mb_to_bytes(200)


def append_row(sheet: Any, values: list[Any]) -> None:
    """Append a row to an openpyxl sheet with every string kept as text.

    openpyxl writes a string that starts with "=" as a formula. A council's own words ("=
    see the audit", or a hostile "=HYPERLINK(...)") would then run in the file of everyone who
    opens it (formula injection), and the file could not be imported back (formulas are
    refused). Every workbook ilacs writes goes through here."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


class ImportFileError(ValueError):
    """The whole file cannot be imported; the message says why in plain words."""


@dataclass(frozen=True)
class Cell:
    value: Any
    number_format: str = "General"

    @property
    def text(self) -> str:
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value).strip()

    @property
    def blank(self) -> bool:
        return self.text == ""


@dataclass
class Table:
    name: str  # the sheet's name; "" for a CSV file; "Table 2" in a Word document
    rows: list[list[Cell]]  # the first is the header
    caption: str = ""  # a Word table: the last paragraph before it (often its heading)


@dataclass(frozen=True)
class RowError:
    sheet: str
    row: int  # as the spreadsheet numbers it: the header is row 1
    message: str

    def __str__(self) -> str:
        where = f"Sheet “{self.sheet}”, row {self.row}" if self.sheet else f"Row {self.row}"
        return f"{where}: {self.message}"


def max_bytes() -> int:
    return mb_to_bytes(settings.ILACS_MAX_IMPORT_MB)


def _size_words(n: int) -> str:
    return f"{bytes_to_mb(n):.1f} MB"


def check_size(size: int) -> None:
    if size > max_bytes():
        raise ImportFileError(
            f"The file is {_size_words(size)}: files of more than "
            f"{settings.ILACS_MAX_IMPORT_MB:g} MB cannot be imported. Import fewer rows at a "
            "time."
        )


def read_file(data: bytes, filename: str = "", *, allow_docx: bool = False) -> list[Table]:
    """The tables in a CSV or XLSX file (and a DOCX file's when `allow_docx`), told apart by
    content (not by the name)."""
    check_size(len(data))
    if not data.strip():
        raise ImportFileError("The file is empty.")
    if data.startswith(b"PK\x03\x04"):
        if allow_docx and _is_docx(data):
            return _read_docx(data)
        return _read_xlsx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            "The file is an old Excel 97-2003 workbook (.xls) or another Office file. Save it "
            "as an Excel workbook (.xlsx) or as CSV and try again."
        )
    if data.startswith(b"%PDF"):
        raise ImportFileError("The file is a PDF. Import a CSV file or an Excel workbook (.xlsx).")
    if b"\x00" in data[:4096]:
        raise ImportFileError(
            "The file is not a CSV file or an Excel workbook (.xlsx). Download the template and "
            "fill that in."
        )
    return [_read_csv(data)]


def _read_csv(data: bytes) -> Table:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ImportFileError("The file's text could not be read. Save it as CSV UTF-8.")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [[Cell(v) for v in row] for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise ImportFileError(f"The file is not a CSV file that can be read: {exc}.") from None
    for row in rows:
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("=") and len(cell.value) > 1:
                raise ImportFileError(
                    f"A cell holds a formula ({cell.value[:40]}). Type the values instead."
                )
    return Table("", rows)


def _what_zip_holds(names: set[str]) -> str:
    if "word/document.xml" in names:
        return "a Word document"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation"
    if "content.xml" in names and "mimetype" in names:
        return "an OpenDocument file"
    return "other files"


def _read_xlsx(data: bytes) -> list[Table]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise ImportFileError(
            "The file looks like an Excel workbook but is damaged. Save it again from Excel."
        ) from None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise ImportFileError(
            f"The file is a zip archive holding {_what_zip_holds(names)}, not an Excel workbook. "
            "Import a CSV file or an Excel workbook (.xlsx)."
        )
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        raise ImportFileError("The workbook is too large once opened. Import fewer rows at a time.")
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # openpyxl raises many kinds on damaged files
        raise ImportFileError(
            "The Excel workbook could not be opened: it may be damaged or password-protected. "
            "Save it again from Excel, or as CSV."
        ) from None
    tables = []
    for sheet in book.worksheets:
        merged = list(sheet.merged_cells.ranges)
        if merged:
            raise ImportFileError(
                f"Sheet “{sheet.title}” has merged cells ({merged[0].coord}). Unmerge them so "
                "that each row has its own values."
            )
        rows: list[list[Cell]] = []
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                # A formula's value is whatever Excel last worked out, or nothing: refused. Text
                # that only starts with "=" (typed with Excel's leading apostrophe, or written by
                # append_row) is words, and is read as such.
                if cell.data_type == "f":
                    raise ImportFileError(
                        f"Cell {cell.coordinate} of sheet “{sheet.title}” holds a formula "
                        f"({str(cell.value)[:40]}). Copy the sheet and paste it as values "
                        "(Paste Special, Values) before importing."
                    )
                cells.append(Cell(cell.value, cell.number_format or "General"))
            rows.append(cells)
        while rows and all(c.blank for c in rows[-1]):
            rows.pop()
        tables.append(Table(sheet.title, rows))
    return tables


# --- Word documents --------------------------------------------------------------------------


def _is_docx(data: bytes) -> bool:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError):
        return False
    return "word/document.xml" in names


def _read_docx(data: bytes) -> list[Table]:
    """Every table of a Word document, in order, named "Table 1", "Table 2"... A cell merged
    across columns (a heading row spanning the table, as in councils' action plans) is read
    once per row, as its text in the first column and blanks after it."""
    import docx

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
            raise ImportFileError(
                "The document is too large once opened. Import fewer rows at a time."
            )
        document = docx.Document(io.BytesIO(data))
    except ImportFileError:
        raise
    except Exception:  # python-docx raises many kinds on damaged files
        raise ImportFileError(
            "The Word document could not be opened: it may be damaged or password-protected. "
            "Save it again from Word."
        ) from None
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    tables = []
    caption = ""
    number = 0
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(block, document).text.strip()
            if text:
                caption = text
            continue
        if tag != "tbl":
            continue
        number += 1
        table = DocxTable(block, document)
        rows: list[list[Cell]] = []
        for row in table.rows:
            cells: list[Cell] = []
            previous = None
            for cell in row.cells:
                # python-docx repeats a merged cell for each grid column it spans
                same = previous is not None and cell._tc is previous
                previous = cell._tc
                text = "" if same else "\n".join(p.text for p in cell.paragraphs).strip()
                cells.append(Cell(text or None))
            rows.append(cells)
        while rows and all(c.blank for c in rows[-1]):
            rows.pop()
        if rows:
            tables.append(Table(f"Table {number}", rows, caption=caption[:200]))
    if not tables:
        raise ImportFileError("The Word document has no tables. Put the plan in a table.")
    return tables
