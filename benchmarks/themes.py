"""The improvement-themes method's scores on labelled texts, without extracting any report.

    .venv/bin/python benchmarks/themes.py [--labels ../shared/themes/dev.json]

Prints chief-theme accuracy and theme F1 (as ../shared/tools/score_themes.py counts them) on the
written recommendation sets (the tuned ones that ship as the method's nearest examples, and the
unseen one in tests/extraction/data) and, when the theme labels are there, on their tuning and
held-out shares, twice: by the lexicon alone, and with the nearest written examples' second
opinion. A shipped set is scored with the examples of the other sets only (leave one set out),
so no text is its own neighbour (nor one written alike by someone else). The labels' own texts
are themed, so the figures are the method's alone; `ilacs evaluate --themes` gives the same
shares through extraction. Figures are printed, never asserted.
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
    from tests.extraction.written import SETS, load, other_examples

    from ilacs.extraction.evaluate import score_theme_texts, theme_label_items
    from ilacs.extraction.theme_examples import ExampleIndex

    none = ExampleIndex([])
    rows: list[tuple[str, dict, dict]] = []
    for name in SETS:
        items = load(name)
        others = other_examples(name, items)
        rows.append((name, score_theme_texts(items, none), score_theme_texts(items, others)))
    if args.labels.exists():
        shares = theme_label_items(json.loads(args.labels.read_text(encoding="utf-8")))
        rows += [
            (f"{args.labels.name}: {k}", score_theme_texts(v, none), score_theme_texts(v))
            for k, v in shares.items()
        ]
    else:
        print(f"(no theme labels at {args.labels}: written sets only)")
    print(f"{'':40s} {'':5s}  {'lexicon alone':>15s}  {'with examples':>15s}")
    print(f"{'set':40s} {'items':>5s}  chief  theme F1  chief  theme F1")
    for name, a, b in rows:
        print(
            f"{name:40s} {a['items']:5d}  {a['chief']:.3f}  {a['themes_f1']:.3f}"
            f"    {b['chief']:.3f}  {b['themes_f1']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
