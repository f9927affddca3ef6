"""The improvement-themes method's scores on labelled texts, without extracting any report.

    .venv/bin/python benchmarks/themes.py [--labels ../shared/themes/dev.json]

Prints chief-theme accuracy and theme F1 (as ../shared/tools/score_themes.py counts them) on the
recommendations written for the tests (tests/extraction/data: six sets the method was tuned on,
one it was not; the README there says which) and, when the theme labels are there, on their
tuning and held-out shares. The labels' own texts are themed, so the figures are the method's
alone; `ilacs evaluate --themes` gives the same shares through extraction. Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LABELS = ROOT.parent / "shared" / "themes" / "dev.json"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--labels", type=Path, default=DEFAULT_LABELS, help="theme labels (dev.json)")
    args = p.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    from tests.extraction.written import SETS, load

    from ilacs.extraction.evaluate import score_theme_texts, theme_label_items

    rows: list[tuple[str, dict]] = [(name, score_theme_texts(load(name))) for name in SETS]
    if args.labels.exists():
        shares = theme_label_items(json.loads(args.labels.read_text(encoding="utf-8")))
        rows += [(f"{args.labels.name}: {k}", score_theme_texts(v)) for k, v in shares.items()]
    else:
        print(f"(no theme labels at {args.labels}: written sets only)")
    print(f"{'set':40s} {'items':>5s}  chief  theme F1")
    for name, s in rows:
        print(f"{name:40s} {s['items']:5d}  {s['chief']:.3f}  {s['themes_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
