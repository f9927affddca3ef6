"""The written example sets: the tuned ones ship with the package as the themes method's nearest
examples (src/ilacs/extraction/data/theme_examples, see the README there); the unseen ones stay
here, out of the method, to measure it."""

from __future__ import annotations

import json
from pathlib import Path

from ilacs.extraction.theme_examples import EXAMPLES_DIR, ExampleIndex, example_sets

DATA = Path(__file__).resolve().parent / "data"
SETS = (
    "written_tuned_plain",
    "written_tuned_paraphrased",
    "written_tuned_sif",
    "written_tuned_hard",
    "written_tuned_inspector",
    "written_tuned_eras",
    "written_unseen_fresh",
    "written_unseen_vocab",
    "written_tuned_report_long",
    "written_tuned_report_ilacs",
    "written_tuned_report_mixed",
    "written_tuned_report_eras",
    "written_tuned_multi",
    "written_tuned_blind",
)


def path(name: str) -> Path:
    return (EXAMPLES_DIR if name.startswith("written_tuned") else DATA) / f"{name}.jsonl"


def load(name: str) -> list[dict]:
    with path(name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def other_examples(name: str, items: list[dict]) -> ExampleIndex:
    """The shipped examples without set `name` and without any text of `items` (a few short
    items were written word for word alike by different people), so no text is its own
    neighbour when a set is scored."""
    texts = {item["text"] for item in items}
    return ExampleIndex(
        e for n, ex in example_sets().items() if n != name for e in ex if e.text not in texts
    )
