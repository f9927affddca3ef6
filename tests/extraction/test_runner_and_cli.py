"""Many files at once: input order kept, a stuck file times out, the CLI's formats and exit code."""

import json
import time

import pytest

from ilacs.cli import main
from ilacs.extraction import api, extract_many

from . import layouts


@pytest.fixture
def report_files(tmp_path):
    return [
        str(layouts.write_text(build(), tmp_path / f"{build.__name__}.txt"))
        for build in layouts.ALL
    ]


def test_order_is_kept_with_several_workers(report_files, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_text("<html>gone</html>")
    paths = [report_files[0], str(bad), *report_files[1:]]
    records = list(extract_many(paths, jobs=3))
    assert [r["source"]["file"] for r in records] == paths
    assert records[1]["error"]["code"] == "not_a_pdf"


def test_a_file_that_hangs_gets_a_timeout_record(report_files, monkeypatch):
    real = api.extract_file

    def slow(path, max_bytes=0):
        if path.endswith("sif_2016.txt"):
            time.sleep(30)
        return real(path, max_bytes=max_bytes)

    # workers are forked, so they see the patched function
    monkeypatch.setattr(api, "extract_file", slow)
    started = time.monotonic()
    records = list(extract_many(report_files, jobs=2, timeout=1.0))
    assert time.monotonic() - started < 15
    codes = {
        r["source"]["file"].rsplit("/", 1)[-1]: r.get("error", {}).get("code") for r in records
    }
    assert codes["sif_2016.txt"] == "timeout"
    assert sum(1 for c in codes.values() if c is None) == len(report_files) - 1


def test_a_crash_inside_the_reader_is_a_clean_error(report_files, monkeypatch):
    def boom(path, max_bytes=0):
        raise RuntimeError("unexpected structure")

    monkeypatch.setattr(api, "extract_file", boom)
    (rec,) = extract_many(report_files[:1])
    assert rec["error"]["code"] == "unreadable"
    assert "unexpected structure" in rec["error"]["message"]


def test_cli_jsonl_and_exit_status(report_files, tmp_path, capsys):
    assert main(["extract", *report_files]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["local_authority"] for line in lines] == [
        "Exampleshire",
        "Westfield",
        "Northmoor",
        "Kingsford",
        "Fenshire",
        "Eastvale",
    ]
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    assert main(["extract", report_files[0], str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert json.loads(out[1])["error"]["code"] == "empty"


def test_cli_json_and_text(report_files, capsys):
    assert main(["extract", "--format", "json", report_files[0]]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["report_type"] == "ilacs"
    assert main(["extract", "--format", "text", report_files[0]]) == 0
    text = capsys.readouterr().out
    assert "Council:        Exampleshire" in text
    assert "Requires improvement to be good" in text


def test_cli_never_shows_a_traceback_for_bad_input(tmp_path, capsys):
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(256)) * 20)
    assert main(["extract", "--format", "text", str(path)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert "ERROR unreadable" in captured.out


def test_guarded_bytes_extraction_names_the_upload_and_times_out(report_files, monkeypatch):
    from ilacs.extraction import extract_bytes_guarded

    data = open(report_files[0], "rb").read()
    (rec,) = extract_bytes_guarded(data, "from-browser.txt")
    assert rec["source"]["file"] == "from-browser.txt"
    assert rec["local_authority"] == "Exampleshire"

    def slow(path, max_bytes=0):
        time.sleep(30)

    monkeypatch.setattr(api, "extract_file", slow)
    (rec,) = extract_bytes_guarded(data, "stuck.txt", timeout=1.0)
    assert rec["error"]["code"] == "timeout"
    assert rec["source"]["file"] == "stuck.txt"


def test_reading_ahead_keeps_order_and_stops_when_closed(report_files, tmp_path):
    import multiprocessing as mp

    from ilacs.extraction.runner import extract_files_ahead

    bad = tmp_path / "bad.pdf"
    bad.write_text("<html>gone</html>")
    paths = [report_files[0], str(bad), *report_files[1:]]
    got = list(extract_files_ahead(paths, jobs=2))
    assert [path for path, _ in got] == paths
    assert [len(records) for _, records in got] == [1] * len(paths)
    assert got[1][1][0]["error"]["code"] == "not_a_pdf"

    # Left after the first file (as ilacs ingest does on an error): the workers are stopped.
    read = extract_files_ahead(paths * 3, jobs=2)
    first_path, _ = next(read)
    assert first_path == paths[0]
    read.close()
    assert mp.active_children() == []
