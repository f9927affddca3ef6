"""The written example sets of tests/extraction/data (see the README there)."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SETS = (
    "written_tuned_plain",
    "written_tuned_paraphrased",
    "written_tuned_sif",
    "written_tuned_hard",
    "written_tuned_inspector",
    "written_tuned_eras",
    "written_unseen_fresh",
    "written_tuned_report_long",
    "written_tuned_report_ilacs",
    "written_tuned_report_mixed",
)


def load(name: str) -> list[dict]:
    with (DATA / f"{name}.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
