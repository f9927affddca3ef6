"""Importing values and audit results: row-level errors in plain words, all or nothing, and a
clear error for each kind of bad file."""

import datetime as dt
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from ilacs.measures import imports, services
from ilacs.measures.models import AuditResult, MeasureValue

HEADER = "Measure,Period,Value,England,Statistical neighbours,Region,Note\r\n"


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return (header + "".join(r + "\r\n" for r in rows)).encode()


def xlsx_bytes(rows, *, title="Values", number_formats=None, merge=None, extra_sheets=()):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for coordinate, fmt in (number_formats or {}).items():
        sheet[coordinate].number_format = fmt
    if merge:
        sheet.merge_cells(merge)
    for name in extra_sheets:
        book.create_sheet(name)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def problems(parsed):
    return parsed.file_errors + [str(e) for e in parsed.errors]


def test_a_good_csv_imports_every_row(cast, re_referrals, rate_cin):
    data = csv_bytes(
        "Re-referrals within 12 months,2025-01,22,21.5,20,,",
        "re-referrals within 12 months,February 2025,19,,,,Late data from the front door",
        "Children in need rate,Mar-25,350.4,330,,,",
    )
    parsed = imports.parse(cast.northbrook, data, "values.csv")
    assert parsed.ok, problems(parsed)
    counts = services.apply_rows(
        cast.northbrook, user=cast.cara_contributor, values=[(m, i) for m, i, _ in parsed.values]
    )
    assert counts == {"created": 3, "corrected": 0, "unchanged": 0}
    january = MeasureValue.objects.get(measure=re_referrals, period=dt.date(2025, 1, 1))
    assert (january.value, january.england) == (Decimal("22.00"), Decimal("21.50"))


def test_row_errors_in_plain_words(cast, re_referrals, rate_cin):
    data = csv_bytes(
        "Re-referrals within 12 months,2025-01,22,,,,",
        "Re-referrals within 12 months,13/2025,22,,,,",
        "Children in need rate,2025-01,-4,,,,",
        "Re-referals within 12 month,2025-01,22,,,,",
        "Re-referrals within 12 months,2025-02,lots,,,,",
        "Re-referrals within 12 months,2025-01,23,,,,",
    )
    parsed = imports.parse(cast.northbrook, data, "values.csv")
    assert not parsed.ok
    assert problems(parsed) == [
        "Row 3: 13/2025 is not a month: write months as 2025-03 or March 2025",
        "Row 4: Rate per 10,000 cannot be negative",
        "Row 5: Northbrook has no measure called “Re-referals within 12 month”. Did you mean "
        "“Re-referrals within 12 months”?",
        "Row 6: The value must be a number, not “lots”",
        "Row 7: January 2025 of “Re-referrals within 12 months” is also in row 2. Keep one of "
        "them.",
    ]


def test_nothing_is_stored_when_one_row_fails_at_write_time(cast, re_referrals, rate_cin):
    good = services.ValueInput(dt.date(2025, 1, 1), Decimal(20))
    bad = services.ValueInput(dt.date(2025, 1, 1), Decimal(-1))
    with pytest.raises(services.MeasureError):
        services.apply_rows(
            cast.northbrook, user=cast.erin_editor, values=[(re_referrals, good), (rate_cin, bad)]
        )
    assert not MeasureValue.objects.exists()


def test_blank_template_rows_are_left_out(cast, re_referrals, rate_cin):
    data = imports.template_csv(cast.northbrook)
    text = data.decode("utf-8-sig").replace(
        "Re-referrals within 12 months,", "Re-referrals within 12 months,", 1
    )
    lines = text.split("\r\n")
    lines[2] = lines[2].rstrip(",") + ",18,,,,"
    parsed = imports.parse(cast.northbrook, "\r\n".join(lines).encode(), "t.csv")
    assert parsed.ok, problems(parsed)
    assert parsed.skipped == 1 and len(parsed.values) == 1


def test_xlsx_with_dates_and_percent_formatted_cells(cast, re_referrals):
    data = xlsx_bytes(
        [
            ["Measure", "Period", "Value", "England"],
            ["Re-referrals within 12 months", dt.datetime(2025, 3, 31), 0.215, 22],
        ],
        number_formats={"C2": "0.0%"},
    )
    parsed = imports.parse(cast.northbrook, data, "values.xlsx")
    assert parsed.ok, problems(parsed)
    _measure, item, row = parsed.values[0]
    assert (item.period, item.value, item.england, row) == (
        dt.date(2025, 3, 1),
        Decimal("21.50"),
        Decimal("22.00"),
        2,
    )


def test_audit_results_import_and_must_add_up(cast, cp_audit):
    header = ",".join(imports.AUDIT_COLUMNS) + "\r\n"
    good = csv_bytes(
        "Child protection plans,Q2 2025-26,10,1,5,3,1,Contingency plans", header=header
    )
    parsed = imports.parse(cast.northbrook, good, "audits.csv")
    assert parsed.ok, problems(parsed)
    services.apply_rows(
        cast.northbrook, user=cast.erin_editor, audits=[(s, i) for s, i, _ in parsed.audits]
    )
    assert AuditResult.objects.get(period=dt.date(2025, 7, 1)).learning == "Contingency plans"
    bad = csv_bytes("Child protection plans,Q3 2025-26,10,1,5,3,0,", header=header)
    assert problems(imports.parse(cast.northbrook, bad, "audits.csv")) == [
        "Row 2: The grades add up to 9, but 10 cases were audited"
    ]


