"""`ilacs measures`: the same import as the browser, from the command line."""

import datetime as dt

from ilacs.cli import main
from ilacs.measures.models import MeasureValue


def run(capsys, *argv):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_import_a_csv(cast, seen_in_time, tmp_path, capsys):
    path = tmp_path / "values.csv"
    path.write_text("Measure,Period,Value\nChildren seen within timescales,July 2025,86\n")
    status, out, err = run(
        capsys,
        "measures",
        "import",
        str(path),
        "--council",
        "northbrook",
        "--user",
        "cara_contributor",
    )
    assert status == 0, err
    assert out == "Imported values.csv into Northbrook: 1 new, 0 corrected, 0 unchanged.\n"
    assert MeasureValue.objects.get(period=dt.date(2025, 7, 1)).value == 86


def test_problems_are_printed_and_nothing_written(cast, seen_in_time, tmp_path, capsys):
    path = tmp_path / "values.csv"
    path.write_text(
        "Measure,Period,Value\nChildren seen within timescales,July 2025,86\n"
        "Children seen in timescales,13/2025,86\n"
    )
    status, out, err = run(
        capsys, "measures", "import", str(path), "--council", "northbrook", "--user", "erin_editor"
    )
    assert status == 1
    assert (
        "Row 3: Northbrook has no measure called “Children seen in timescales”. Did you mean "
        in err
    )
    assert "Nothing was imported: 1 problem." in err
    assert not MeasureValue.objects.filter(period=dt.date(2025, 7, 1)).exists()


def test_a_viewer_or_another_council_cannot_import(cast, seen_in_time, tmp_path, capsys):
    path = tmp_path / "values.csv"
    path.write_text("Measure,Period,Value\nChildren seen within timescales,July 2025,86\n")
    args = ("measures", "import", str(path), "--council", "northbrook", "--user")
    assert run(capsys, *args, "vic_viewer")[0] == 1
    assert run(capsys, *args, "olly_other_la")[0] == 2
    assert not MeasureValue.objects.filter(period=dt.date(2025, 7, 1)).exists()


def test_dry_run_writes_nothing(cast, seen_in_time, tmp_path, capsys):
    path = tmp_path / "values.csv"
    path.write_text("Measure,Period,Value\nChildren seen within timescales,June 2025,74\n")
    status, out, _ = run(
        capsys,
        "measures",
        "import",
        str(path),
        "--council",
        "northbrook",
        "--user",
        "erin_editor",
        "--dry-run",
    )
    assert status == 0 and "1 corrected" in out and "Nothing was written" in out
    assert MeasureValue.objects.get(period=dt.date(2025, 6, 1)).value == 73


def test_template_and_list(cast, seen_in_time, tmp_path, capsys):
    out_file = tmp_path / "t.xlsx"
    status, out, _ = run(
        capsys,
        "measures",
        "template",
        "--council",
        "northbrook",
        "--format",
        "xlsx",
        "-o",
        str(out_file),
    )
    assert status == 0 and out_file.read_bytes().startswith(b"PK")
    status, out, _ = run(capsys, "measures", "list", "--council", "northbrook")
    assert out == (
        "Children seen within timescales: 73% (June 2025); Red: 12 points below target of 85%; "
        "off target for 6 months, since January 2025\n"
    )
