"""The numbered findings paragraphs, each with the report section it sits in."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from .layout import Layout
from .model import Paragraph
from .patterns import BACK_MATTER, PARA_RE, TIMESCALE, canonical_section, join_wrapped


def paragraph_chain(layout: Layout, exclude: AbstractSet[int]) -> list[int]:
    """Lines that start numbered paragraphs.

    The best run numbered n, n+1, n+2 ... in document order, tolerating one number the PDF
    lost ("14." then "16."); then further runs that restart at 1 after it (a report printed
    with a separately numbered part, such as a 2014 LSCB review).
    """
    cands: list[tuple[int, int]] = []
    for i in range(layout.start, layout.end):
        line = layout.lines[i]
        if line.kind or i in exclude or line.bullet == "top":
            continue
        m = PARA_RE.match(line.text)
        if m:
            cands.append((i, int(m["num"])))
    chain = _best_run(cands)
    while chain:
        rest = [c for c in cands if c[0] > chain[-1]]
        more = _best_run(rest, must_start=1)
        if len(more) < 5:
            break
        chain += more
    return chain


def read_paragraphs(
    layout: Layout, exclude: AbstractSet[int], claimed: AbstractSet[int]
) -> list[Paragraph]:
    """The report's numbered paragraphs. Lines in `exclude` (a judgement table) are never part
    of one; paragraphs starting on a `claimed` line (an improvement list's) are left out."""
    chain = paragraph_chain(layout, exclude)
    if len(chain) < 2:
        return []
    chain_set = set(chain)
    headings: dict[int, str] = {}
    i = layout.start
    while i < layout.end:
        if i not in chain_set and i not in exclude and layout.is_heading(i):
            span = layout.heading_lines(i)
            headings[i] = layout.heading_text(i)
            for k in span[1:]:
                headings[k] = ""  # continuation lines end a paragraph but name nothing
            i = span[-1] + 1
            continue
        i += 1
    order = sorted(headings)
    h = 0
    section = ""
    out: list[Paragraph] = []
    for k, idx in enumerate(chain):
        while h < len(order) and order[h] < idx:
            # a paragraph's section is the judgement or report section it sits in, named by a
            # known heading; sub-headings ("Summary", topic headings) do not change it
            name = canonical_section(headings[order[h]]) if headings[order[h]] else None
            if name:
                section = name
            h += 1
        stop = chain[k + 1] if k + 1 < len(chain) else layout.end
        first = PARA_RE.match(layout.lines[idx].text)
        parts = [first["text"]]  # type: ignore[index]
        j = idx + 1
        while j < stop:
            line = layout.lines[j]
            if j in exclude or (j in headings and not TIMESCALE.match(line.text)):
                break
            if layout.body(j):
                if BACK_MATTER.match(line.text):
                    break
                parts.append(line.text)
            j += 1
        if idx in claimed:
            continue
        out.append(
            Paragraph(
                section=section,
                number=int(first["num"]),  # type: ignore[index]
                text=join_wrapped(parts),
                page=layout.lines[idx].page,
            )
        )
    return out


def _best_run(cands: list[tuple[int, int]], must_start: int | None = None) -> list[int]:
    """Longest numbered run through (line index, number) candidates, in order.

    A step of one scores 1; a step of two (one number lost) scores 0.5. Ties prefer the later
    candidate, so a judgement table's "1. 2. 3." rows lose to the paragraphs that follow them.
    """
    best_for_num: dict[int, tuple[float, int]] = {}
    back: list[int | None] = []
    score: list[float] = []
    for pos, (_, num) in enumerate(cands):
        options: list[tuple[float, int | None]] = []
        if must_start is None or num == must_start:
            options.append((1.0, None))
        for step, weight in ((1, 1.0), (2, 0.5)):
            prev = best_for_num.get(num - step)
            if prev is not None:
                options.append((prev[0] + weight, prev[1]))
        if not options:
            score.append(float("-inf"))
            back.append(None)
            continue
        s, b = max(options, key=lambda o: o[0])
        score.append(s)
        back.append(b)
        cur = best_for_num.get(num)
        if cur is None or s >= cur[0]:
            best_for_num[num] = (s, pos)
    if not cands or max(score) == float("-inf"):
        return []
    end_pos = max(range(len(cands)), key=lambda p: (score[p], p))
    run: list[int] = []
    p: int | None = end_pos
    while p is not None:
        run.append(cands[p][0])
        p = back[p]
    return run[::-1]
