"""Run extraction over many files with bounded time and memory per file.

Each file is read in a worker process. A worker that runs past the time limit is killed and the
file gets a `timeout` error record; a worker's address space is capped so a hostile PDF gets a
clean error instead of exhausting the machine. Results come back in input order.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import re
import threading
import time
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .documents import DEFAULT_MAX_BYTES
from .model import ExtractionError, Source
from .themes import prepare as prepare_themes

DEFAULT_MEMORY_LIMIT = 2 * 1024**3


def _error(path: str, code: str, message: str) -> dict[str, Any]:
    return ExtractionError(Source(path, "", "unknown", None), code, message).to_dict()


def _worker(conn: Connection, max_bytes: int, memory_limit: int | None) -> None:
    if memory_limit:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
        except (ImportError, ValueError, OSError):
            pass
    from .api import extract_file

    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        try:
            result = extract_file(path, max_bytes=max_bytes)
        except MemoryError:
            result = [
                _error(path, "too_large", "Reading the file needed more memory than allowed.")
            ]
        except Exception as e:  # never a traceback for the user: name the problem instead
            result = [
                _error(path, "unreadable", f"The file could not be read ({type(e).__name__}: {e}).")
            ]
        conn.send(result)


class _Slot:
    def __init__(self, ctx, max_bytes: int, memory_limit: int | None):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, max_bytes, memory_limit), daemon=True)
        self.proc.start()
        child.close()
        self.task: tuple[int, str] | None = None
        self.started = 0.0

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


def extract_many(
    paths: Iterable[str],
    jobs: int = 1,
    timeout: float = 60.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
) -> Iterator[dict[str, Any]]:
    """Yield the records of each path, in input order."""
    for _path, records in extract_files(
        paths, jobs=jobs, timeout=timeout, max_bytes=max_bytes, memory_limit=memory_limit
    ):
        yield from records


def extract_files(
    paths: Iterable[str],
    jobs: int = 1,
    timeout: float = 60.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    stop: threading.Event | None = None,
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Yield (path, that file's records) for each path, in input order: `ilacs ingest` saves
    each file's reports together. When `stop` is set (extract_files_ahead), it ends within a
    tenth of a second, without yielding the rest."""
    todo = list(enumerate(str(p) for p in paths))
    if not todo:
        return
    ctx = mp.get_context("fork" if os.name == "posix" else "spawn")
    prepare_themes()  # forked workers inherit the built tables
    slots = [_Slot(ctx, max_bytes, memory_limit) for _ in range(max(1, min(jobs, len(todo))))]
    results: dict[int, list[dict[str, Any]]] = {}
    next_out = 0
    queue = list(reversed(todo))
    try:
        while next_out < len(todo):
            if stop is not None and stop.is_set():
                return
            for slot in slots:
                if slot.task is None and queue:
                    slot.task = queue.pop()
                    slot.started = time.monotonic()
                    slot.conn.send(slot.task[1])
            busy = [s for s in slots if s.task is not None]
            now = time.monotonic()
            wait_for = min((s.started + timeout - now for s in busy), default=0.1)
            if next_out in results:  # the next file's records are here: hand them over now
                wait_for = 0.0
            elif stop is not None:
                wait_for = min(wait_for, 0.1)
            ready = wait([s.conn for s in busy], timeout=max(0.0, wait_for))
            for k, slot in enumerate(slots):
                if slot.task is None:
                    continue
                index, path = slot.task
                if slot.conn in ready:
                    try:
                        results[index] = slot.conn.recv()
                    except (EOFError, OSError):
                        results[index] = [
                            _error(path, "unreadable", "Reading the file crashed the reader.")
                        ]
                        slot.kill()
                        slots[k] = _Slot(ctx, max_bytes, memory_limit)
                        continue
                    slot.task = None
                elif time.monotonic() - slot.started > timeout:
                    results[index] = [
                        _error(path, "timeout", f"Reading the file took longer than {timeout:g} s.")
                    ]
                    slot.kill()
                    slots[k] = _Slot(ctx, max_bytes, memory_limit)
            while next_out in results:
                yield todo[next_out][1], results.pop(next_out)
                next_out += 1
    finally:
        for slot in slots:
            try:
                slot.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
        for slot in slots:
            slot.proc.join(timeout=1)
            if slot.proc.is_alive():
                slot.proc.kill()


def extract_files_ahead(
    paths: Iterable[str],
    jobs: int = 1,
    timeout: float = 60.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """`extract_files`, driven by a thread of this process, so that the workers are given their
    next file as soon as they finish one, while the caller is still busy with earlier records
    (`ilacs ingest` saves them meanwhile): with extract_files, a worker that finished while the
    caller was saving waited for the caller to ask for more. The records of at most two files
    per job wait for the caller. The thread only hands out paths and collects records; closing
    the iterator (or leaving a loop over it) stops it and the workers."""
    pending: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=2 * max(1, jobs))
    stop = threading.Event()

    def put(kind: str, value: Any) -> bool:
        while not stop.is_set():
            try:
                pending.put((kind, value), timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def feed() -> None:
        read = extract_files(
            paths,
            jobs=jobs,
            timeout=timeout,
            max_bytes=max_bytes,
            memory_limit=memory_limit,
            stop=stop,
        )
        try:
            for item in read:
                if not put("records", item):
                    return
        except BaseException as exc:  # handed to the caller, raised there
            put("error", exc)
            return
        finally:
            read.close()
        put("end", None)

    thread = threading.Thread(target=feed, name="ilacs-extract-ahead", daemon=True)
    thread.start()
    try:
        while True:
            kind, value = pending.get()
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()
        thread.join()


def extract_bytes_guarded(
    data: bytes,
    filename: str,
    timeout: float = 60.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
) -> list[dict[str, Any]]:
    """`extract_bytes` in a worker process with the time and memory limits of `ilacs extract`.

    For uploads in a web server: a hostile file cannot hang or exhaust the server process.
    """
    import tempfile

    name = Path(filename).name or "upload"
    with tempfile.TemporaryDirectory(prefix="ilacs-upload-") as folder:
        # Not the sender's name: it may be longer than the file system allows (255 bytes, and a
        # non-ASCII character takes several). Only its suffix matters to the reader (".pdf").
        path = Path(folder) / ("upload" + _safe_suffix(name))
        path.write_bytes(data)
        records = list(
            extract_many(
                [str(path)], timeout=timeout, max_bytes=max_bytes, memory_limit=memory_limit
            )
        )
    for record in records:
        record["source"]["file"] = name
    return records


def _safe_suffix(name: str) -> str:
    """ ".pdf" for "Report.PDF"; "" when the name has no short plain suffix."""
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""
