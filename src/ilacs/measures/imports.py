"""Importing measures' values and case-audit results from CSV and Excel (XLSX) files.

    read_file(data, filename)   the file's tables, or ImportFileError naming what is wrong with
                                the whole file (wrong type, a zip that is not a workbook, too
                                large, formulas, merged cells, nothing to import)
    parse(la, data, filename)   every row checked against the council's measures and audit
                                streams: a Parsed with the rows ready to write and the errors,
                                each naming its row ("Row 14: 13/2025 is not a month ...")
    preview(parsed)             what each row will do (new value, correction, unchanged)
    services.apply_rows(...)    writes them all in one transaction, or none

The browser (upload, preview, confirm) and `ilacs measures import` use the same functions, so
they accept and refuse the same files. A file holds measures' values (first column "Measure")
or audit results (first column "Audit stream"); a workbook may have a sheet of each.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ilacs.localauthorities.models import LocalAuthority
from ilacs.measures import periods
from ilacs.measures.models import AuditResult, AuditStream, Measure, MeasureValue
from ilacs.measures.services import (
    AuditInput,
    MeasureError,
    ValueInput,
    check_audit,
    check_value,
    to_decimal,
)
from ilacs.measures.units import format_value
from ilacs.tables import (  # noqa: F401 - the file checks live in ilacs.tables, shared
    MAX_UNZIPPED_BYTES,
    Cell,
    ImportFileError,
    RowError,
    Table,
    append_row,
    check_size,
    max_bytes,
    read_file,
)

VALUE_COLUMNS = (
    "Measure",
    "Period",
    "Value",
    "England",
    "Statistical neighbours",
    "Region",
    "Note",
)
AUDIT_COLUMNS = (
    "Audit stream",
    "Period",
    "Cases audited",
    "Outstanding",
    "Good",
    "Requires improvement",
    "Inadequate",
    "Themes of learning",
)


# --- Checking rows ---------------------------------------------------------------------------


@dataclass
class Parsed:
    values: list[tuple[Measure, ValueInput, int]] = field(default_factory=list)
    audits: list[tuple[AuditStream, AuditInput, int]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    skipped: int = 0  # template rows left blank

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_errors and bool(self.values or self.audits)

    @property
    def row_count(self) -> int:
        return len(self.values) + len(self.audits)


def _header(row: list[Cell]) -> list[str]:
    return [" ".join(c.text.lower().split()) for c in row]


def _closest(name: str, known: Iterable[str]) -> str | None:
    by_lower = {k.lower(): k for k in known}
    found = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[found[0]] if found else None


def _unknown(kind: str, la: LocalAuthority, name: str, known: Iterable[str]) -> str:
    message = f"{la.name} has no {kind} called “{name}”."
    suggestion = _closest(name, known)
    if suggestion:
        message += f" Did you mean “{suggestion}”?"
    else:
        message += f" Add the {kind} first, or check the spelling."
    return message


def _number(cell: Cell, what: str, *, percent: bool = False) -> Decimal | None:
    if cell.blank:
        return None
    value = cell.value
    # Excel keeps 85% as 0.85 in a cell formatted as a percentage.
    if percent and isinstance(value, int | float) and cell.number_format.endswith("%"):
        value = Decimal(str(value)) * 100
    return to_decimal(value, what)


def _whole(cell: Cell, what: str) -> int:
    if cell.blank:
        return 0
    number = to_decimal(cell.value, what)
    if number != number.to_integral_value():
        raise MeasureError(f"{what} must be a whole number of cases, not {cell.text}")
    return int(number)


def _cells(row: list[Cell], columns: dict[str, int]) -> dict[str, Cell]:
    return {name: (row[i] if i < len(row) else Cell(None)) for name, i in columns.items()}


def parse(la: LocalAuthority, data: bytes, filename: str = "") -> Parsed:
    """Read and check a file against the council's measures and audit streams. Nothing is
    written; an ImportFileError means the whole file is refused."""
    tables = read_file(data, filename)
    parsed = Parsed()
    measures = {m.name.lower(): m for m in la.measures.all()}
    streams = {s.name.lower(): s for s in la.audit_streams.all()}
    seen: dict[tuple[str, int, dt.date], int] = {}
    used = 0
    for table in tables:
        rows = [r for r in table.rows]
        first = next((i for i, r in enumerate(rows) if not all(c.blank for c in r)), None)
        if first is None:
            continue  # an empty sheet beside sheets with rows
        header = _header(rows[first])
        if header[:1] == ["measure"]:
            kind, expected = "measure", VALUE_COLUMNS
        elif header[:1] == ["audit stream"]:
            kind, expected = "audit", AUDIT_COLUMNS
        else:
            where = f"Sheet “{table.name}”" if table.name else "The file"
            parsed.file_errors.append(
                f"{where} does not start with a heading row whose first column is “Measure” "
                "(measures' values) or “Audit stream” (audit results). Download the template "
                "and use its headings."
            )
            continue
        columns = {}
        for name in expected:
            if name.lower() in header:
                columns[name] = header.index(name.lower())
        missing = [n for n in expected[:3] if n not in columns]
        if missing:
            where = f"Sheet “{table.name}”" if table.name else "The file"
            parsed.file_errors.append(
                f"{where} has no “{missing[0]}” column. The columns are: {', '.join(expected)}."
            )
            continue
        used += 1
        for index in range(first + 1, len(rows)):
            row = rows[index]
            number = index + 1
            if all(c.blank for c in row):
                continue
            cells = _cells(row, columns)
            try:
                if kind == "measure":
                    item = _value_row(la, cells, measures, parsed)
                    if item is None:
                        continue
                    key = ("m", item[0].pk, item[1].period)
                else:
                    item = _audit_row(la, cells, streams, parsed)
                    if item is None:
                        continue
                    key = ("a", item[0].pk, item[1].period)
            except MeasureError as exc:
                parsed.errors.append(RowError(table.name, number, str(exc)))
                continue
            if key in seen:
                parsed.errors.append(
                    RowError(
                        table.name,
                        number,
                        f"{item[0].period_label(item[1].period)} of “{item[0].name}” is also in "
                        f"row {seen[key]}. Keep one of them.",
                    )
                )
                continue
            seen[key] = number
            if kind == "measure":
                parsed.values.append((item[0], item[1], number))
            else:
                parsed.audits.append((item[0], item[1], number))
    if not parsed.file_errors and not parsed.errors and not parsed.row_count:
        if used:
            parsed.file_errors.append("The file has headings but no values to import.")
        else:
            parsed.file_errors.append(
                "The file has nothing to import: every sheet is empty."
                if any(t.name for t in tables)
                else "The file has nothing to import."
            )
    return parsed


def _value_row(
    la: LocalAuthority, cells: dict[str, Cell], measures: dict[str, Measure], parsed: Parsed
) -> tuple[Measure, ValueInput] | None:
    name = " ".join(cells["Measure"].text.split())
    if not name:
        raise MeasureError("The measure's name is missing")
    measure = measures.get(name.lower())
    if measure is None:
        raise MeasureError(_unknown("measure", la, name, [m.name for m in measures.values()]))
    numbers = {}
    percent = measure.unit == "percent"
    for column, key in (
        ("Value", "value"),
        ("England", "england"),
        ("Statistical neighbours", "statistical_neighbours"),
        ("Region", "region"),
    ):
        cell = cells.get(column, Cell(None))
        numbers[key] = _number(cell, f"The {column.lower()}", percent=percent)
    if numbers["value"] is None:
        if all(v is None for v in numbers.values()) and not cells.get("Note", Cell(None)).text:
            parsed.skipped += 1  # a template row left blank
            return None
        raise MeasureError("The value is missing")
    try:
        period = periods.parse_period(measure.frequency, cells["Period"].value or "")
    except periods.PeriodError as exc:
        raise MeasureError(str(exc)) from None
    item = ValueInput(
        period=period,
        note=cells.get("Note", Cell(None)).text,
        **numbers,
    )
    check_value(measure, item)
    return measure, item


def _audit_row(
    la: LocalAuthority, cells: dict[str, Cell], streams: dict[str, AuditStream], parsed: Parsed
) -> tuple[AuditStream, AuditInput] | None:
    name = " ".join(cells["Audit stream"].text.split())
    if not name:
        raise MeasureError("The audit stream's name is missing")
    stream = streams.get(name.lower())
    if stream is None:
        raise MeasureError(_unknown("audit stream", la, name, [s.name for s in streams.values()]))
    if cells["Cases audited"].blank:
        if all(cells.get(c, Cell(None)).blank for c in AUDIT_COLUMNS[3:]):
            parsed.skipped += 1
            return None
        raise MeasureError("The number of cases audited is missing")
    try:
        period = periods.parse_period(stream.frequency, cells["Period"].value or "")
    except periods.PeriodError as exc:
        raise MeasureError(str(exc)) from None
    item = AuditInput(
        period=period,
        cases_audited=_whole(cells["Cases audited"], "The number of cases audited"),
        outstanding=_whole(cells.get("Outstanding", Cell(None)), "Outstanding"),
        good=_whole(cells.get("Good", Cell(None)), "Good"),
        requires_improvement=_whole(
            cells.get("Requires improvement", Cell(None)), "Requires improvement"
        ),
        inadequate=_whole(cells.get("Inadequate", Cell(None)), "Inadequate"),
        learning=cells.get("Themes of learning", Cell(None)).text,
    )
    check_audit(stream, item)
    return stream, item


# --- Preview ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewRow:
    row: int
    name: str
    period: str
    new: str
    current: str  # "" when the period has no value yet
    outcome: str  # "New", "Correction", "Unchanged"


def preview(parsed: Parsed) -> list[PreviewRow]:
    """What each row will do, read in two queries."""
    rows: list[PreviewRow] = []
    current_values = {
        (v.measure_id, v.period): v
        for v in MeasureValue.objects.filter(measure__in={m.pk for m, _, _ in parsed.values})
    }
    for measure, item, number in parsed.values:
        now = current_values.get((measure.pk, item.period))
        new = format_value(measure.unit, item.value)
        if now is None:
            outcome, current = "New", ""
        else:
            current = format_value(measure.unit, now.value)
            same = all(
                getattr(now, k) == getattr(item, k)
                for k in ("value", "england", "statistical_neighbours", "region", "note")
            )
            outcome = "Unchanged" if same else "Correction"
        rows.append(
            PreviewRow(
                number, measure.name, measure.period_label(item.period), new, current, outcome
            )
        )
    current_results = {
        (r.stream_id, r.period): r
        for r in AuditResult.objects.filter(stream__in={s.pk for s, _, _ in parsed.audits})
    }
    for stream, item, number in parsed.audits:
        now = current_results.get((stream.pk, item.period))
        good = item.outstanding + item.good
        new = f"{good} of {item.cases_audited} good or better"
        if now is None:
            outcome, current = "New", ""
        else:
            current = f"{now.good_or_better} of {now.cases_audited} good or better"
            same = all(
                getattr(now, k) == getattr(item, k)
                for k in item.__dataclass_fields__
                if k != "period"
            )
            outcome = "Unchanged" if same else "Correction"
        rows.append(
            PreviewRow(number, stream.name, stream.period_label(item.period), new, current, outcome)
        )
    return rows


# --- Templates -------------------------------------------------------------------------------


def template_rows(la: LocalAuthority | None, kind: str) -> list[list[str]]:
    """The heading row and one row per measure (or audit stream) of the council, for its next
    period, with the figures left blank to fill in."""
    if kind == "audits":
        rows = [list(AUDIT_COLUMNS)]
        for stream in la.audit_streams.all() if la else []:
            rows.append([stream.name, _next_period(stream, stream.results), *[""] * 6])
        return rows
    rows = [list(VALUE_COLUMNS)]
    for measure in la.measures.all() if la else []:
        rows.append([measure.name, _next_period(measure, measure.values), *[""] * 5])
    return rows


def _next_period(item: Any, rows: Any) -> str:
    latest = rows.order_by("-period").values_list("period", flat=True).first()
    if latest is None:
        start = periods.add_periods(
            item.frequency, periods.period_start(item.frequency, dt.date.today()), -1
        )
    else:
        start = periods.add_periods(item.frequency, latest, 1)
    return periods.period_label(item.frequency, start)


def template_csv(la: LocalAuthority | None, kind: str = "values") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(template_rows(la, kind))
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(la: LocalAuthority | None) -> bytes:
    """A workbook with a sheet for measures' values and one for audit results."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    first = True
    for kind, title in (("values", "Measures' values"), ("audits", "Audit results")):
        sheet = book.active if first else book.create_sheet()
        first = False
        sheet.title = title
        for row in template_rows(la, kind):
            append_row(sheet, list(row))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 50
        sheet.column_dimensions["B"].width = 16
        # Periods are typed as text ("March 2025"), so Excel must not turn them into dates.
        for cell in sheet["B"]:
            cell.number_format = "@"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- Between the preview and the confirmation ------------------------------------------------


