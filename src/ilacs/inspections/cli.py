"""`ilacs ingest PATH... [--jobs N]`: add report files from the command line, one line of output
per file, then a summary of what failed and why.

Reading is the slow part, so it happens in worker processes (the extractor's pool, with its time
and memory limits), while this process saves each file's reports as they come back, in input
order, all or nothing per file (services.ingest_file, as an upload). Files already held (same
sha256) are recognised before they are read, so running it again is quick and changes nothing.
On a terminal a progress bar runs on standard error.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from django.conf import settings

from ilacs.cli_support import CommandError, find_user, require_migrated
from ilacs.inspections import labels
from ilacs.inspections.dataset import ProgressBar
from ilacs.inspections.models import Inspection, Judgement
from ilacs.inspections.national import refresh_statistics
from ilacs.inspections.services import (
    FileResult,
    IngestOutcome,
    _error,
    _too_large,
    ingest_file,
    max_upload_bytes,
)
from ilacs.localauthorities.services import local_authority_index


def _expand(paths: Sequence[str]) -> Iterator[Path]:
    """Files as given; a folder stands for the files directly in it, by name."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _precheck(path: Path, held: set[str]) -> tuple[FileResult | None, str]:
    """A result now for a file that is missing, too large or unreadable; else (None, sha256)."""
    try:
        if path.stat().st_size > max_upload_bytes():
            return FileResult(path.name, [_too_large()]), ""
        return None, _sha256(path)
    except FileNotFoundError:
        return FileResult(path.name, [_error("not_found", labels.error_message("not_found"))]), ""
    except OSError as exc:
        message = labels.error_message("unreadable")
        return FileResult(path.name, [_error("unreadable", message, str(exc))]), ""


def ingest_paths(
    paths: Sequence[str],
    *,
    username: str | None = None,
    jobs: int = 1,
    out: TextIO | None = None,
    err: TextIO | None = None,
    published: bool = True,
) -> int:
    """Ingest each file; print "created", "already held" or "error" and the reason for each,
    then a summary.

    Returns 0 when every file was added or already held, 1 when any failed, 2 when nothing could
    be tried (database not set up, unknown user). With a username, that user's permissions
    apply; without, any council's report may be added (a command-line user runs the service).
    published: False for reports Ofsted has not published yet (members of their council only).
    """
    from ilacs.extraction.runner import extract_files_ahead

    out = out or sys.stdout
    err = err or sys.stderr
    try:
        require_migrated()
        user = find_user(username)
    except CommandError as exc:
        err.write(f"{exc}\n")
        return exc.status
    files = list(_expand(paths))
    held = set(Inspection.objects.values_list("sha256", flat=True))
    early: dict[int, FileResult] = {}
    hashes: dict[int, str] = {}
    to_read: list[tuple[int, Path]] = []
    for n, path in enumerate(files):
        result, sha256 = _precheck(path, held)
        if result is not None:
            early[n] = result
        else:
            hashes[n] = sha256
            if sha256 not in held:
                to_read.append((n, path))
    read = extract_files_ahead(  # workers read on while this process saves
        [str(p) for _, p in to_read],
        jobs=max(1, jobs),
        timeout=settings.ILACS_EXTRACT_TIMEOUT,
        max_bytes=max_upload_bytes(),
    )
    index = local_authority_index()
    bar = ProgressBar(err, label="Adding reports ")
    results: list[FileResult] = []
    failed = 0
    tried: set[str] = set()  # the hashes of the files read and saved so far
    # PostgreSQL checks each new row's foreign keys at commit with a plan it keeps for the
    # session, made from the statistics of the tables they point at. On tables emptied and
    # vacuumed, that plan is a sequential scan, slower with every report added (the server's
    # CPU for the 493 reports of benchmarks/ingest.py: 4.6 s on new tables, 7.8 s on emptied
    # ones). Refreshing the statistics of those two tables as they grow makes it plan again.
    added, analyse_at = 0, 50
    try:
        for n, path in enumerate(files):
            if n in early:
                result = early[n]
            elif hashes[n] in held:
                result = _held(path, hashes[n], user, index)
            else:
                _, records = next(read)
                for record in records:  # the worker read it from disk: name it as the user did
                    record.setdefault("source", {})["file"] = path.name
                # Not held when this run started, nor added since by this run (the same file
                # twice in the folder): only another process could have added it since, and the
                # database's unique keys catch that.
                sha256 = hashes[n]
                unheld = None if sha256 in tried else sha256
                tried.add(sha256)
                result = _save_read(path, records, user, index, unheld, published)
            results.append(result)
            failed += not result.ok
            added += sum(o.status == "created" for o in result.outcomes)
            if added >= analyse_at:
                refresh_statistics((Inspection, Judgement))
                analyse_at *= 2
            bar.clear()
            out.write(_line(result) + "\n")
            out.flush()
            bar(n + 1, len(files), f"{failed} failed" if failed else "")
    finally:
        bar.close()
        read.close()
    if any(o.status == "created" for r in results for o in r.outcomes):
        refresh_statistics()  # PostgreSQL: searches over the new rows are planned well at once
    for line in summary_lines(results):
        out.write(line + "\n")
    out.flush()
    return 1 if any(not r.ok for r in results) else 0


def _held(path: Path, sha256: str, user: object, index: object) -> FileResult:
    """A file already held: said without reading it again. A withdrawn one, or a user's
    permissions to check, go through ingest_file as an upload would (which may bring it back)."""
    held = list(Inspection.objects.filter(sha256=sha256).select_related("local_authority"))
    if user is None and held and all(i.withdrawn_at is None for i in held):
        return FileResult(path.name, [IngestOutcome("already_held", inspection=i) for i in held])
    return ingest_file(path.read_bytes(), path.name, user=user, index=index)


def _save_read(
    path: Path,
    records: list[dict],
    user: object,
    index: object,
    sha256: str | None,
    published: bool = True,
) -> FileResult:
    """Save what a worker read (the file's bytes are read again here to be stored). sha256: the
    file's when no inspection held it a moment ago (not asked again unless the file changed)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(
            path.name, [_error("unreadable", labels.error_message("unreadable"), str(exc))]
        )
    return ingest_file(
        data,
        path.name,
        user=user,
        index=index,
        extractor=lambda _data, _name: records,
        not_held=sha256,
        published=published,
    )


def _line(result: FileResult) -> str:
    line = result.summary()
    if not result.ok:
        line += " [" + ", ".join(sorted({e.code for e in result.errors})) + "]"
    return line


def summary_lines(results: Sequence[FileResult]) -> list[str]:
    """ "497 files: 490 added (491 inspections), 3 already held, 4 failed", then each reason
    that failed a file with the files it failed."""
    statuses = Counter(r.status for r in results)
    added = sum(len(r.inspections) for r in results if r.status == "created")
    lines = [
        f"{len(results)} file{'s' if len(results) != 1 else ''}: {statuses['created']} added "
        f"({added} inspection{'s' if added != 1 else ''}), {statuses['already_held']} already "
        f"held, {statuses['error']} failed"
    ]
    why: dict[str, list[str]] = defaultdict(list)
    for result in results:
        for message in dict.fromkeys(e.message for e in result.errors):
            why[message].append(result.filename)
    for message, names in sorted(why.items(), key=lambda item: -len(item[1])):
        shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
        lines.append(f"  {len(names)} failed: {message} ({shown})")
    return lines
