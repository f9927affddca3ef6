"""The judgement table: each judgement's printed label, its key and its grade."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import fields
from .layout import Layout
from .lines import strip_marker
from .model import Judgement
from .patterns import (
    GRADES,
    INSPECTOR,
    LSCB_SENTENCE,
    MAIN_FINDINGS,
    PUBLISHED,
    ROW_START,
    TABLE_HEAD,
    ends_sentence,
)


@dataclass(frozen=True)
class JudgementTable:
    judgements: list[Judgement]
    table_lines: frozenset[int]  # the lines of the table's rows
    end: int  # the line after the table's last row
    # a SIF's LSCB judgement printed as a sentence at the start of its section, not in the table
    lscb_lines: frozenset[int] = frozenset()


def read_judgements(layout: Layout, kind: str) -> JudgementTable:
    """The report's judgements: the table after the title block ("Judgement grade"), the
    "Record of main findings" of 2012-13 reports, or rows printed without a table heading."""
    for i in range(layout.dates_at, min(layout.end, layout.dates_at + 20)):
        if TABLE_HEAD.match(layout.lines[i].text):
            return _rows(layout, i + 1, allow_other=False, last_key="overall_effectiveness")
    if kind in {"looked_after_children", "child_protection", "safeguarding_and_lac"}:
        for i in range(layout.start, layout.end):
            if MAIN_FINDINGS.match(layout.lines[i].text):
                return _rows(layout, i + 1, allow_other=True, last_key=None)
    table = _rows(layout, layout.dates_at + 1, allow_other=False, last_key="lscb", max_lines=45)
    rows = table.judgements
    if kind == "sif" and rows and not any(j.key == "lscb" for j in rows):
        found = _lscb_judgement(layout, table.end)
        if found:
            return JudgementTable([*rows, found[0]], table.table_lines, table.end, found[1])
    return table


def _rows(
    layout: Layout, start: int, allow_other: bool, last_key: str | None, max_lines: int = 40
) -> JudgementTable:
    """Judgement rows from `start`: a label (perhaps wrapped) ending with, or followed by, a
    grade. Stops after `last_key`, or at running prose once the table has its rows."""
    rows: list[Judgement] = []
    used: set[int] = set()
    pending: list[tuple[int, str]] = []
    seen: set[str] = set()
    end = start
    i = start
    while i < layout.end and i - start < max_lines:
        line = layout.lines[i]
        text = strip_marker(line.text) if not line.kind else ""
        i += 1
        if not text or PUBLISHED.match(text) or INSPECTOR.match(text):
            continue
        if rows and re.fullmatch(r"(?i)to be good\.?", text) and not pending:
            # "Requires improvement" / "to be good" wrapped in a narrow grade column
            if rows[-1].grade == "requires_improvement":
                if not rows[-1].grade_printed.endswith("to be good"):
                    rows[-1].grade_printed += " to be good"
                used.add(i - 1)
                continue
        if ROW_START.match(text) or (
            pending and ends_sentence(pending[-1][1]) and layout.prose(pending[-1][0])
        ):
            pending = []
        candidate = " ".join([p for _, p in pending] + [text])
        m = fields.GRADE_RE.search(candidate)
        if m:
            label = re.sub(r"\s+", " ", candidate[: m.start()]).strip(" \t:–-").rstrip(".")
            label = re.sub(r"^(\d(?:\.\d)?\.?)\s+\1\s", r"\1 ", label)  # "1. 1. Children"
            cut = label.lower().find("overall effectiveness")
            if cut > 0:
                label = label[cut:]  # a table caption above the first row
            key = fields.judgement_key(label)
            if (
                label
                and len(label) <= 130
                and not re.search(r"\b(?:of|for|to|the|be|as|and|very|not|a|is not)$", label, re.I)
                and (key != "other" or allow_other)
                and (key not in seen or key == "other")
            ):
                grade = fields.grade_key(re.sub(r"\s+", " ", m["grade"]))
                rows.append(Judgement(label, key, grade, fields.grade_words(m["grade"])))
                used.update(k for k, _ in pending)
                used.add(i - 1)
                seen.add(key)
                pending = []
                end = i
                if last_key and key == last_key:
                    break
                continue
            pending = []
            continue
        if layout.prose(i - 1):
            pending = []
            complete = (
                "leadership_management_governance" in seen
                if last_key == "lscb"
                else len(rows) >= (3 if last_key else 1)
            )
            if rows and complete:
                break
            continue
        pending.append((i - 1, text))
        if len(pending) > 5:
            pending = pending[-5:]
    return JudgementTable(rows, frozenset(used), end)


def _lscb_judgement(layout: Layout, after: int) -> tuple[Judgement, frozenset[int]] | None:
    for i in range(after, layout.end):
        text = layout.lines[i].text
        if not layout.body(i) or not LSCB_SENTENCE.match(text):
            continue
        joined, used = text, {i}
        nxt = layout.next_body(i)
        if (
            not fields.GRADE_RE.search(text)
            and nxt is not None
            and (
                layout.lines[nxt].text[:1].islower()
                or re.match(rf"(?i)^{GRADES}", layout.lines[nxt].text)
            )
        ):
            joined = f"{text} {layout.lines[nxt].text}"
            used.add(nxt)
        m = fields.GRADE_RE.search(joined)
        if not m:
            continue
        label = joined[: m.start()].strip(" :")
        if len(label) > 110 or re.search(r"\b(?:of|for|to|the|be)$", label):
            continue
        grade = fields.grade_key(m["grade"])
        return Judgement(label, "lscb", grade, fields.grade_words(m["grade"])), frozenset(used)
    return None
