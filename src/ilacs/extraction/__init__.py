"""Read Ofsted children's services inspection reports into structured records.

Plain Python: nothing here imports Django (an import-linter contract keeps it so).
"""

from .api import extract_bytes, extract_file, extract_reports
from .model import (
    ExtractedReport,
    ExtractionError,
    ExtractionFailure,
    Judgement,
    Paragraph,
    Recommendation,
    Source,
)
from .runner import extract_bytes_guarded, extract_many

__all__ = [
    "ExtractedReport",
    "ExtractionError",
    "ExtractionFailure",
    "Judgement",
    "Paragraph",
    "Recommendation",
    "Source",
    "extract_bytes",
    "extract_bytes_guarded",
    "extract_file",
    "extract_many",
    "extract_reports",
]
