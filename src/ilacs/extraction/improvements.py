"""The council's improvement lists ("What needs to improve", "Recommendations", "Areas for
priority action"): each item as a numbered recommendation, the LSCB's list apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Layout
from .lines import strip_marker
from .model import Recommendation
from .patterns import (
    ACTION_START,
    FRAMEWORK,
    GRADES,
    MAJOR_SECTIONS,
    NOTHING_TO_DO,
    PARA_RE,
    REC_HEAD,
    REC_SUBHEAD,
    TIMESCALE,
    ends_sentence,
    join_wrapped,
    reads_as_action,
)

# "(ii) their parents misuse drugs": a lettered or numbered part of one item, on its own line
_ENUMERATED = re.compile(r"^\((?:[ivx]{1,4}|[a-h])\)\s")
# "Experiences and progress of children who need help and protection: good"
_GRADED_HEADING = re.compile(rf"^[A-Z][^.;]{{10,150}}:\s*(?i:{GRADES})\.?$")
# "... when children are missing from home and care. Areas for improvement": a list's
# subheading the text layer also printed at the end of the item before it
_TRAILING_SUBHEAD = re.compile(
    r"(?<=[.;])\s+(?:areas for improvement|priority and immediate action)\s*:?$", re.I
)


@dataclass
class _Item:
    number: int | None
    parts: list[str]
    subs: list[str]
    page: int | None
    line_index: int

    def run_on(self, text: str) -> None:
        """A wrapped line continues the item, or its last sub-bullet."""
        if self.subs:
            self.subs[-1] = join_wrapped([self.subs[-1], text])
        else:
            self.parts.append(text)


@dataclass(frozen=True)
class ImprovementLists:
    recommendations: list[Recommendation]
    lscb_recommendations: list[Recommendation]
    # lines that start an item, and numbered paragraphs that only introduce a list of actions
    # (2012-13): neither is a findings paragraph
    claimed: frozenset[int]


def read_improvement_lists(
    layout: Layout, body_start: int, lscb_start: int | None, kind: str
) -> ImprovementLists:
    """Every improvement list after `body_start`, under a heading such as "What needs to
    improve". Items after `lscb_start` (a SIF report's LSCB section) are the LSCB's."""
    la_items: list[_Item] = []
    lscb_items: list[_Item] = []
    claimed: set[int] = set()
    lead_ins: set[int] = set()
    i = body_start
    while i < layout.end:
        text = strip_marker(layout.lines[i].text)
        if (
            not layout.body(i)
            or layout.lines[i].bullet
            or not REC_HEAD.match(text)
            or not layout.is_heading(i)
        ):
            i += 1
            continue
        items, end, introduced = _collect_list(layout, i + 1)
        lead_ins |= introduced
        if items and items[0].number is not None:
            first = join_wrapped(items[0].parts)
            if not (reads_as_action(first) or NOTHING_TO_DO.match(first)):
                items = []  # numbered findings under a misplaced heading, not actions
        in_lscb = lscb_start is not None and i >= lscb_start
        target = lscb_items if in_lscb else la_items
        if items and (not target or kind == "sif" or in_lscb):
            target.extend(items)
            claimed.update(item.line_index for item in items)
        i = max(end, i + 1)
    return ImprovementLists(_to_recs(la_items), _to_recs(lscb_items), frozenset(claimed | lead_ins))


def _is_theme(layout: Layout, i: int, expected: int | None = None) -> bool:
    """A topic heading inside a list ("Workforce development"), not a new section."""
    text = strip_marker(layout.lines[i].text)
    if MAJOR_SECTIONS.match(text):
        return False
    nxt = layout.next_body(layout.heading_span(i))
    if nxt is None:
        return False
    line = layout.lines[nxt]
    para = PARA_RE.match(line.text)
    if TIMESCALE.match(line.text) or REC_SUBHEAD.match(text):
        return True
    if not (line.bullet or para):
        return False
    if para and expected is not None and int(para["num"]) != expected:
        return False
    if not re.match(r"(?i)^(?:the|key|what|how|our|this|these)\b", text):
        return True
    # after a longer heading, what follows must read as an action, not as a finding
    first = para["text"] if para else line.text
    return reads_as_action(first)