def to_session(parsed: Parsed) -> dict[str, Any]:
    """The checked rows, as plain data to keep in the session until the person confirms."""

    def number(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    return {
        "values": [
            [
                m.pk,
                i.period.isoformat(),
                number(i.value),
                number(i.england),
                number(i.statistical_neighbours),
                number(i.region),
                i.note,
                row,
            ]
            for m, i, row in parsed.values
        ],
        "audits": [
            [
                s.pk,
                i.period.isoformat(),
                i.cases_audited,
                i.outstanding,
                i.good,
                i.requires_improvement,
                i.inadequate,
                i.learning,
                row,
            ]
            for s, i, row in parsed.audits
        ],
    }


def from_session(la: LocalAuthority, data: dict[str, Any]) -> Parsed:
    """The rows kept by to_session, with the council's measures read again (one may have gone)."""

    def number(value: str | None) -> Decimal | None:
        return None if value is None else Decimal(value)

    parsed = Parsed()
    measures = {m.pk: m for m in la.measures.filter(pk__in={r[0] for r in data["values"]})}
    streams = {s.pk: s for s in la.audit_streams.filter(pk__in={r[0] for r in data["audits"]})}
    for pk, period, value, england, neighbours, region, note, row in data["values"]:
        if pk not in measures:
            raise ImportFileError("A measure in the file has been removed since. Upload it again.")
        parsed.values.append(
            (
                measures[pk],
                ValueInput(
                    dt.date.fromisoformat(period),
                    number(value),
                    number(england),
                    number(neighbours),
                    number(region),
                    note,
                ),
                row,
            )
        )
    for pk, period, cases, outstanding, good, ri, inadequate, learning, row in data["audits"]:
        if pk not in streams:
            raise ImportFileError(
                "An audit stream in the file has been removed since. Upload it again."
            )
        parsed.audits.append(
            (
                streams[pk],
                AuditInput(
                    dt.date.fromisoformat(period),
                    cases,
                    outstanding,
                    good,
                    ri,
                    inadequate,
                    learning,
                ),
                row,
            )
        )
    return parsed
