"""`ilacs ingest PATH...`: add report files from the command line, one line of output per file."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ilacs.cli_support import CommandError, find_user, require_migrated
from ilacs.inspections.services import ingest_path


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


def ingest_paths(
    paths: Sequence[str],
    *,
    username: str | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Ingest each file; print "created", "already held" or "error" and the reason for each.

    Returns 0 when every file was added or already held, 1 when any failed, 2 when nothing could
    be tried (database not set up, unknown user). With a username, that user's permissions
    apply; without, any council's report may be added (a command-line user runs the service).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        require_migrated()
        user = find_user(username)
    except CommandError as exc:
        err.write(f"{exc}\n")
        return exc.status
    failed = False
    for path in _expand(paths):
        result = ingest_path(path, user=user)
        line = result.summary()
        if not result.ok:
            codes = ", ".join(sorted({e.code for e in result.errors}))
            line += f" [{codes}]"
            failed = True
        out.write(line + "\n")
        out.flush()
    return 1 if failed else 0