def _collect_list(layout: Layout, start: int) -> tuple[list[_Item], int, set[int]]:
    """The items of an improvement list whose heading is just before `start`.

    Items are bulleted or numbered; a wrapped line continues the current item and a
    sub-bullet joins its lead-in with "; ". The list ends at a section heading, at prose that
    follows a finished item, or at a numbered findings paragraph that is not the next item.
    Returns the items, the line after the list, and the numbered lead-in paragraphs it set aside.
    """
    items: list[_Item] = []
    lead_ins: set[int] = set()
    numbered: bool | None = None
    i = start
    last = start
    while i < layout.end:
        line = layout.lines[i]
        if not layout.body(i):
            i += 1
            continue
        text = line.text
        para = PARA_RE.match(text)
        if TIMESCALE.match(text) or (REC_SUBHEAD.match(text) and layout.is_heading(i)):
            i += 1
            last = i
            continue
        if line.bullet == "top" or (line.bullet == "sub" and not items):
            cur = items[-1] if items else None
            if (
                cur
                and cur.number is not None
                and len(items) == 1
                and not join_wrapped(cur.parts).endswith(":")
                and not ACTION_START.match(join_wrapped(cur.parts))
            ):
                # 2012-13: a numbered lead-in paragraph ("In order to improve ...")
                # introduces the bulleted items
                # (labels rule 9 leaves that paragraph out of the findings, too)
                lead_ins.add(items.pop().line_index)
                items.append(_Item(None, [text], [], line.page, i))
                numbered = False
            elif cur and cur.number is not None:
                # bullets under a numbered item belong to it
                cur.subs.append(text)
            else:
                items.append(_Item(None, [text], [], line.page, i))
                if numbered is None:
                    numbered = False
        elif line.bullet == "sub":
            items[-1].subs.append(text)
        elif (
            para
            and numbered is not False
            and (not items or items[-1].number is None or int(para["num"]) == items[-1].number + 1)
            and (items or layout.starts_block(i) or numbered is None)
        ):
            if items and items[-1].number is None:
                break
            items.append(_Item(int(para["num"]), [para["text"]], [], line.page, i))
            numbered = True
        elif items and _ENUMERATED.match(text):
            items[-1].run_on(text)  # "(ii) their parents misuse drugs": the item's own parts
        elif layout.is_heading(i):
            expected = items[-1].number + 1 if items and items[-1].number else None
            if not items and MAJOR_SECTIONS.match(strip_marker(text)):
                break  # an empty list: the next section follows its heading directly
            if not items or _is_theme(layout, i, expected):
                i = layout.heading_span(i) + 1
                last = i
                continue
            break
        elif not items:
            # lead-in prose before the first item ("In order to improve ... will:"); prose
            # that ends without introducing items means the list is written as prose
            if para or i - start > 8:
                break
            nxt = layout.next_body(i)
            if (
                ends_sentence(text)
                and not text.endswith(":")
                and not (
                    nxt is not None
                    and (
                        layout.lines[nxt].bullet
                        or TIMESCALE.match(layout.lines[nxt].text)
                        or PARA_RE.match(layout.lines[nxt].text)
                    )
                )
            ):
                break
            i += 1
            continue
        else:
            cur = items[-1]
            if para or layout.starts_block(i):
                break
            finished = ends_sentence((cur.subs or cur.parts)[-1])
            if finished and (text.rstrip().endswith(":") or _GRADED_HEADING.match(text)):
                # "The local authority has the following strengths:" or "Experiences and
                # progress of children in care: good": another list, or the findings, follow
                break
            if finished and _topic_line(layout, i, cur):
                i += 1  # "Services for looked after children": a topic the next items are under
                continue
            cur.run_on(text)
        last = i + 1
        i += 1
    return items, last, lead_ins


def _topic_line(layout: Layout, i: int, cur: _Item) -> bool:
    """Whether line i, after a finished item, is a short topic heading the layout did not mark
    as one (same font as the items): it reads as a title and the next item follows it."""
    text = layout.lines[i].text.strip()
    if ends_sentence(text) or not text[:1].isupper() or len(text.split()) > 12:
        return False
    nxt = layout.next_body(i)
    if nxt is None:
        return False
    para = PARA_RE.match(layout.lines[nxt].text)
    if cur.number is not None:
        return bool(para) and int(para["num"]) == cur.number + 1
    return layout.lines[nxt].bullet == "top"


def _to_recs(items: list[_Item]) -> list[Recommendation]:
    recs = []
    items = [it for it in items if not NOTHING_TO_DO.match(join_wrapped(it.parts))]
    for k, item in enumerate(items, start=1):
        text = _TRAILING_SUBHEAD.sub("", join_wrapped(item.parts))
        if item.subs:
            text = "; ".join([t for t in [text] + [join_wrapped([s]) for s in item.subs] if t])
        if not text:
            continue
        m = FRAMEWORK.search(text)
        ref = m["ref"].strip() if m else None
        outcome = None
        if ref:
            mo = re.search(r"outcome\s+(\d+)", ref, re.I)
            outcome = int(mo.group(1)) if mo else None
        recs.append(
            Recommendation(
                number=item.number or k,
                text=text,
                page=item.page,
                framework_reference=ref,
                framework_outcome=outcome,
            )
        )
    return recs
