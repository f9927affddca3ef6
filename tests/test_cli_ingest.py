"""`ilacs ingest PATH...` with the real extractor."""

import io

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
    # then the summary: counts, and each reason with the files it failed
    assert lines[2] == "2 files: 1 added (1 inspection), 0 already held, 1 failed"
    assert lines[3].startswith("  1 failed: The file is named as a PDF but is not")
    assert lines[3].endswith("(saved-web-page.pdf)")
    assert len(lines) == 4


def test_again_is_already_held_and_succeeds(northbrook, capsys):
    assert main(["ingest", str(sample_report_path())]) == 0
    assert main(["ingest", str(sample_report_path())]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2].startswith("already held: sample_report.txt: Northbrook")
    assert Inspection.objects.count() == 1


def test_unknown_council_is_an_error_naming_it(db, capsys):
    # No Northbrook in this database: the report's council is not recognised.
    assert main(["ingest", str(sample_report_path())]) == 1
    line = capsys.readouterr().out.splitlines()[0]
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


def _copies(folder, n):
    """n different files of the sample report (a line added makes each one new)."""
    text = sample_report_path().read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"r{i}.txt").write_text(text + f"\n{i}\n", encoding="utf-8")


def test_jobs_read_in_workers_in_input_order_and_again_is_a_no_op(northbrook, tmp_path, capsys):
    # Each copy is the same report (same pages): the first is added, the others are the same
    # inspection from another file, held by its own source key.
    _copies(tmp_path, 3)
    (tmp_path / "broken.pdf").write_text("<html>not a report</html>")
    assert main(["ingest", "--jobs", "2", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[1].strip() for line in lines[:4]] == [
        "broken.pdf",
        "r0.txt",
        "r1.txt",
        "r2.txt",
    ]
    assert lines[1].startswith("created: r0.txt: Northbrook")
    assert lines[4] == "4 files: 3 added (3 inspections), 0 already held, 1 failed"
    held = Inspection.objects.count()
    assert held == 3
    assert main(["ingest", "--jobs", "2", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith("already held: r") for line in lines[1:4])
    assert lines[4] == "4 files: 0 added (0 inspections), 3 already held, 1 failed"
    assert Inspection.objects.count() == held


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal(northbrook, tmp_path):
    from ilacs.inspections.cli import ingest_paths

    _copies(tmp_path, 2)
    out, err = io.StringIO(), _Terminal()
    assert ingest_paths([str(tmp_path)], jobs=2, out=out, err=err) == 0
    assert "[" + "#" * 30 + "] 2/2" in err.getvalue()
    assert "\r" in err.getvalue()
    assert "#" not in out.getvalue()

    plain_err = io.StringIO()
    assert ingest_paths([str(tmp_path)], jobs=1, out=io.StringIO(), err=plain_err) == 0
    assert plain_err.getvalue() == ""


def test_postgresql_statistics_are_fresh_after_an_ingest(northbrook, capsys):
    """Searches over the new rows are planned from their real size at once, not from empty
    statistics until autovacuum comes round (as after a national load)."""
    from django.db import connection

    from ilacs.inspections.models import Paragraph

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL plans from table statistics")
    assert main(["ingest", str(sample_report_path())]) == 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = %s", [Paragraph._meta.db_table]
        )
        (estimated,) = cursor.fetchone()
    assert estimated == Paragraph.objects.count() > 0


def test_the_same_file_twice_in_a_folder_is_added_once(northbrook, tmp_path, capsys):
    data = sample_report_path().read_bytes()
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_bytes(data)
    assert main(["ingest", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("created: a.txt: Northbrook")
    assert lines[1].startswith("already held: b.txt: Northbrook")
    assert Inspection.objects.count() == 1


def test_a_report_added_meanwhile_by_someone_else_is_already_held(
    northbrook, tmp_path, capsys, monkeypatch
):
    # The ingest found the file not held when it started; another process adds it while the
    # workers read it. The database's unique key catches it: "already held", nothing twice.
    from ilacs.inspections import cli
    from ilacs.inspections.models import Paragraph
    from ilacs.inspections.services import ingest_path

    path = tmp_path / "report.txt"
    path.write_bytes(sample_report_path().read_bytes())
    real_save_read = cli._save_read

    def someone_else_first(*args, **kwargs):
        assert ingest_path(path).status == "created"
        return real_save_read(*args, **kwargs)

    monkeypatch.setattr(cli, "_save_read", someone_else_first)
    assert main(["ingest", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("already held: report.txt: Northbrook")
    assert Inspection.objects.count() == 1
    inspection = Inspection.objects.get()
    assert Paragraph.objects.count() == Paragraph.objects.filter(inspection=inspection).count() > 0


def test_unpublished_reports_are_their_councils_alone_from_the_first_moment(
    cast, public_when_created, client, capsys
):
    assert main(["ingest", "--unpublished", str(sample_report_path())]) == 0
    inspection = Inspection.objects.get()
    assert public_when_created == [False]  # written as a draft: never public, even for a moment
    assert not inspection.is_public
    client.force_login(cast.olly_other_la)
    assert client.get(inspection.get_absolute_url()).status_code == 404
    client.force_login(cast.vic_viewer)  # a member of Northbrook
    assert client.get(inspection.get_absolute_url()).status_code == 200
    # The same file ingested again later changes nothing: a member marks it published.
    assert main(["ingest", str(sample_report_path())]) == 0
    assert "already held" in capsys.readouterr().out
    assert not Inspection.objects.get().is_public


def test_reports_are_published_ones_by_default(northbrook, public_when_created):
    assert main(["ingest", str(sample_report_path())]) == 0
    assert public_when_created == [True]
    assert Inspection.objects.get().is_public
