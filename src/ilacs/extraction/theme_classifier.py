"""A classifier trained on the written examples: the third reader of the improvement-themes method.

The lexicon (themes.py) finds the themes a recommendation names; the nearest written examples
(theme_examples.py) say which of them similar recommendations put first. Both look at a few
words. This classifier weighs every word of the recommendation at once, having learnt from all
the written examples together which words go with which chief theme, and which themes a
recommendation that says them carries at all:

- `chief`: a multinomial logistic regression, each example's chief theme its target (a
  defensible alternative chief counts half). Where no rule decided and two themes the phrases
  found score close, its probabilities join the examples' votes in choosing the chief.
- `present`: one logistic regression per theme, an example's themes its targets. A second or
  third theme the phrases found joins only when this gives it at least a small chance: a word
  said in passing ("assessments and plans for care leavers") that recommendations like this
  one do not carry as a theme is dropped.

Features are the examples' own: TF-IDF over word stems and stem pairs (theme_examples._tokens).
The classifier only reorders or drops themes the phrases found; it never adds one, so every
theme given still has its phrases.

Trained on this project's own writing only (data/theme_examples), never the corpus's
recommendations or labels. Training uses numpy (a few seconds); the shipped weights
(data/theme_classifier.json.gz, made by `python -m ilacs.extraction.theme_classifier`) are read
in plain Python, so theming needs no numpy and nothing downloaded.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from .theme_examples import Example

SHIPPED = Path(__file__).resolve().parent / "data" / "theme_classifier.json.gz"

MIN_EXAMPLES = 2  # a word (or pair) is a feature when at least this many examples use it
SCALE = 10.0  # features are unit length; logits are this times their dot product with weights
L2 = 1e-3  # weight decay: keeps rare words from deciding alone
STEPS = 600  # full-batch gradient steps (deterministic, no sampling)
RATE_CHIEF = 0.5
RATE_PRESENT = 2.0
ALSO_CHIEF_TARGET = 0.5  # a defensible alternative chief's share of the chief target
DIGITS = 5  # weights are shipped rounded to this many decimals


@dataclass(frozen=True)
class Classifier:
    """Weights per feature (stem or stem pair): 25 numbers for the chief, 25 for presence."""

    themes: tuple[str, ...]
    idf: dict[str, float]
    chief_weights: dict[str, tuple[float, ...]]
    chief_bias: tuple[float, ...]
    present_weights: dict[str, tuple[float, ...]]
    present_bias: tuple[float, ...]
    trained_on: str  # fingerprint of the examples, so a stale shipped file is noticed

    def _features(self, text: str) -> list[tuple[str, float]]:
        from .theme_examples import _tokens

        counts = Counter(t for t in _tokens(text) if t in self.idf)
        v = [(t, (1 + math.log(c)) * self.idf[t]) for t, c in counts.items()]
        norm = math.sqrt(sum(x * x for _, x in v)) or 1.0
        return [(t, x / norm) for t, x in v]

    def _logits(
        self,
        features: list[tuple[str, float]],
        weights: dict[str, tuple[float, ...]],
        bias: Sequence[float],
    ) -> list[float]:
        z = [0.0] * len(self.themes)
        for token, x in features:
            for i, w in enumerate(weights[token]):
                z[i] += w * x
        return [SCALE * a + b for a, b in zip(z, bias, strict=True)]

    def probabilities(self, text: str) -> tuple[dict[str, float], dict[str, float]]:
        """For each theme, the probability of its being the chief (they add up to 1), and of its
        being among the text's themes at all (each on its own)."""
        features = self._features(text)
        z = self._logits(features, self.chief_weights, self.chief_bias)
        top = max(z)
        e = [math.exp(a - top) for a in z]
        total = sum(e)
        chief = {k: x / total for k, x in zip(self.themes, e, strict=True)}
        z = self._logits(features, self.present_weights, self.present_bias)
        present = {k: 1 / (1 + math.exp(-a)) for k, a in zip(self.themes, z, strict=True)}
        return chief, present

    def to_json(self) -> dict:
        return {
            "themes": list(self.themes),
            "trained_on": self.trained_on,
            "idf": self.idf,
            "chief_bias": list(self.chief_bias),
            "present_bias": list(self.present_bias),
            "weights": {
                t: [list(self.chief_weights[t]), list(self.present_weights[t])] for t in self.idf
            },
        }

    @classmethod
    def from_json(cls, data: dict) -> Classifier:
        weights = data["weights"]
        return cls(
            themes=tuple(data["themes"]),
            idf=data["idf"],
            chief_weights={t: tuple(w[0]) for t, w in weights.items()},
            chief_bias=tuple(data["chief_bias"]),
            present_weights={t: tuple(w[1]) for t, w in weights.items()},
            present_bias=tuple(data["present_bias"]),
            trained_on=data["trained_on"],
        )


def fingerprint(examples: Iterable[Example]) -> str:
    """A hash of the examples' texts and labels, in order."""
    h = hashlib.sha256()
    for e in examples:
        h.update(json.dumps([e.text, e.themes, e.also_chief]).encode())
    return h.hexdigest()[:16]


