"""Units used in limits, in one place (plain Python: the extractor uses it too).

A megabyte is 1,000,000 bytes everywhere in ilacs: the upload limit (ILACS_MAX_UPLOAD_MB),
`ilacs ingest`, `ilacs extract --max-size` and the messages that name a size.
"""

from __future__ import annotations

BYTES_PER_MB = 1_000_000


def mb_to_bytes(mb: float) -> int:
    """50 -> 50,000,000."""
    return int(mb * BYTES_PER_MB)


def bytes_to_mb(size: int) -> float:
    return size / BYTES_PER_MB
