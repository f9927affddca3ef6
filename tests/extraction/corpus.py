"""Where the real corpus lives: ../shared, next to the project, never in it."""

from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus"
REPORTS = CORPUS / "reports"
LABELS = CORPUS / "labels" / "dev.json"


def corpus_files() -> list[str]:
    return sorted(str(p) for p in REPORTS.glob("*.pdf"))
