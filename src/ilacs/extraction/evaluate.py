"""`ilacs evaluate`: score extraction against hand-checked labels, then corpus sanity counts.

The labels file follows ../shared/corpus/labels/README.md: one object per report with the scalar
fields, judgements, recommendations (plain strings), LSCB recommendations and paragraphs
({number, page, start, end}). Text is compared after Unicode, quote, dash and whitespace
normalisation; a recommendation matches when at least 90 % similar (greedy one-to-one).
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .theme_examples import ExampleIndex

from .runner import extract_many

SCALAR_FIELDS = (
    "local_authority",
    "report_type",
    "inspection_start",
    "inspection_end",
    "published",
    "lead_inspector",
)
_COUNCIL_WORDS = re.compile(
    r"\b(?:council|county|city|borough|metropolitan|district|london|royal|of|the)\b"
)


def normalise(text: Any) -> str | None:
    """Compare text as a reader would: quotes, dashes, case and spacing do not matter."""
    if text is None:
        return None
    t = unicodedata.normalize("NFKC", str(text)).lower()
    t = t.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    t = t.replace("&", "and")
    t = re.sub(r"[\u2010-\u2015]", "-", t)
    t = re.sub(r"\s+", " ", t).strip(" .;")
    t = re.sub(r"\s*\([^()]*national framework\)$", "", t).strip(" .;")
    return t


def normalise_council(name: Any) -> str | None:
    t = normalise(name)
    if t is None:
        return None
    return re.sub(r"\s+", " ", _COUNCIL_WORDS.sub(" ", t.replace(",", " "))).strip()


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def matched_pairs(gold: list[str], predicted: list[str], threshold: float = 0.9) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        best, best_j = 0.0, None
        for j, p in enumerate(predicted):
            if j in used:
                continue
            r = similarity(g, p)
            if r > best:
                best, best_j = r, j
        if best_j is not None and best >= threshold:
            used.add(best_j)
            hits += 1
    return hits


def f1(tp: int, gold: int, predicted: int) -> float:
    precision = tp / predicted if predicted else (1.0 if gold == 0 else 0.0)
    recall = tp / gold if gold else 1.0
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _texts(items: list[Any] | None) -> list[str]:
    out = []
    for it in items or []:
        t = normalise(it.get("text") if isinstance(it, dict) else it)
        if t:
            out.append(t)
    return out


def _paragraph_hits(gold: list[dict], predicted: list[dict]) -> int:
    by_number: dict[str, list[dict]] = {}
    for p in predicted:
        by_number.setdefault(str(p.get("number")), []).append(p)
    hits = 0
    for g in gold:
        start, end = normalise(g.get("start")) or "", normalise(g.get("end")) or ""
        for p in by_number.get(str(g.get("number")), []):
            text = normalise(p.get("text")) or ""
            if similarity(start, text[: len(start)]) >= 0.9 and (
                not end or similarity(end, text[-len(end) :]) >= 0.9
            ):
                hits += str(p.get("page")) == str(g.get("page"))
                break
    return hits


def score(
    gold_records: list[dict], predicted: dict[str, dict], out=sys.stdout, verbose: bool = False
) -> dict[str, float]:
    """Print and return the scores of predicted records (by file name) against gold."""
    n = len(gold_records)
    field_ok = Counter()
    j_tp = j_gold = j_pred = 0
    r_tp = r_gold = r_pred = 0
    p_tp = p_gold = p_pred = 0
    missing = []
    for g in gold_records:
        p = predicted.get(g["file"]) or {}
        if not p or "error" in p:
            missing.append(g["file"])
        for f in SCALAR_FIELDS:
            cmp = normalise_council if f == "local_authority" else normalise
            if cmp(g.get(f)) == cmp(p.get(f)):
                field_ok[f] += 1
            elif verbose:
                print(f"  {g['file']} {f}: expected {g.get(f)!r}, got {p.get(f)!r}", file=out)
        gj = {(j["key"], j["grade"]) for j in g.get("judgements") or []}
        pj = {(j["key"], j["grade"]) for j in p.get("judgements") or []}
        j_tp, j_gold, j_pred = j_tp + len(gj & pj), j_gold + len(gj), j_pred + len(pj)
        if verbose and gj != pj:
            print(
                f"  {g['file']} judgements: missing {sorted(gj - pj)} extra {sorted(pj - gj)}",
                file=out,
            )
        for key in ("recommendations", "lscb_recommendations"):
            gt, pt = _texts(g.get(key)), _texts(p.get(key))
            hits = matched_pairs(gt, pt)
            r_tp, r_gold, r_pred = r_tp + hits, r_gold + len(gt), r_pred + len(pt)
            if verbose and not (hits == len(gt) == len(pt)):
                print(
                    f"  {g['file']} {key}: expected {len(gt)}, got {len(pt)}, matched {hits}",
                    file=out,
                )
        if "paragraphs" in g:
            hits = _paragraph_hits(g["paragraphs"], p.get("paragraphs") or [])
            p_tp, p_gold = p_tp + hits, p_gold + len(g["paragraphs"])
            p_pred += len(p.get("paragraphs") or [])
    result = {f: field_ok[f] / n if n else 0.0 for f in SCALAR_FIELDS}
    result["judgements_f1"] = f1(j_tp, j_gold, j_pred)
    result["recommendations_f1"] = f1(r_tp, r_gold, r_pred)
    result["paragraphs_f1"] = f1(p_tp, p_gold, p_pred)
    print(f"Scores on {n} labelled reports", file=out)
    for f in SCALAR_FIELDS:
        print(f"  {f:22s} {field_ok[f]:3d}/{n}  {result[f]:6.1%}", file=out)
    print(
        f"  {'judgements F1':22s} {result['judgements_f1']:.3f}  "
        f"(matched {j_tp}, labelled {j_gold}, extracted {j_pred})",
        file=out,
    )
    print(
        f"  {'recommendations F1':22s} {result['recommendations_f1']:.3f}  "
        f"(matched {r_tp}, labelled {r_gold}, extracted {r_pred})",
        file=out,
    )
    print(
        f"  {'paragraphs F1':22s} {result['paragraphs_f1']:.3f}  "
        f"(matched {p_tp}, labelled {p_gold}, extracted {p_pred})",
        file=out,
    )
    if missing:
        print(f"  no record or an error for {len(missing)}: {', '.join(missing[:8])}", file=out)
    return result


GRADED_TYPES = {"ilacs", "sif", "looked_after_children", "child_protection", "safeguarding_and_lac"}


def sanity_counts(records: list[dict], out=sys.stdout) -> dict[str, int]:
    """Corpus-wide counts that point at extraction failures without labels."""
    reports = [r for r in records if "error" not in r]
    errors = Counter(r["error"]["code"] for r in records if "error" in r)
    counts = {
        "records": len(records),
        "reports": len(reports),
        "errors": sum(errors.values()),
        "no_judgement_table": sum(1 for r in reports if not r["judgements"]),
        "graded_without_recommendations": sum(
            1
            for r in reports
            if r["judgements"] and not r["recommendations"] and r["report_type"] in GRADED_TYPES
        ),
        "unknown_report_type": sum(1 for r in reports if r["report_type"] == "other"),
        "inspection_dates_missing": sum(
            1 for r in reports if not (r["inspection_start"] and r["inspection_end"])
        ),
        "council_missing": sum(1 for r in reports if not r["local_authority"]),
        "lead_inspector_missing": sum(1 for r in reports if not r["lead_inspector"]),
        "no_numbered_paragraphs": sum(1 for r in reports if not r["paragraphs"]),
        "without_overall_effectiveness": sum(
            1 for r in reports if r["judgements"] and not r.get("overall_effectiveness")
        ),
    }
    types = Counter(r["report_type"] for r in reports)
    print(f"Corpus sanity ({counts['records']} records from the folder)", file=out)
    print(f"  readable reports                           {counts['reports']}", file=out)
    print(
        "  by report type                             "
        + ", ".join(f"{k} {v}" for k, v in types.most_common()),
        file=out,
    )
    print(
        f"  unreadable inputs                          {counts['errors']}"
        + (f" ({', '.join(f'{k} {v}' for k, v in errors.most_common())})" if errors else ""),
        file=out,
    )
    labels = {
        "no_judgement_table": "readable reports with no judgement table",
        "graded_without_recommendations": "graded reports with no recommendations",
        "unknown_report_type": "report type other/unknown",
        "inspection_dates_missing": "inspection dates missing",
        "council_missing": "council name missing",
        "lead_inspector_missing": "lead inspector not found",
        "no_numbered_paragraphs": "no numbered paragraphs",
        "without_overall_effectiveness": "graded, no overall effectiveness",
    }
    for key, label in labels.items():
        print(f"  {label:42s} {counts[key]}", file=out)
    paragraphs = [len(r["paragraphs"]) for r in reports if r["paragraphs"]]
    if paragraphs:
        print(
            f"  paragraphs per report (median)             {statistics.median(paragraphs):.0f}",
            file=out,
        )
    return counts


def held_out(files: list[str]) -> set[str]:
    """The fixed split of theme labels, chosen before any tuning: in file-name order, every third
    report (positions 3, 6, 9, ...) is held out; the lexicon was tuned on the others only."""
    return {f for i, f in enumerate(sorted(files)) if i % 3 == 2}


def score_theme_texts(items: list[dict], examples: ExampleIndex | None = None) -> dict[str, float]:
    """Chief-theme accuracy and theme F1 of the method on labelled texts, as score_themes.py
    counts them: items are {text, kind ("recommendation" or "lscb"), themes, also_chief}.
    `examples` is the nearest-examples index to use (the shipped one when None)."""
    from .themes import theme_text

    counts = [0, 0, 0, 0, 0]
    for item in items:
        got = theme_text(item["text"], item.get("kind") or "recommendation", examples).themes
        _count_themes(counts, item, got)
    n, right, tp, n_gold, n_pred = counts
    return {"items": n, "chief": right / n if n else 0.0, "themes_f1": f1(tp, n_gold, n_pred)}


def _count_themes(counts: list[int], gold: dict, got: list[str]) -> bool:
    """Add one item to counts [items, chief right, pairs right, gold pairs, predicted pairs], as
    score_themes.py counts them (a chief in also_chief is right); whether the chief was right."""
    want = set(gold["themes"])
    right = bool(got) and got[0] in [gold["themes"][0], *gold.get("also_chief", [])]
    counts[0] += 1
    counts[1] += right
    counts[2] += len(want & set(got))
    counts[3] += len(want)
    counts[4] += len(set(got))
    return right


def theme_label_items(gold_records: list[dict]) -> dict[str, list[dict]]:
    """The items of theme label records (../shared/themes/dev.json), by share: "tuning" and
    "held_out" (see held_out)."""
    holdout = held_out([g["file"] for g in gold_records])
    shares: dict[str, list[dict]] = {"tuning": [], "held_out": []}
    for g in gold_records:
        share = "held_out" if g["file"] in holdout else "tuning"
        for key, kind in (("recommendations", "recommendation"), ("lscb_recommendations", "lscb")):
            for item in g.get(key) or []:
                shares[share].append({**item, "kind": kind})
    return shares


def _pair(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict | None]]:
    """Greedy one-to-one pairing by text similarity (>= 0.9), as the recommendations score."""
    used: set[int] = set()
    out: list[tuple[dict, dict | None]] = []
    for g in gold:
        gt = normalise(g["text"]) or ""
        best, best_j = 0.0, None
        for j, p in enumerate(predicted):
            if j not in used:
                r = similarity(gt, normalise(p.get("text")) or "")
                if r > best:
                    best, best_j = r, j
        if best_j is not None and best >= 0.9:
            used.add(best_j)
            out.append((g, predicted[best_j]))
        else:
            out.append((g, None))
    return out


def score_themes(
    gold_records: list[dict], predicted: dict[str, dict], out=None, verbose: bool = False
) -> dict[str, dict[str, float]]:
    """Chief-theme accuracy and theme F1 against theme labels (../shared/themes/README.md), on
    every labelled report, on the tuning share and on the held-out share."""
    out = out or sys.stdout  # looked up now: standard output may have been replaced
    holdout = held_out([g["file"] for g in gold_records])
    counts = {name: [0, 0, 0, 0, 0] for name in ("all", "tuning", "held_out")}
    for g in gold_records:
        p = predicted.get(g["file"]) or {}
        share = "held_out" if g["file"] in holdout else "tuning"
        for kind in ("recommendations", "lscb_recommendations"):
            items = [x for x in p.get(kind) or [] if isinstance(x, dict)]
            for gi, pi in _pair(g.get(kind) or [], items):
                got = list((pi or {}).get("themes") or [])
                ok = _count_themes(counts["all"], gi, got)
                _count_themes(counts[share], gi, got)
                if verbose and (not ok or set(gi["themes"]) != set(got)):
                    mark = "chief" if not ok else "other"
                    print(
                        f"  {g['file']} {mark}: expected {gi['themes']}, got {got}: "
                        f"{gi['text'][:80]}",
                        file=out,
                    )
    result: dict[str, dict[str, float]] = {}
    labels = {
        "all": f"all {len(gold_records)} reports",
        "tuning": f"tuning share, {len(gold_records) - len(holdout)} reports",
        "held_out": f"held-out share, {len(holdout)} reports (every third by file name)",
    }
    print("Themes of recommendations", file=out)
    for name, (n, ok, tp, n_gold, n_pred) in counts.items():
        chief = ok / n if n else 0.0
        theme_f1 = f1(tp, n_gold, n_pred) if n else 0.0
        result[name] = {"recommendations": n, "chief": chief, "themes_f1": theme_f1}
        print(
            f"  {labels[name]:58s} chief {chief:.3f}  themes F1 {theme_f1:.3f}  ({n} items)",
            file=out,
        )
    return result


def find_theme_labels(labels: str | Path) -> Path | None:
    """Theme labels kept beside the extraction labels: LABELS' folder/themes.json, or the shared
    layout's themes/NAME (corpus/labels/dev.json -> themes/dev.json)."""
    labels = Path(labels).resolve()
    candidates = [labels.parent / "themes.json"]
    if len(labels.parents) > 2:
        candidates.append(labels.parents[2] / "themes" / labels.name)
    return next((c for c in candidates if c.is_file()), None)


