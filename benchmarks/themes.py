"""The improvement-themes method's scores on labelled texts, without extracting any report.

    .venv/bin/python benchmarks/themes.py [--labels ../shared/themes/dev.json]

Prints chief-theme accuracy and theme F1 (as ../shared/tools/score_themes.py counts them) on the
written recommendation sets (the tuned ones that ship as the method's nearest examples, and the
unseen one in tests/extraction/data) and, when the theme labels are there, on their tuning and
held-out shares, three times: by the lexicon alone, with the nearest written examples' second
opinion, and with the classifier trained on the examples too (the shipped method). A shipped
set is scored with the examples of the other sets only (leave one set out), so no text is its
own neighbour (nor one written alike by someone else); its classifier is then trained on the
other sets too, which takes about a minute a set, so that column is filled for the shipped sets
only with --retrain. The labels' own texts are themed, so the figures are the method's alone;
`ilacs evaluate --themes` gives the same shares through extraction. Figures are printed, never
asserted.
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
    p.add_argument(
        "--retrain",
        action="store_true",
        help="score each shipped set with a classifier trained without it (minutes)",
    )
    args = p.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    from tests.extraction.written import SETS, load, other_examples

    from ilacs.extraction.evaluate import score_theme_texts, theme_label_items
    from ilacs.extraction.theme_classifier import train
    from ilacs.extraction.theme_examples import ExampleIndex, default_index
    from ilacs.extraction.themes import THEME_KEYS

    none = ExampleIndex([])
    shipped = default_index()
    examples_only = ExampleIndex(shipped.examples)
    rows: list[tuple[str, dict, dict, dict | None]] = []
    for name in SETS:
        items = load(name)
        others = other_examples(name, items)
        with_examples = score_theme_texts(items, others)
        if not name.startswith("written_tuned"):  # no example or weight was drawn from it
            full = score_theme_texts(items, shipped)
        elif args.retrain:
            others.classifier = train(others.examples, THEME_KEYS)
            full = score_theme_texts(items, others)
        else:
            full = None
        rows.append((name, score_theme_texts(items, none), with_examples, full))
    if args.labels.exists():
        shares = theme_label_items(json.loads(args.labels.read_text(encoding="utf-8")))
        rows += [
            (
                f"{args.labels.name}: {k}",
                score_theme_texts(v, none),
                score_theme_texts(v, examples_only),
                score_theme_texts(v, shipped),
            )
            for k, v in shares.items()
        ]
    else:
        print(f"(no theme labels at {args.labels}: written sets only)")
    heads = ("lexicon alone", "with examples", "with classifier")
    print(f"{'':40s} {'':5s}" + "".join(f"  {h:>15s}" for h in heads))
    print(f"{'set':40s} {'items':>5s}" + "  chief  theme F1" * 3)
    for name, *scores in rows:
        cells = "".join(
            f"  {s['chief']:.3f}  {s['themes_f1']:>8.3f}" if s else f"  {'(--retrain)':>15s}"
            for s in scores
        )
        print(f"{name:40s} {scores[0]['items']:5d}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