# --- bad files: a clear error each, nothing stored -------------------------------------------


def file_error(cast, data, name="file.csv"):
    with pytest.raises(imports.ImportFileError) as caught:
        parsed = imports.parse(cast.northbrook, data, name)
        if parsed.file_errors:
            raise imports.ImportFileError(parsed.file_errors[0])
    return str(caught.value)


def test_wrong_type_of_file(cast, re_referrals):
    assert "is a PDF" in file_error(cast, b"%PDF-1.7\n...", "values.csv")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    assert "not a CSV file or an Excel workbook" in file_error(cast, png, "values.xlsx")
    assert "Excel 97-2003" in file_error(cast, b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "v.xls")


def test_a_zip_of_something_else_named_xlsx(cast, re_referrals):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    message = file_error(cast, out.getvalue(), "values.xlsx")
    assert message.startswith("The file is a zip archive holding a Word document, not an Excel")


def test_a_damaged_workbook(cast, re_referrals):
    assert "damaged" in file_error(cast, b"PK\x03\x04" + b"\x00" * 50, "values.xlsx")


def test_a_file_that_is_too_large(cast, re_referrals, settings):
    big = b"x" * 50_000_000  # MB of 10**6 bytes (ilacs.units)
    assert file_error(cast, big) == (
        "The file is 50.0 MB: files of more than 5 MB cannot be imported. Import fewer rows at a "
        "time."
    )


def test_formulas_are_refused(cast, re_referrals):
    data = xlsx_bytes(
        [["Measure", "Period", "Value"], ["Re-referrals within 12 months", "2025-01", "=B9*100"]]
    )
    message = file_error(cast, data, "values.xlsx")
    assert message.startswith("Cell C2 of sheet “Values” holds a formula (=B9*100)")
    assert "formula" in file_error(cast, csv_bytes("Re-referrals within 12 months,2025-01,=1+1"))


def test_merged_cells_are_refused(cast, re_referrals):
    data = xlsx_bytes(
        [["Measure", "Period", "Value"], ["Re-referrals within 12 months", "2025-01", 20]],
        merge="A3:C3",
    )
    assert file_error(cast, data, "v.xlsx") == (
        "Sheet “Values” has merged cells (A3:C3). Unmerge them so that each row has its own values."
    )


def test_empty_sheets_and_files(cast, re_referrals):
    assert file_error(cast, xlsx_bytes([], extra_sheets=["Sheet2"]), "v.xlsx") == (
        "The file has nothing to import: every sheet is empty."
    )
    assert file_error(cast, xlsx_bytes([["Measure", "Period", "Value"]]), "v.xlsx") == (
        "The file has headings but no values to import."
    )
    assert file_error(cast, b"") == "The file is empty."
    assert "heading row" in file_error(cast, b"Name,Month,Figure\r\nA,2025-01,3\r\n")


def test_an_empty_sheet_beside_one_with_rows_is_ignored(cast, re_referrals):
    data = xlsx_bytes(
        [["Measure", "Period", "Value"], ["Re-referrals within 12 months", "2025-01", 20]],
        extra_sheets=["Sheet2"],
    )
    assert imports.parse(cast.northbrook, data, "v.xlsx").ok


def test_a_measure_named_like_a_formula_is_text_in_the_template_and_reads_back(cast, seen_in_time):
    from ilacs.measures.models import Measure

    name = "=Children seen + visits"
    Measure.objects.filter(pk=seen_in_time.pk).update(name=name)
    book = openpyxl.load_workbook(io.BytesIO(imports.template_xlsx(cast.northbrook)))
    cell = book.worksheets[0]["A2"]
    assert (cell.value, cell.data_type) == (name, "s")  # words, never a live formula
    cell.offset(column=2).value = 80
    out = io.BytesIO()
    book.save(out)
    parsed = imports.parse(cast.northbrook, out.getvalue(), "t.xlsx")
    assert parsed.ok and len(parsed.values) == 1


def test_the_xlsx_template_reads_back(cast, seen_in_time, cp_audit):
    data = imports.template_xlsx(cast.northbrook)
    book = openpyxl.load_workbook(io.BytesIO(data))
    values, audits = book.worksheets
    assert [c.value for c in values[1]][:3] == ["Measure", "Period", "Value"]
    assert [c.value for c in values[2]][:2] == ["Children seen within timescales", "July 2025"]
    assert [c.value for c in audits[2]][:2] == ["Child protection plans", "Q2 2025-26"]
    values["C2"] = 80
    out = io.BytesIO()
    book.save(out)
    parsed = imports.parse(cast.northbrook, out.getvalue(), "t.xlsx")
    assert parsed.ok and len(parsed.values) == 1 and parsed.skipped == 1
