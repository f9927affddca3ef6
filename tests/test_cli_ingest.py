"""`ilacs ingest PATH...` with the real extractor."""

import pytest

from ilacs.cli import main
from ilacs.extraction.sample import sample_report_path
from ilacs.inspections.models import Inspection
from ilacs.localauthorities.services import create_fictional_local_authority


@pytest.fixture
def northbrook(db):
    return create_fictional_local_authority("Northbrook", "northbrook")


def test_one_line_per_file_and_exit_status(northbrook, tmp_path, capsys):
    not_a_pdf = tmp_path / "saved-web-page.pdf"
    not_a_pdf.write_text("<!DOCTYPE html><html><body>Page not found</body></html>")
    status = main(["ingest", str(sample_report_path()), str(not_a_pdf)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert (
        lines[0] == "created: sample_report.txt: Northbrook: ILACS inspection, 4 to 15 March 2024"
    )
    assert lines[1].startswith("error: saved-web-page.pdf: The file is named as a PDF but is not")
    assert lines[1].endswith("[not_a_pdf]")
    assert len(lines) == 2


def test_again_is_already_held_and_succeeds(northbrook, capsys):
    assert main(["ingest", str(sample_report_path())]) == 0
    assert main(["ingest", str(sample_report_path())]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("already held: sample_report.txt: Northbrook")
    assert Inspection.objects.count() == 1


def test_unknown_council_is_an_error_naming_it(db, capsys):
    # No Northbrook in this database: the report's council is not recognised.
    assert main(["ingest", str(sample_report_path())]) == 1
    line = capsys.readouterr().out.strip()
    assert "“Northbrook”, which is not a local authority ilacs knows" in line
    assert line.endswith("[local_authority_not_recognised]")


def test_missing_file(db, capsys, tmp_path):
    assert main(["ingest", str(tmp_path / "nope.pdf")]) == 1
    assert "error: nope.pdf: The file could not be found" in capsys.readouterr().out


def test_a_folder_stands_for_its_files(northbrook, tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(sample_report_path().read_bytes())
    (tmp_path / ".hidden").write_text("x")
    assert main(["ingest", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("created: a.txt: Northbrook")


def test_as_a_user_their_permissions_apply(cast, capsys):
    assert main(["ingest", "--user", "vic_viewer", str(sample_report_path())]) == 1
    assert "You cannot add inspection reports for Northbrook" in capsys.readouterr().out
    assert main(["ingest", "--user", "erin_editor", str(sample_report_path())]) == 0
    assert Inspection.objects.get().ingested_by == cast.erin_editor


def test_unknown_user(db, capsys):
    assert main(["ingest", "--user", "nobody", str(sample_report_path())]) == 2
    assert "There is no user called 'nobody'" in capsys.readouterr().err
