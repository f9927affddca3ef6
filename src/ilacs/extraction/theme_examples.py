"""Nearest written examples: the second opinion of the improvement-themes method.

The lexicon (themes.py) reads a recommendation phrase by phrase. Where two themes come out close,
the phrases alone often cannot say which is the chief: "managers' review of plans", "assessments
and case records". Then the recommendations most like it, among examples written for this
project under the theme list's rules, vote (data/theme_examples; their README says who wrote
them and how). Only themes the lexicon found can win, so every theme still has phrases behind it,
and the examples that decided are shown with them.

The examples are this project's own writing, never the corpus's recommendations or labels.
Similarity is TF-IDF cosine over word stems and stem pairs: deterministic, no model, no download.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .theme_classifier import Classifier

EXAMPLES_DIR = Path(__file__).resolve().parent / "data" / "theme_examples"

NEIGHBOURS = 10  # how many nearest examples vote
MIN_SIMILARITY = 0.2  # examples less like the text than this do not vote
# The votes count in full only when the voters' similarities add up to this: one example that is
# a little like the text is a hint, several close ones are a second opinion.
FULL_VOTE = 1.0
ALSO_CHIEF_VOTE = 0.5  # an example's other defensible chief votes this share of its similarity
SECONDARY_VOTE = 0.3  # ... and its second or third theme this share
# Words that say nothing about a theme; "should", "ensure" and the like open most recommendations.
_STOP = frozenset(
    """
    the a an of to and in for that is are be with by on at as or their its this from they should
    ensur when where all have has which who it
    """.split()
)


@dataclass(frozen=True)
class Example:
    text: str
    themes: tuple[str, ...]
    also_chief: tuple[str, ...] = ()


@dataclass(frozen=True)
class Neighbour:
    example: Example
    similarity: float


def _tokens(text: str) -> list[str]:
    from .themes import _stems  # the lexicon's stemming, so both read words alike

    stems = [s for s in _stems(text) if s not in _STOP and len(s) > 1]
    return stems + [f"{a}_{b}" for a, b in zip(stems, stems[1:], strict=False)]


class ExampleIndex:
    """TF-IDF vectors of labelled examples, with an inverted index for the nearest ones."""

    def __init__(self, examples: Iterable[Example], classifier: Classifier | None = None) -> None:
        self.classifier = classifier  # trained on these examples (theme_classifier.py), if any
        self.examples = _once(examples)
        counts = [Counter(_tokens(e.text)) for e in self.examples]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        n = len(self.examples)
        self._idf = {t: math.log((n + 1) / (d + 1)) + 1 for t, d in df.items()}
        self._unseen_idf = math.log(n + 1) + 1
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for i, c in enumerate(counts):
            for token, weight in self._vector(c, self._idf).items():
                self._postings.setdefault(token, []).append((i, weight))

    def _vector(self, counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
        v = {t: (1 + math.log(c)) * idf.get(t, self._unseen_idf) for t, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    def nearest(self, text: str, k: int = NEIGHBOURS) -> list[Neighbour]:
        """The k examples most like text, most similar first (ties in the examples' order)."""
        dots: dict[int, float] = {}
        for token, weight in self._vector(Counter(_tokens(text)), self._idf).items():
            for i, w in self._postings.get(token, ()):
                dots[i] = dots.get(i, 0.0) + weight * w
        best = sorted(dots.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        return [Neighbour(self.examples[i], s) for i, s in best if s > MIN_SIMILARITY]


def vote(neighbours: list[Neighbour]) -> dict[str, float]:
    """Each theme's share of the neighbours' votes: an example's chief gets its similarity, its
    other defensible chiefs and its secondary themes a share of it."""
    votes: dict[str, float] = {}
    for n in neighbours:
        e = n.example
        votes[e.themes[0]] = votes.get(e.themes[0], 0.0) + n.similarity
        for key in e.also_chief:
            votes[key] = votes.get(key, 0.0) + ALSO_CHIEF_VOTE * n.similarity
        for key in e.themes[1:]:
            votes[key] = votes.get(key, 0.0) + SECONDARY_VOTE * n.similarity
    total = sum(votes.values())
    mass = sum(n.similarity for n in neighbours)
    confidence = min(1.0, mass / FULL_VOTE)
    return {k: confidence * v / total for k, v in votes.items()} if total else {}


def read_examples(path: Path) -> list[Example]:
    """Examples from a JSON-lines file of {text, themes, also_chief}."""
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                item = json.loads(line)
                out.append(
                    Example(
                        item["text"],
                        tuple(item["themes"]),
                        tuple(item.get("also_chief") or ()),
                    )
                )
    return out


def example_sets() -> dict[str, list[Example]]:
    """The shipped example sets, by name (the file's stem)."""
    return {p.stem: read_examples(p) for p in sorted(EXAMPLES_DIR.glob("*.jsonl"))}


def _once(examples: Iterable[Example]) -> list[Example]:
    """Each text once, the first labelling of it kept: a text written twice would vote twice."""
    by_text: dict[str, Example] = {}
    for e in examples:
        by_text.setdefault(e.text, e)
    return list(by_text.values())


def all_examples() -> list[Example]:
    """Every shipped example once, in the sets' order."""
    return _once(e for examples in example_sets().values() for e in examples)


@lru_cache(maxsize=1)
def default_index() -> ExampleIndex:
    """The index of every shipped example with the shipped classifier, built once (about 0.5 s)."""
    from . import theme_classifier

    return ExampleIndex(all_examples(), theme_classifier.read())
