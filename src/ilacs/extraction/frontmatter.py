"""The title block of a report: its type, title, council, dates and lead inspector."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import fields
from .layout import Layout
from .lines import strip_marker
from .patterns import APOS, INSPECTOR, PUBLISHED, ends_sentence, join_wrapped
from .segments import DATES_LINE, TITLE_START, TITLES


@dataclass(frozen=True)
class FrontMatter:
    report_type: str
    title: str | None
    local_authority: str | None
    inspection_start: str | None
    inspection_end: str | None
    published: str | None
    lead_inspector: str | None


def read_front_matter(layout: Layout) -> FrontMatter:
    """What the title block says: the lines from the report's start to its dates line, the
    dates (perhaps in a letter's first sentence) and the lead inspector."""
    lines = layout.lines
    parts = _title_parts(layout)
    kind = report_type(" ".join(parts))
    title_idx = next((k for k, p in enumerate(parts) if TITLE_START.match(p)), 0)
    dates_line = DATES_LINE.match(lines[layout.dates_at].text)
    if dates_line:
        rest = dates_line["rest"]
    else:
        # a letter: "This letter summarises the findings of the focused visit ... on 10 and
        # 11 May 2023." The dates are in its first sentence.
        rest = _letter_sentence(layout, layout.dates_at)
    nxt = layout.next_body(layout.dates_at)
    if (
        nxt is not None
        and not re.search(r"\b(?:19|20)\d{2}\s*$", rest)
        and re.match(r"(?i)^(?:\d{1,2}\b|[a-z]+ (?:19|20)\d{2})", lines[nxt].text)
    ):
        rest += " " + lines[nxt].text  # the dates wrap onto the next line
    start, end = fields.parse_date_range(rest)
    published = None
    for i in range(layout.dates_at, min(layout.end, layout.dates_at + 12)):
        m = PUBLISHED.match(lines[i].text)
        if m:
            published = fields.parse_date(m["date"])
            break
    return FrontMatter(
        report_type=kind,
        title=" ".join(parts[title_idx:]) or None,
        local_authority=_council(parts, kind),
        inspection_start=start,
        inspection_end=end,
        published=published,
        lead_inspector=_lead_inspector(layout),
    )


def report_type(title: str) -> str:
    """The kind of report (one of model.REPORT_TYPES) its title block names."""
    t = title.lower().replace("’", "'")
    for kind, pattern in TITLES:
        if pattern.search(t):
            return kind
    return "other"


def _title_parts(layout: Layout) -> list[str]:
    lines = layout.lines
    return [
        strip_marker(lines[i].text)
        for i in range(layout.start, layout.dates_at)
        if lines[i].text and not re.fullmatch(r"\d{1,3}", lines[i].text)
    ]


def _council(parts: list[str], kind: str) -> str | None:
    t = re.sub(r"\s+", " ", " ".join(parts))
    title_idx = next((k for k, p in enumerate(parts) if TITLE_START.match(p)), 0)
    above = " ".join(p for p in parts[:title_idx])
    candidates: list[str] = []
    m = re.search(
        rf"(?:focused|monitoring) visit (?:to|of) (?:the )?(?P<la>.+?)(?: local authority)?"
        rf" children{APOS}s services",
        t,
        re.I,
    )
    if m:
        candidates.append(m["la"])
    m = re.search(
        r"joint targeted area inspection of the multi-agency response to .+? in (?P<la>.+)$",
        t,
        re.I,
    )
    if kind == "jtai" and m:
        candidates.append(m["la"])
    m = re.search(
        rf"inspection of (?:the )?(?P<la>.+?)(?:\s+local authority)?\s+children{APOS}?s?\s+"
        r"(?:services|social care services)\b",
        t,
        re.I,
    )
    if kind == "ilacs" and m and not re.match(r"(?i)local authority$|children", m["la"]):
        candidates.append(m["la"])
    m = re.search(
        r"inspection of (?:the )?(?P<la>.+?)\s+children(?:’s)? (?:and families|"
        r"services) trust",
        t,
        re.I,
    )
    if m:
        candidates.append(m["la"])
    if above:
        candidates.append(above)
    m = re.search(
        r"(?:looked after children|protection of children|looked after children services|"
        r"safeguarding and looked after children services)\s*(?:services)?\s+(?P<la>[A-Z].+)$",
        t,
    )
    if m and kind in {"looked_after_children", "child_protection", "safeguarding_and_lac"}:
        candidates.append(m["la"])
    m = re.search(
        r"^(?P<la>.+?)\s+(?:local\s+)?safeguarding children (?:board|partnership)\b", t, re.I
    )
    if kind == "other" and m:
        candidates.append(m["la"])
    for cand in candidates:
        name = fields.clean_la_name(cand)
        if name:
            return name
    return None


def _letter_sentence(layout: Layout, i: int) -> str:
    parts = [layout.lines[i].text]
    j = i
    while not ends_sentence(parts[-1]) and len(parts) < 4:
        nxt = layout.next_body(j)
        if nxt is None:
            break
        parts.append(layout.lines[nxt].text)
        j = nxt
    text = join_wrapped(parts)
    m = re.search(r"(?:\bon|\bbetween|\bfrom)\s+\d.*", text)
    return (m.group(0) if m else text).split(". ")[0]


def _signed_by(layout: Layout) -> str | None:
    """The inspector who signs a letter ("Yours sincerely", a name, "Inspector")."""
    for i in range(layout.end - 1, layout.dates_at, -1):
        if not layout.body(i) or not re.match(
            r"(?i)^yours (?:sincerely|faithfully)", layout.lines[i].text
        ):
            continue
        nxt = layout.next_body(i)
        if nxt is None:
            return None
        after = layout.next_body(nxt)
        signature = layout.lines[nxt].text
        if after is not None and re.search(r"(?i)inspector|\bHMI\b", layout.lines[after].text):
            signature += ", " + layout.lines[after].text
        return fields.clean_inspector(signature)
    return None


def _lead_inspector(layout: Layout) -> str | None:
    for i in range(layout.start, layout.end):
        if not layout.body(i):
            continue
        m = INSPECTOR.match(layout.lines[i].text)
        if not m:
            continue
        name = m["name"].strip()
        nxt = layout.next_body(i)
        if nxt is not None and (not name or re.search(r"(?:,|\band)$", name)):
            name += " " + layout.lines[nxt].text
        cleaned = fields.clean_inspector(name)
        if cleaned:
            return cleaned
    return _signed_by(layout)
