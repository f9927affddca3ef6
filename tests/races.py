"""Run writes at the same moment, each in its own thread with its own database connection.

Real concurrency needs a database server: on SQLite (one file, one writer, and the test
database in memory) the tests that use this are skipped, and CI runs them on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a race needs real concurrent connections: runs on PostgreSQL (DATABASE_URL)",
)


def race(*writes: Callable[[], Any]) -> list[Any]:
    """Start every write at once (a barrier); return each one's result or the exception it
    raised, in order."""
    barrier = threading.Barrier(len(writes))
    results: list[Any] = [None] * len(writes)

    def run(index: int, write: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = write()
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, w)) for i, w in enumerate(writes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
