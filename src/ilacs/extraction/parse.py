"""Lines of one document -> the Ofsted reports in it.

The rules follow how Ofsted has printed its children's services reports since 2012: the title
block (council, title, "Inspection dates", lead inspector), the judgement table, the council's
improvement list and the numbered findings paragraphs. Nothing here is keyed to one council or
one file; each rule says which layouts it serves.

A report is read in stages, each taking the report's layout and returning what it found:
layout (line width, headings; layout.py), front matter (frontmatter.py), judgements
(judgements.py), improvement lists (improvements.py), then the paragraphs not claimed by the
others (paragraphs.py).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import replace

from .frontmatter import read_front_matter
from .improvements import read_improvement_lists
from .judgements import read_judgements
from .layout import Layout, read_layout
from .lines import Line, mark_footnotes, mark_page_furniture
from .model import ExtractedReport, Source
from .paragraphs import read_paragraphs
from .patterns import LSCB_SECTION, PARA_RE
from .segments import Segment, find_reports


def parse_report(lines: list[Line], seg: Segment, source: Source) -> ExtractedReport:
    """The report in `seg` of the document's lines (page furniture and footnotes marked)."""
    layout = read_layout(lines, seg)
    front = read_front_matter(layout)
    kind = front.report_type
    table = read_judgements(layout, kind)
    body_start = seg.dates_at + 1
    if table.table_lines and _near_start(layout, min(table.table_lines)):
        # the report body starts after a judgement table printed with the title
        body_start = max(body_start, table.end, max(table.table_lines) + 1)
    not_body = table.table_lines | table.lscb_lines
    lscb_start = _lscb_section(layout, body_start, not_body) if kind in {"sif", "other"} else None
    lists = read_improvement_lists(layout, body_start, lscb_start, kind)
    paragraphs = read_paragraphs(layout, not_body, lists.claimed)
    return ExtractedReport(
        source=source,
        report_type=kind,
        title=front.title,
        local_authority=front.local_authority,
        inspection_start=front.inspection_start,
        inspection_end=front.inspection_end,
        published=front.published,
        lead_inspector=front.lead_inspector,
        judgements=table.judgements,
        recommendations=lists.recommendations,
        lscb_recommendations=lists.lscb_recommendations if kind in {"sif", "other"} else [],
        paragraphs=paragraphs,
    )


def _near_start(layout: Layout, i: int) -> bool:
    lines = layout.lines
    dates = lines[layout.dates_at]
    if dates.page is not None and lines[i].page is not None:
        return lines[i].page <= dates.page + 1
    # no pages: near the start means before any numbered paragraph
    return not any(PARA_RE.match(lines[k].text) for k in range(layout.dates_at + 1, i))


def _lscb_section(layout: Layout, body_start: int, not_body: AbstractSet[int]) -> int | None:
    """Where a SIF report's LSCB section starts (its own improvement list follows)."""
    for i in range(body_start, layout.end):
        text = layout.lines[i].text
        if (
            layout.body(i)
            and i not in not_body
            and LSCB_SECTION.match(text)
            and not re.search(r"\s\d{1,3}$", text)
        ):
            return i
    return None


def parse_lines(lines: list[Line], source: Source) -> list[ExtractedReport]:
    """Every report found in the document's lines."""
    reports = []
    for seg in find_reports(lines):
        part = lines[seg.start : seg.end]
        title = " ".join(lines[k].text for k in range(seg.title_at, seg.dates_at))
        mark_page_furniture(part, set(range(0, seg.dates_at - seg.start + 1)), title)
        mark_footnotes(part)
        report = parse_report(lines, seg, replace(source))
        embedded = sum(1 for line in lines[: seg.start] if line.text) > 3
        if embedded or sum(1 for line in lines[seg.end :] if line.text) > 3:
            if lines[seg.start].page is not None:
                report.source.first_page = lines[seg.start].page
                report.source.last_page = lines[seg.end - 1].page
            else:
                report.source.first_line = lines[seg.start].lineno
                report.source.last_line = lines[seg.end - 1].lineno
        reports.append(report)
    return reports