def run_evaluation(
    labels: str,
    reports_dir: str,
    jobs: int = 1,
    verbose: bool = False,
    sanity: bool = True,
    themes: str | None = None,
) -> int:
    gold = json.loads(Path(labels).read_text())
    theme_labels = Path(themes) if themes else find_theme_labels(labels)
    theme_gold = json.loads(theme_labels.read_text()) if theme_labels else None
    folder = Path(reports_dir)
    files = [g["file"] for g in gold]
    files += [g["file"] for g in theme_gold or [] if g["file"] not in set(files)]
    predicted: dict[str, dict] = {}
    for rec in extract_many([str(folder / f) for f in files], jobs=jobs):
        name = Path(rec["source"]["file"]).name
        predicted.setdefault(name, rec)
    score(gold, predicted, verbose=verbose)
    if theme_gold is not None:
        print()
        print(f"Theme labels: {theme_labels}")
        score_themes(theme_gold, predicted, verbose=verbose)
    if sanity:
        print()
        everything = sorted(
            p
            for p in folder.iterdir()
            if p.is_file() and p.suffix.lower() in {".pdf", ".docx", ".html", ".htm", ".txt"}
        )
        records = list(extract_many([str(p) for p in everything], jobs=jobs))
        sanity_counts(records)
    return 0
