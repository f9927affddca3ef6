"""The library entry points: a file (or bytes) in, a list of record dicts out."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .documents import DEFAULT_MAX_BYTES, read_bytes, read_document
from .lines import make_lines
from .model import ExtractedReport, ExtractionError, ExtractionFailure, Source
from .parse import parse_lines
from .themes import assign_themes


def extract_reports(
    path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> list[ExtractedReport | ExtractionError]:
    """Every Ofsted report in the file at PATH, or one ExtractionError saying why there is none."""
    try:
        doc = read_document(path, max_bytes=max_bytes)
    except ExtractionFailure as e:
        source = getattr(e, "source", None) or Source(str(path), "", "unknown", None)
        return [ExtractionError(source, e.code, e.message)]
    return _parse(doc)


def _parse(doc) -> list[ExtractedReport | ExtractionError]:
    lines = make_lines(doc.pages, doc.paged)
    reports = parse_lines(lines, doc.source)
    if not reports:
        return [
            ExtractionError(
                doc.source,
                "not_an_inspection_report",
                "No Ofsted children's services inspection report was found in this document "
                "(no report title followed by its inspection dates).",
            )
        ]
    for report in reports:
        assign_themes(report)
    return list(reports)


def extract_file(
    path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> list[dict[str, Any]]:
    """As extract_reports, as plain dicts (the `ilacs extract` JSON records)."""
    return [r.to_dict() for r in extract_reports(path, max_bytes=max_bytes)]


def extract_bytes(
    data: bytes, filename: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[dict[str, Any]]:
    """Records for an upload held in memory; `filename` is reported as source.file."""
    try:
        doc = read_bytes(data, Path(filename).name, max_bytes=max_bytes)
    except ExtractionFailure as e:
        source = getattr(e, "source", None) or Source(filename, "", "unknown", None)
        source.file = Path(filename).name
        return [ExtractionError(source, e.code, e.message).to_dict()]
    return [r.to_dict() for r in _parse(doc)]
