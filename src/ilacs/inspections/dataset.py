"""The national dataset: every published Ofsted report's extracted record, in one compressed file
that ships inside the package (`ilacs national build DIR` writes it, `ilacs national load` reads
it into the database).

Plain Python (no Django): building reads reports with the extractor's worker pool and names each
report's council with the same matcher the app uses (localauthorities/matching.py) over the
committed reference list, so the file records the council's DfE code beside the printed name.

The file is xz-compressed JSON lines, one record per inspection as `ilacs extract` gives it, with
what no page needs left out: the builder's folder (only the file's own name is kept) and empty
values. Records are sorted by council code, start date and source key, so the same folder always
builds the same file.
"""

from __future__ import annotations

import json
import lzma
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ilacs.extraction.runner import extract_many
from ilacs.localauthorities.matching import LocalAuthorityIndex
from ilacs.localauthorities.reference import read_reference

DATASET_FILE = Path(__file__).resolve().parent / "data" / "national.jsonl.xz"
LICENCE = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
ATTRIBUTION = (
    f"Contains public sector information published by Ofsted, licensed under the {LICENCE}."
)


@dataclass
class BuildSummary:
    """What a build read and wrote, and what it could not use (with the reason)."""

    files: int = 0
    records: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # file, code, message
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # file, printed council
    seconds: float = 0.0
    size: int = 0
    raw_size: int = 0

    def lines(self) -> list[str]:
        out = [
            f"Read {self.files} files in {self.seconds:.1f} s: {self.records} inspections "
            f"written, {len(self.failed)} reports unreadable, {len(self.unmatched)} with a "
            "council not matched.",
            f"Dataset size: {self.size:,} bytes compressed ({self.raw_size:,} bytes of JSON).",
        ]
        out += [f"  unreadable: {name}: {message} [{code}]" for name, code, message in self.failed]
        out += [f"  council not matched: {name}: “{printed}”" for name, printed in self.unmatched]
        return out


def reference_index() -> LocalAuthorityIndex[str]:
    """Every council in the committed reference list, by each of its names -> DfE LA code."""
    return LocalAuthorityIndex(
        ([r["name"], r["ons_name"], *r["also_known_as"]], r["la_code"]) for r in read_reference()
    )


def _prune(value: Any) -> Any:
    """Drop None, "" and empty lists from dicts (the loader reads a missing key as empty)."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def slim_record(record: dict[str, Any], la_code: str) -> dict[str, Any]:
    """The record as the dataset keeps it: the file's own name, not the builder's folder."""
    slim = _prune(record)
    source = dict(slim.get("source") or {})
    if "file" in source:
        source["file"] = Path(str(source["file"])).name
    slim["source"] = source
    slim["la_code"] = la_code
    return slim


def _sort_key(record: dict[str, Any]) -> tuple[str, str, str, int, int]:
    source = record.get("source") or {}
    return (
        record.get("la_code") or "",
        record.get("inspection_start") or "",
        source.get("sha256") or "",
        source.get("first_page") or 0,
        source.get("first_line") or 0,
    )


def report_files(folder: str | Path) -> list[Path]:
    """The files directly in a folder, by name (hidden files left out)."""
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and not p.name.startswith("."))


def build_dataset(
    reports_dir: str | Path,
    out_path: str | Path = DATASET_FILE,
    *,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    index: LocalAuthorityIndex[str] | None = None,
) -> BuildSummary:
    """Extract every report in the folder and write the dataset file (replacing it whole).

    index: council names -> code (default: the committed reference list of English councils).
    """
    started = time.perf_counter()
    files = report_files(reports_dir)
    summary = BuildSummary(files=len(files))
    index = index if index is not None else reference_index()
    records: list[dict[str, Any]] = []
    done_files: set[str] = set()
    for record in extract_many([str(p) for p in files], jobs=jobs):
        name = Path(str((record.get("source") or {}).get("file") or "")).name
        if name not in done_files:
            done_files.add(name)
            if progress:
                progress(len(done_files), len(files))
        if "error" in record:
            err = record["error"] or {}
            summary.failed.append((name, str(err.get("code")), str(err.get("message"))))
            continue
        la_code = index.match(record.get("local_authority"))
        if la_code is None:
            summary.unmatched.append((name, str(record.get("local_authority") or "")))
            continue
        records.append(slim_record(record, la_code))
    records.sort(key=_sort_key)
    text = "".join(
        json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records
    ).encode("utf-8")
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out_path.parent, prefix=".national-")
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(lzma.compress(text, preset=9 | lzma.PRESET_EXTREME))
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the dataset is public data
        os.replace(temporary, out_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    summary.records = len(records)
    summary.raw_size = len(text)
    summary.size = out_path.stat().st_size
    summary.seconds = time.perf_counter() - started
    return summary


def read_dataset(path: str | Path = DATASET_FILE) -> Iterator[dict[str, Any]]:
    """The dataset's records in file order (xz, gzip or plain JSON lines, by the file's start)."""
    path = Path(path)
    with path.open("rb") as probe:
        magic = probe.read(6)
    if magic.startswith(b"\xfd7zXZ"):
        opener: Callable[..., Any] = lzma.open
    elif magic.startswith(b"\x1f\x8b"):
        import gzip

        opener = gzip.open
    else:
        opener = open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


class ProgressBar:
    """ "[#####     ] 120/497" on a terminal's standard error; nothing elsewhere."""

    def __init__(self, stream: TextIO | None = None, label: str = "", width: int = 30):
        self.stream = stream or sys.stderr
        self.label = label
        self.width = width
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self._shown = False

    def __call__(self, done: int, total: int, note: str = "") -> None:
        if not self.enabled or total <= 0:
            return
        filled = int(self.width * done / total)
        bar = "#" * filled + " " * (self.width - filled)
        tail = f"  {note}" if note else ""
        self.stream.write(f"\r{self.label}[{bar}] {done}/{total}{tail}\033[K")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Rub the bar out, so that a line printed next starts clean (it is drawn again)."""
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def close(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
            self._shown = False


def write_lines(lines: Iterable[str], out: TextIO) -> None:
    for line in lines:
        out.write(line + "\n")
    out.flush()
