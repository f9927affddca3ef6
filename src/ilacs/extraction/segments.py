"""Where each Ofsted report starts and ends in a document's lines.

A report starts with its title ("Inspection of ...") followed within a few lines by its dates;
a committee paper may hold one (or more) after its own pages, and an embedded report ends with
Ofsted's back page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Line
from .patterns import APOS

# ---- report titles ---------------------------------------------------------------------------

DATES_LINE = re.compile(
    r"^(?:inspection\s+dates?|dates?\s+of\s+(?:the\s+)?inspection|visit\s+dates?|"
    r"dates?\s+of\s+(?:the\s+)?visit)\b\s*:?\s*(?P<rest>.*)$",
    re.I,
)
# Letters (focused and monitoring visits, joint targeted area inspections) print no "Inspection
# dates" line: their first sentence gives the dates instead.
LETTER_DATES = re.compile(
    r"^(?:this letter (?:summarises|sets out)|thank you for (?:the help|your help)|"
    r"(?:this|the) (?:focused|monitoring) visit (?:was|took place))",
    re.I,
)
LETTER_TITLE = re.compile(r"^(?:focused visit|monitoring visit|joint targeted area)", re.I)
TITLE_START = re.compile(
    r"^(?:re-?\s?)?inspection of\b|^focused visit\b|^monitoring visit\b|^joint targeted area"
    r"|^review of the effectiveness of the (?:local )?safeguarding",
    re.I,
)
# (report_type, pattern on the lower-cased title block)
TITLES: list[tuple[str, re.Pattern[str]]] = [
    ("sif", re.compile(r"(?:re-?\s?)?inspection of services for children in need of help")),
    ("looked_after_children", re.compile(r"inspection of (?:services for )?looked after children")),
    ("safeguarding_and_lac", re.compile(r"inspection of safeguarding and looked after children")),
    (
        "child_protection",
        re.compile(
            r"inspection of (?:local authority )?(?:contact,? referral and assessment|"
            r"arrangements for the protection of children|safeguarding (?:services|arrangements))"
        ),
    ),
    ("focused_visit", re.compile(r"focused visit (?:to|of)")),
    ("monitoring_visit", re.compile(r"monitoring visit (?:to|of)")),
    ("jtai", re.compile(r"joint targeted area inspection")),
    (
        "other",
        re.compile(r"(?:review|inspection) of the effectiveness of the (?:local )?safeguarding"),
    ),
    ("ilacs", re.compile(rf"inspection of children{APOS}?s? social care services")),
    (
        "ilacs",
        re.compile(
            rf"inspection of (?!services for)(?:the )?.{{2,90}}?children{APOS}?s?"
            r" (?:services|and families trust|services trust)"
        ),
    ),
    ("ilacs", re.compile(r"inspection of local authority children")),
]


@dataclass
class Segment:
    start: int  # first line of the report
    title_at: int  # first line of its title
    dates_at: int  # its "Inspection dates" line
    end: int  # exclusive


def next_text(lines: list[Line], i: int, limit: int) -> list[int]:
    out: list[int] = []
    while i < len(lines) and len(out) < limit:
        if lines[i].text and not lines[i].kind:
            out.append(i)
        i += 1
    return out


def find_reports(lines: list[Line]) -> list[Segment]:
    """Each report starts with a title line followed within a few lines by its dates."""
    anchors: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i].text and TITLE_START.match(lines[i].text):
            letter = LETTER_TITLE.match(lines[i].text) is not None
            for j in next_text(lines, i, 9)[1:]:
                if DATES_LINE.match(lines[j].text) or (
                    letter and LETTER_DATES.match(lines[j].text)
                ):
                    anchors.append((i, j))
                    i = j
                    break
        i += 1
    # 2014-15: some SIF reports print the LSCB review after the council's report with a title
    # page of its own; it is one Ofsted report, not two.
    merged: list[tuple[int, int]] = []
    for title_at, dates_at in anchors:
        if (
            merged
            and LSCB_TITLE.match(joined_title(lines, title_at, dates_at))
            and (TITLES[0][1].search(joined_title(lines, merged[-1][0], merged[-1][1]).lower()))
        ):
            continue
        merged.append((title_at, dates_at))
    anchors = merged
    segments = []
    for k, (title_at, dates_at) in enumerate(anchors):
        end = anchors[k + 1][0] if k + 1 < len(anchors) else len(lines)
        segments.append(Segment(council_lines_start(lines, title_at), title_at, dates_at, end))
    for k in range(1, len(segments)):
        segments[k - 1].end = min(segments[k - 1].end, segments[k].start)
    for seg in segments:
        seg.end = report_end(lines, seg)
    return segments


LSCB_TITLE = re.compile(
    r"^(?:review|inspection) of the effectiveness of the (?:local )?safeguarding children", re.I
)


def joined_title(lines: list[Line], title_at: int, dates_at: int) -> str:
    return " ".join(lines[i].text for i in range(title_at, dates_at) if lines[i].text)


def council_lines_start(lines: list[Line], title_at: int) -> int:
    """The council's name printed above the title (SIF, early ILACS) belongs to the report."""
    start = title_at
    j = title_at - 1
    taken = 0
    while j >= 0 and taken < 3:
        line = lines[j]
        if line.page is not None and line.page != lines[title_at].page:
            break
        if not line.text:
            if taken or title_at - j > 3:
                break
            j -= 1
            continue
        if re.fullmatch(r"\d{1,3}", line.text):
            start = j
            j -= 1
            continue
        if (
            len(line.text) > 70
            or line.text.endswith((".", ":", ";"))
            or re.match(r"(?i)^dear\b", line.text)
        ):
            break  # a letter's salutation is not the council's name
        start = j
        taken += 1
        j -= 1
    return start


END_MARK = re.compile(r"^©\s*crown copyright|^crown copyright", re.I)


def report_end(lines: list[Line], seg: Segment) -> int:
    """A report inside a longer paper ends with Ofsted's back page (© Crown copyright)."""
    last = None
    for i in range(seg.start, seg.end):
        if END_MARK.match(lines[i].text):
            last = i
    if (
        last is not None
        and last - seg.start > (seg.end - seg.start) * 0.5
        and last - seg.start > 40
    ):
        return last + 1
    return seg.end
