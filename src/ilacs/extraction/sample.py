"""The project's own sample report: a fictional council, written by the project for demonstrations.

It describes no real council; real reports are read with `ilacs extract` / `ilacs ingest`.
"""

from pathlib import Path


def sample_report_path() -> Path:
    """Path of the fictional 'Northbrook' ILACS report (plain text, form feeds between pages)."""
    return Path(__file__).resolve().parent / "data" / "sample_report.txt"
