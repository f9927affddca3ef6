"""The tables of the national pages, and the same tables as CSV and XLSX downloads.

A page shows each table beside its chart; the download is built from the same `Table`, so the
numbers a person reads and the numbers they download are one and the same.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from ilacs import dates
from ilacs.tables import append_row

OGL = (
    "Contains public sector information licensed under the Open Government Licence v3.0 "
    "(Ofsted inspection reports): "
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
)


@dataclass
class Table:
    """A table with a caption, column headers and rows; the first column heads each row."""

    slug: str
    caption: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def numeric(self) -> list[bool]:
        """Whether each column holds numbers only (aligned right on the page)."""
        columns = list(zip(*self.rows, strict=True)) if self.rows else []
        return [
            bool(values)
            and all(isinstance(v, int | float) or v in (None, "") for v in values)
            and any(isinstance(v, int | float) for v in values)
            for values in columns
        ] or [False] * len(self.headers)

    @property
    def head(self) -> list[tuple[str, bool]]:
        return list(zip(self.headers, self.numeric, strict=False))

    @property
    def body(self) -> list[tuple[Any, list[tuple[Any, bool]]]]:
        """Rows as (row header, [(cell, numeric)...]) for the template, dates written out
        ("27 July 2025"; the downloads keep them as dates)."""
        numeric = self.numeric
        return [
            (_shown(row[0]), [(_shown(v), n) for v, n in zip(row[1:], numeric[1:], strict=False)])
            for row in self.rows
        ]


def _shown(value: Any) -> Any:
    return dates.format_date(value) if isinstance(value, dt.date) else value


def _cell(value: Any) -> Any:
    return "" if value is None else value


def to_csv(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads the names right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(table: Table) -> bytes:
    """One sheet of data (numbers as numbers) and an "About" sheet with the caption, notes and
    the Open Government Licence attribution."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    append_row(sheet, list(table.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        append_row(sheet, [_cell(v) for v in row])
    sheet.freeze_panes = "B2"
    about = book.create_sheet("About")
    append_row(about, [table.caption])
    about["A1"].font = Font(bold=True)
    for note in table.notes:
        append_row(about, [note])
    append_row(about, [OGL])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(table: Table, fmt: str) -> bytes:
    return to_csv(table) if fmt == "csv" else to_xlsx(table)
