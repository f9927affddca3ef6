"""The records `ilacs extract` produces.

Field names are a contract: the web app, the exports and the evaluation depend on them, and
../shared/corpus/labels/README.md describes the same schema. Keep them exactly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

REPORT_TYPES = (
    "ilacs",
    "sif",
    "looked_after_children",
    "child_protection",
    "safeguarding_and_lac",
    "focused_visit",
    "monitoring_visit",
    "jtai",
    "other",
)

JUDGEMENT_KEYS = (
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "in_care",
    "care_leavers",
    "in_care_and_care_leavers",
    "looked_after_and_permanence",
    "adoption",
    "leadership_management_governance",
    "lscb",
    "capacity_to_improve",
    "other",
)

GRADES = ("outstanding", "good", "requires_improvement", "adequate", "inadequate")

ERROR_CODES = (
    "not_found",
    "empty",
    "not_a_pdf",
    "encrypted",
    "no_text_layer",
    "not_an_inspection_report",
    "too_large",
    "too_many_pages",
    "unsupported_format",
    "timeout",
    "unreadable",
)


@dataclass
class Source:
    file: str
    sha256: str
    format: str  # pdf | docx | html | text
    pages: int | None
    first_page: int | None = None  # set when the report sits inside a longer document
    last_page: int | None = None
    first_line: int | None = None  # text inputs without pages: 1-based line range
    last_line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"file": self.file, "sha256": self.sha256, "format": self.format, "pages": self.pages}
        for key in ("first_page", "last_page", "first_line", "last_line"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        return d


@dataclass
class Judgement:
    printed: str
    key: str
    grade: str
    # The grade's own words as printed ("Requires improvement" for a SIF sub-judgement, "Requires
    # improvement to be good" for a main one), first letter capital. `grade` is the key.
    grade_printed: str = ""


@dataclass
class Recommendation:
    number: int
    text: str
    page: int | None
    # 2026 items cite the Children's Social Care National Framework: "(outcome 1, national
    # framework)" -> framework_reference "outcome 1, national framework", framework_outcome 1
    framework_reference: str | None = None
    framework_outcome: int | None = None
    # improvement themes (themes.py): one to three keys, the chief first
    themes: list[str] = field(default_factory=list)


@dataclass
class Paragraph:
    section: str
    number: int
    text: str
    page: int | None
    themes: list[str] = field(default_factory=list)  # none when no theme stands out


@dataclass
class ExtractedReport:
    source: Source
    report_type: str
    local_authority: str | None
    inspection_start: str | None
    inspection_end: str | None
    published: str | None
    lead_inspector: str | None
    judgements: list[Judgement] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    lscb_recommendations: list[Recommendation] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    title: str | None = None

    @property
    def overall_effectiveness(self) -> str | None:
        for j in self.judgements:
            if j.key == "overall_effectiveness":
                return j.grade
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "report_type": self.report_type,
            "title": self.title,
            "local_authority": self.local_authority,
            "inspection_start": self.inspection_start,
            "inspection_end": self.inspection_end,
            "published": self.published,
            "lead_inspector": self.lead_inspector,
            "overall_effectiveness": self.overall_effectiveness,
            "judgements": [asdict(j) for j in self.judgements],
            "recommendations": [asdict(r) for r in self.recommendations],
            "lscb_recommendations": [asdict(r) for r in self.lscb_recommendations],
            "paragraphs": [asdict(p) for p in self.paragraphs],
        }


@dataclass
class ExtractionError:
    source: Source
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "error": {"code": self.code, "message": self.message},
        }


class ExtractionFailure(Exception):
    """Raised inside the pipeline; turned into an ExtractionError record at the boundary."""

    def __init__(self, code: str, message: str):
        assert code in ERROR_CODES, code
        super().__init__(message)
        self.code = code
        self.message = message