def train(examples: Sequence[Example], themes: Sequence[str]) -> Classifier:
    """Fit both regressions on the examples by full-batch gradient descent (needs numpy)."""
    import numpy as np

    from .theme_examples import _tokens

    themes = tuple(themes)
    col = {k: i for i, k in enumerate(themes)}
    counts = [Counter(_tokens(e.text)) for e in examples]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vocab = sorted(t for t, d in df.items() if d >= MIN_EXAMPLES)
    index = {t: i for i, t in enumerate(vocab)}
    n = len(examples)
    idf = {t: math.log((n + 1) / (df[t] + 1)) + 1 for t in vocab}
    rows, cols, vals = [], [], []
    for r, c in enumerate(counts):
        v = {index[t]: (1 + math.log(k)) * idf[t] for t, k in c.items() if t in index}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        for j, x in v.items():
            rows.append(r)
            cols.append(j)
            vals.append(x / norm)
    chief = np.zeros((n, len(themes)))
    present = np.zeros((n, len(themes)))
    for r, e in enumerate(examples):
        chief[r, col[e.themes[0]]] = 1.0
        for k in e.also_chief:
            chief[r, col[k]] = ALSO_CHIEF_TARGET
        for k in e.themes:
            present[r, col[k]] = 1.0
    chief /= chief.sum(axis=1, keepdims=True)
    x = _Sparse(np.array(rows), np.array(cols), np.array(vals), n, len(vocab))

    def softmax(z: np.ndarray) -> np.ndarray:
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def sigmoid(z: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-z))

    fitted = []
    for target, link, rate in ((chief, softmax, RATE_CHIEF), (present, sigmoid, RATE_PRESENT)):
        w = np.zeros((len(vocab), len(themes)))
        b = np.zeros(len(themes))
        for _ in range(STEPS if n else 0):
            p = link(SCALE * x.dot(w) + b)
            g = (p - target) / n
            w -= rate * (SCALE * x.tdot(g) + L2 * w)
            b -= rate * g.sum(axis=0)
        fitted.append((np.round(w, DIGITS), np.round(b, DIGITS)))
    (cw, cb), (pw, pb) = fitted
    return Classifier(
        themes=themes,
        idf={t: round(idf[t], DIGITS) for t in vocab},
        chief_weights={t: tuple(float(a) for a in cw[i]) for i, t in enumerate(vocab)},
        chief_bias=tuple(float(a) for a in cb),
        present_weights={t: tuple(float(a) for a in pw[i]) for i, t in enumerate(vocab)},
        present_bias=tuple(float(a) for a in pb),
        trained_on=fingerprint(examples),
    )


class _Sparse:
    """The examples' feature matrix as (row, column, value) triples, with the two products
    gradient descent needs (numpy has no sparse matrix; scipy is not a dependency)."""

    def __init__(
        self, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, n: int, width: int
    ) -> None:
        import numpy as np

        self.np, self.rows, self.cols, self.vals = np, rows, cols, vals[:, None]
        self.n, self.width = n, width
        self.row_starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else rows
        self.order = np.argsort(cols, kind="stable")
        by_col = cols[self.order]
        self.col_starts = (
            np.flatnonzero(np.r_[True, by_col[1:] != by_col[:-1]]) if len(cols) else cols
        )
        self.row_ids, self.col_ids = rows[self.row_starts], by_col[self.col_starts]

    def dot(self, w: np.ndarray) -> np.ndarray:
        out = self.np.zeros((self.n, w.shape[1]))
        if len(self.rows):
            out[self.row_ids] = self.np.add.reduceat(
                w[self.cols] * self.vals, self.row_starts, axis=0
            )
        return out

    def tdot(self, g: np.ndarray) -> np.ndarray:
        out = self.np.zeros((self.width, g.shape[1]))
        if len(self.rows):
            out[self.col_ids] = self.np.add.reduceat(
                (g[self.rows] * self.vals)[self.order], self.col_starts, axis=0
            )
        return out


def read(path: Path = SHIPPED) -> Classifier:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return Classifier.from_json(json.load(f))


def write(classifier: Classifier, path: Path = SHIPPED) -> None:
    """Write the weights as compact, stable JSON (gzip without a timestamp, so a rebuild from
    the same examples gives the same bytes)."""
    text = json.dumps(classifier.to_json(), separators=(",", ":"), sort_keys=True)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Retrain the shipped classifier from the shipped examples."""
    import argparse

    from .theme_examples import all_examples
    from .themes import THEME_KEYS

    p = argparse.ArgumentParser(
        prog="python -m ilacs.extraction.theme_classifier",
        description="Train the improvement-themes classifier on the written examples "
        "(data/theme_examples) and write data/theme_classifier.json.gz.",
    )
    p.add_argument("--out", type=Path, default=SHIPPED, help="where to write the weights")
    args = p.parse_args(argv)
    examples = all_examples()
    write(train(examples, THEME_KEYS), args.out)
    print(f"trained on {len(examples)} examples; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
