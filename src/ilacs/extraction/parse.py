"""Lines of one document -> the Ofsted reports in it.

The rules follow how Ofsted has printed its children's services reports since 2012: the title
block (council, title, "Inspection dates", lead inspector), the judgement table, the council's
improvement list and the numbered findings paragraphs. Nothing here is keyed to one council or
one file; each rule names the layouts it serves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import fields
from .lines import FOOTNOTE, NOISE, Line, mark_footnotes, mark_page_furniture, strip_marker
from .model import ExtractedReport, Judgement, Paragraph, Recommendation, Source

# ---- report titles ---------------------------------------------------------------------------

_APOS = "[’'`]"
_DATES_LINE = re.compile(r"^(?:inspection\s+dates?|dates?\s+of\s+(?:the\s+)?inspection|"
                         r"visit\s+dates?|dates?\s+of\s+visit)\b\s*:?\s*(?P<rest>.*)$", re.I)

# (report_type, regex on the title block joined with spaces, lower-cased)
_TITLES: list[tuple[str, re.Pattern[str]]] = [
    ("sif", re.compile(r"(?:re-?\s?)?inspection of services for children in need of help")),
    ("looked_after_children", re.compile(r"inspection of (?:services for )?looked after children")),
    ("safeguarding_and_lac", re.compile(r"inspection of safeguarding and looked after children")),
    ("child_protection", re.compile(
        r"inspection of (?:local authority )?(?:contact,? referral and assessment|arrangements "
        r"for the protection of children|safeguarding (?:services|arrangements))")),
    ("focused_visit", re.compile(r"focused visit (?:to|of)")),
    ("monitoring_visit", re.compile(r"monitoring visit (?:to|of)")),
    ("jtai", re.compile(r"joint targeted area inspection")),
    ("other", re.compile(r"review of the effectiveness of the (?:local )?safeguarding children")),
    ("ilacs", re.compile(rf"inspection of children{_APOS}?s? social care services")),
    ("ilacs", re.compile(rf"inspection of (?!services for)(?:the )?.{{2,90}}?children{_APOS}?s?"
                         r" (?:services|and families trust|services trust)")),
    ("ilacs", re.compile(r"inspection of local authority children")),
]
_TITLE_START = re.compile(
    r"^(?:re-?\s?)?inspection of\b|^focused visit\b|^monitoring visit\b|^joint targeted area"
    r"|^review of the effectiveness of the (?:local )?safeguarding",
    re.I,
)


@dataclass
class Segment:
    start: int  # index of the first line of the report
    title_at: int  # index of the title's first line
    dates_at: int  # index of the "Inspection dates" line
    end: int  # exclusive


def _next_text(lines: list[Line], i: int, limit: int) -> list[int]:
    out = []
    j = i
    while j < len(lines) and len(out) < limit:
        if lines[j].text:
            out.append(j)
        j += 1
    return out


def find_reports(lines: list[Line]) -> list[Segment]:
    """Find where each Ofsted report starts: a title line followed closely by its dates."""
    anchors: list[tuple[int, int]] = []
    i = 0
    n = len(lines)
    while i < n:
        text = lines[i].text
        if text and _TITLE_START.match(text):
            following = _next_text(lines, i, 9)
            for j in following[1:]:
                if _DATES_LINE.match(lines[j].text):
                    anchors.append((i, j))
                    i = j
                    break
        i += 1
    if not anchors:
        return []
    segments: list[Segment] = []
    for k, (title_at, dates_at) in enumerate(anchors):
        start = _council_lines_start(lines, title_at)
        end = anchors[k + 1][0] if k + 1 < len(anchors) else n
        segments.append(Segment(start, title_at, dates_at, end))
    for k in range(1, len(segments)):
        segments[k - 1].end = min(segments[k - 1].end, segments[k].start)
    for seg in segments:
        seg.end = _report_end(lines, seg)
    return segments


def _council_lines_start(lines: list[Line], title_at: int) -> int:
    """Council name lines printed above the title (SIF and early ILACS) belong to the report."""
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
        if len(line.text) > 70 or line.text.endswith((".", ":", ";")):
            break
        start = j
        taken += 1
        j -= 1
    return start


_END_MARK = re.compile(r"^©\s*crown copyright|^crown copyright\s*©?", re.I)


def _report_end(lines: list[Line], seg: Segment) -> int:
    """A report embedded in a longer paper ends with Ofsted's back page (© Crown copyright)."""
    length = seg.end - seg.start
    last = None
    for i in range(seg.start, seg.end):
        if _END_MARK.match(lines[i].text):
            last = i
    if last is not None and last - seg.start > length * 0.5 and last - seg.start > 40:
        return last + 1
    return seg.end


# ---- front matter ----------------------------------------------------------------------------

_INSPECTOR = re.compile(
    r"^(?:(?P<lead>lead\s+inspectors?|reporting\s+inspectors?|lead\s+hmi)\b\s*:?\s*"
    r"(?P<name>.*))$",
    re.I,
)
_PUBLISHED = re.compile(
    r"^(?:report\s+published|date\s+published|published|publication\s+date|date\s+of\s+report|"
    r"report\s+date)\s*:?\s*(?P<date>.+)$",
    re.I,
)


def _title_block(lines: list[Line], seg: Segment) -> tuple[str, list[str]]:
    parts = [
        strip_marker(lines[i].text)
        for i in range(seg.start, seg.dates_at)
        if lines[i].text and not re.fullmatch(r"\d{1,3}", lines[i].text)
    ]
    return " ".join(parts), parts


def _report_type(title: str) -> str:
    t = title.lower().replace("’", "'")
    for kind, pattern in _TITLES:
        if pattern.search(t):
            return kind
    return "other"


def _council(title: str, parts: list[str], kind: str) -> str | None:
    t = re.sub(r"\s+", " ", title)
    candidates: list[str] = []
    m = re.search(
        rf"inspection of (?:the )?(?P<la>.+?)(?:\s+local authority)?\s+children{_APOS}?s?\s+"
        r"(?:services|social care services)\b",
        t,
        re.I,
    )
    if kind == "ilacs" and m and not re.match(r"(?i)local authority$|children", m.group("la")):
        candidates.append(m.group("la"))
    m = re.search(r"inspection of (?:the )?(?P<la>.+?)\s+children(?:’s)? and families trust", t,
                  re.I)
    if m:
        candidates.append(m.group("la"))
    # The council printed above the title (SIF, early ILACS) or below it (2012-13).
    title_idx = next(
        (k for k, p in enumerate(parts) if _TITLE_START.match(p)), 0
    )
    above = [p for p in parts[:title_idx] if not re.fullmatch(r"\d{1,3}", p)]
    if above:
        candidates.append(" ".join(above))
    m = re.search(
        r"(?:looked after children|protection of children|looked after children services|"
        r"safeguarding and looked after children services|social care services)\s*(?:services)?"
        r"\s+(?P<la>[A-Z].+)$",
        t,
    )
    if m and kind in {"looked_after_children", "child_protection", "safeguarding_and_lac"}:
        candidates.append(m.group("la"))
    m = re.search(r"^(?P<la>.+?)\s+(?:local\s+)?safeguarding children (?:board|partnership)\b", t,
                  re.I)
    if kind == "other" and m:
        candidates.append(m.group("la"))
    for m_text in (
        re.search(r"(?:focused|monitoring) visit (?:to|of) (?P<la>.+?)(?: local authority)?"
                  rf" children{_APOS}s services", t, re.I),
    ):
        if m_text:
            candidates.append(m_text.group("la"))
    for cand in candidates:
        name = fields.clean_la_name(cand)
        if name:
            return name
    return None


def _front_matter(lines: list[Line], seg: Segment) -> dict:
    title, parts = _title_block(lines, seg)
    kind = _report_type(title)
    out: dict = {"title": None, "report_type": kind}
    title_idx = next((k for k, p in enumerate(parts) if _TITLE_START.match(p)), 0)
    out["title"] = " ".join(parts[title_idx:]) or None
    out["local_authority"] = _council(title, parts, kind)

    dates_line = lines[seg.dates_at]
    rest = _DATES_LINE.match(dates_line.text).group("rest")  # type: ignore[union-attr]
    following = _next_text(lines, seg.dates_at + 1, 2)
    if not re.search(r"\b(?:19|20)\d{2}\b", rest) and following:
        rest += " " + lines[following[0]].text
    out["inspection_start"], out["inspection_end"] = fields.parse_date_range(rest)

    out["published"] = None
    for i in range(seg.dates_at, min(seg.end, seg.dates_at + 12)):
        m = _PUBLISHED.match(lines[i].text)
        if m:
            out["published"] = fields.parse_date(m.group("date"))
            break

    out["lead_inspector"] = _lead_inspector(lines, seg)
    return out


def _lead_inspector(lines: list[Line], seg: Segment) -> str | None:
    for i in range(seg.start, seg.end):
        text = lines[i].text
        if not text or lines[i].kind:
            continue
        m = _INSPECTOR.match(text)
        if not m:
            continue
        name = m.group("name").strip()
        # A name wrapped onto the next line(s): "Lead inspectors: A, His Majesty's Inspector, and"
        nxt = _next_text(lines, i + 1, 2)
        if (not name or name.endswith((",", "and")) or re.search(r"\band$", name)) and nxt:
            name += " " + lines[nxt[0]].text
        cleaned = fields.clean_inspector(name)
        if cleaned:
            return cleaned
    return None


# ---- judgements ------------------------------------------------------------------------------

_ROW_START = re.compile(r"^\d(?:\.\d)?\.?\s")
_TABLE_HEAD = re.compile(r"^judgements?\s+grades?$|^judgement\s*grade$", re.I)
_MAIN_FINDINGS = re.compile(r"^record of main findings", re.I)


@dataclass
class JudgementTable:
    judgements: list[Judgement]
    line_indexes: set[int]
    end: int


def _parse_rows(lines: list[Line], start: int, stop: int, allow_other: bool,
                last_key: str | None, max_lines: int = 40) -> JudgementTable:
    rows: list[Judgement] = []
    used: set[int] = set()
    pending: list[tuple[int, str]] = []
    seen_keys: set[str] = set()
    misses = 0
    i = start
    end = start
    while i < stop and i - start < max_lines:
        line = lines[i]
        text = strip_marker(line.text) if line.kind == "" else ""
        i += 1
        if not text:
            continue
        if _ROW_START.match(text) or (pending and pending[-1][1].endswith(".")):
            pending = []
        candidate = " ".join([p for _, p in pending] + [text])
        m = fields.GRADE_RE.search(candidate)
        if m:
            label = candidate[: m.start()].strip(" \t:–-")
            label = re.sub(r"\s+", " ", label).rstrip(".")
            key = fields.judgement_key(label)
            plausible = (
                label
                and len(label) <= 130
                and not re.search(r"\b(?:of|for|to|the|be|as|and|very|not|a)$", label, re.I)
                and (key != "other" or allow_other)
                and key not in seen_keys
            )
            if plausible:
                rows.append(Judgement(printed=label, key=key, grade=fields.grade_key(
                    re.sub(r"\s+", " ", m.group("grade")))))
                used.update(k for k, _ in pending)
                used.add(i - 1)
                seen_keys.add(key)
                pending = []
                misses = 0
                end = i
                if last_key and key == last_key:
                    break
                continue
            pending = []
            misses += 1
        else:
            pending.append((i - 1, text))
            if len(pending) > 3:
                pending = pending[-3:]
                misses += 1
        if rows and misses >= 3:
            break
    return JudgementTable(rows, used, end)


_LSCB_SENTENCE = re.compile(
    r"^(?:the\s+)?(?:effectiveness\s+of\s+the\s+)?local\s+safeguarding\s+children\s+board\b", re.I
)


def _judgements(lines: list[Line], seg: Segment, kind: str) -> JudgementTable:
    # ILACS: "Judgement Grade" header; 2012-13: "Record of main findings"; SIF: the rows follow
    # the dates on page 1.
    head = None
    for i in range(seg.start, min(seg.end, seg.dates_at + 20)):
        if _TABLE_HEAD.match(lines[i].text):
            head = i + 1
            break
    if head is not None:
        return _parse_rows(lines, head, seg.end, allow_other=False, last_key="overall_effectiveness")
    if kind in {"looked_after_children", "child_protection", "safeguarding_and_lac"}:
        for i in range(seg.start, seg.end):
            if _MAIN_FINDINGS.match(lines[i].text):
                return _parse_rows(lines, i + 1, seg.end, allow_other=True, last_key=None)
    table = _parse_rows(lines, seg.dates_at + 1, seg.end, allow_other=False, last_key="lscb",
                        max_lines=45)
    if kind == "sif" and not any(j.key == "lscb" for j in table.judgements):
        lscb = _lscb_judgement(lines, seg, after=table.end)
        if lscb:
            table.judgements.append(lscb[0])
            table.line_indexes |= lscb[1]
    return table


def _lscb_judgement(lines: list[Line], seg: Segment, after: int):
    for i in range(after, seg.end):
        text = lines[i].text
        if lines[i].kind or not _LSCB_SENTENCE.match(text):
            continue
        nxt = _next_text(lines, i + 1, 1)
        joined = text
        used = {i}
        if not fields.GRADE_RE.search(text) and nxt:
            joined = text + " " + lines[nxt[0]].text
            used.add(nxt[0])
        m = fields.GRADE_RE.search(joined)
        if not m:
            continue
        label = joined[: m.start()].strip(" :")
        if len(label) > 110 or re.search(r"\b(?:of|for|to|the|be)$", label):
            continue
        return Judgement(label, "lscb", fields.grade_key(m.group("grade"))), used
    return None


# ---- sections, headings ----------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?;:][’”'\")\]]*$|\.\s*\(\w+\)$")
_KNOWN_HEADINGS = re.compile(
    r"^(?:summary|executive summary|summary of key findings|contents|"
    r"information about this (?:inspection|local authority area|review|area)|"
    r"what does the local authority need to improve\??|what needs to improve.*|recommendations|"
    r"areas for improvement|priority and immediate action|record of main findings|"
    r"section \d.*|summary for children and young people|about this inspection|"
    r"service information|overall effectiveness.*|capacity (?:to|for) improve.*|"
    r"outcomes for .*|quality of provision.*|leadership and management.*|"
    r"the inspection team|what the inspection judge?ments mean.*|inspection findings.*|"
    r"the (?:experiences and progress|impact of leaders) .*|the local safeguarding children board.*|"
    r"the effectiveness of the local safeguarding .*|review of the effectiveness of .*|"
    r"inspection judgements about .*|the inspection judgements and what they mean|"
    r"children (?:who need help|looked after|in care).*|adoption performance.*|"
    r"experiences and progress of care leavers.*|leadership, management and governance.*|"
    r"local authority arrangements for .*|children living in this area|"
    r"child protection in this area|children looked after in this area|"
    r"the effectiveness of (?:the )?(?:board|lscb).*|information about this review)$",
    re.I,
)
_PARA_RE = re.compile(r"^(?P<num>\d{1,3})\.\s*(?=\S)(?P<text>.*)$")


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def heading_at(lines: list[Line], i: int) -> bool:
    """Is line i a heading (a section or list title), not part of running text?"""
    line = lines[i]
    text = strip_marker(line.text)
    if not text or line.kind or line.bullet or _PARA_RE.match(text):
        return False
    prev = _prev_body(lines, i)
    prev_ends = prev is None or not lines[prev].text or _ends_sentence(lines[prev].text) \
        or heading_like(lines[prev].text)
    if _KNOWN_HEADINGS.match(text) and prev_ends:
        return True
    if len(text) > 75 or not prev_ends:
        return False
    if _ends_sentence(text) and not text.endswith(":"):
        return False
    if not re.match(r"^[A-Z0-9‘“']", text):
        return False
    return len(text.split()) <= 12 and line.text[:1].isupper()


def heading_like(text: str) -> bool:
    return bool(_KNOWN_HEADINGS.match(strip_marker(text)))


def _prev_body(lines: list[Line], i: int) -> int | None:
    j = i - 1
    while j >= 0:
        if lines[j].kind == "" and lines[j].text:
            return j
        if lines[j].kind == "" and not lines[j].text and lines[j].page is None:
            return j  # a blank line in an unpaged text export ends the previous block
        j -= 1
    return None


# ---- recommendations -------------------------------------------------------------------------

_REC_HEAD = re.compile(
    r"^(?:what needs to improve(?: in this local authority)?\s*\??|recommendations|"
    r"areas for improvement|priority and immediate action|"
    r"what does the local authority need to improve\s*\??|"
    r"what does the (?:lscb|board|local safeguarding children board) need to improve\s*\??)"
    r"\s*[.:]?$",
    re.I,
)
_TIMESCALE = re.compile(r"^(?:immediately|within \w+ (?:months?|weeks?)|in the longer term|"
                        r"by \w+ \d{4})\s*:?$", re.I)
_FRAMEWORK = re.compile(r"\((?P<ref>[^()]*national framework)\)\s*\.?$", re.I)
_LSCB_SECTION = re.compile(
    r"^(?:section 2\b.*|the local safeguarding children board(?: \(lscb\))?$|"
    r"review of the effectiveness of the local safeguarding children board.*|"
    r"the effectiveness of the local safeguarding children board.*|"
    r"the local safeguarding children board (?:is|requires).*)$",
    re.I,
)


@dataclass
class Item:
    number: int | None
    parts: list[str]
    subs: list[str]
    page: int | None
    line_index: int


def _join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if not out:
            out = p
        elif out.endswith("-") and not out.endswith(" -") and re.match(r"[a-z]", p):
            out += p  # "pre-" / "proceedings" -> "pre-proceedings"
        else:
            out += " " + p
    return re.sub(r"\s+", " ", out).strip()


def _item_text(item: Item) -> str:
    text = _join(item.parts)
    if item.subs:
        text = "; ".join([text] + [_join([s]) for s in item.subs]) if text else "; ".join(
            item.subs)
    return text


def _collect_list(lines: list[Line], start: int, stop: int) -> tuple[list[Item], int]:
    """Items of an improvement list starting at line `start` (just after its heading).

    Items are bulleted or numbered. A wrapped line continues the current item; a sub-bullet is
    joined to its lead-in with "; ". The list ends at a heading, at prose after an item that ended
    a sentence, or at the first findings paragraph.
    """
    items: list[Item] = []
    i = start
    numbered: bool | None = None
    last_line = start
    while i < stop:
        line = lines[i]
        text = line.text
        if line.kind or not text:
            i += 1
            continue
        if _TIMESCALE.match(text):
            i += 1
            last_line = i
            continue
        para = _PARA_RE.match(text)
        if line.bullet == "top" or (line.bullet == "sub" and not items):
            if numbered and items and not items[-1].subs and items[-1].parts and \
                    items[-1].parts[-1].rstrip().endswith(":"):
                items[-1].subs.append(text)
            else:
                items.append(Item(None, [text], [], line.page, i))
                numbered = False if numbered is None else numbered
        elif line.bullet == "sub" and items:
            items[-1].subs.append(text)
        elif para and (numbered is not False) and (
            not items or items[-1].number is None or int(para.group("num")) == items[-1].number + 1
        ):
            if items and numbered is None:
                break
            items.append(Item(int(para.group("num")), [para.group("text")], [], line.page, i))
            numbered = True
        elif heading_at(lines, i) or _REC_HEAD.match(strip_marker(text)):
            if not items:
                # a theme heading before the first item, or the "Areas for improvement" heading
                # under "What does the local authority need to improve?"
                i += 1
                continue
            nxt = _next_text(lines, i + 1, 1)
            if nxt and (lines[nxt[0]].bullet or (_PARA_RE.match(lines[nxt[0]].text) and numbered)
                        ) and not _is_section_heading(text):
                # a theme heading inside the list ("Workforce development")
                i += 1
                continue
            break
        elif not items:
            # Lead-in prose before the items (2012-13: "In order to improve ... will:")
            if para is None and len(text) > 0 and i - start > 6:
                break
            if para and numbered is False:
                break
            i += 1
            continue
        else:
            cur = items[-1]
            prev_text = (cur.subs[-1] if cur.subs else cur.parts[-1])
            if lines[i].page is None and not lines[i - 1].text:
                break  # text export: a blank line then prose ends the list
            if _ends_sentence(prev_text) and (
                re.match(r"^[A-Z]", text) and len(text) < 60 and not _ends_sentence(text)
            ):
                break
            if para:
                break
            if cur.subs:
                cur.subs[-1] = _join([cur.subs[-1], text])
            else:
                cur.parts.append(text)
        last_line = i + 1
        i += 1
    return items, last_line


def _is_section_heading(text: str) -> bool:
    return bool(re.match(r"(?i)^(?:the (?:experiences|impact)|summary|information about|"
                         r"inspection findings|section \d|the local safeguarding)", text))


def _items_to_recs(items: list[Item]) -> list[Recommendation]:
    recs = []
    for k, item in enumerate(items, start=1):
        text = _item_text(item).strip()
        text = re.sub(r"^[\-–•]\s*", "", text)
        if not text:
            continue
        m = _FRAMEWORK.search(text)
        ref = m.group("ref").strip() if m else None
        outcome = None
        if ref:
            mo = re.search(r"outcome\s+(\d+)", ref, re.I)
            outcome = int(mo.group(1)) if mo else None
        recs.append(Recommendation(number=item.number or k, text=text, page=item.page,
                                   framework_reference=ref, framework_outcome=outcome))
    return recs


def _recommendations(lines: list[Line], seg: Segment, body_start: int, lscb_start: int | None,
                     kind: str):
    """Return (council list, LSCB list, indexes of lines that belong to list items)."""
    la_items: list[Item] = []
    lscb_items: list[Item] = []
    claimed: set[int] = set()
    i = body_start
    while i < seg.end:
        text = strip_marker(lines[i].text)
        if lines[i].kind or not text or not _REC_HEAD.match(text) or lines[i].bullet:
            i += 1
            continue
        prev = _prev_body(lines, i)
        if prev is not None and lines[prev].text and not (
            _ends_sentence(lines[prev].text) or heading_like(lines[prev].text)
            or lines[prev].bullet or len(lines[prev].text) < 60
        ):
            i += 1
            continue
        items, end = _collect_list(lines, i + 1, seg.end)
        in_lscb = lscb_start is not None and i >= lscb_start
        target = lscb_items if in_lscb else la_items
        if items:
            if in_lscb or not target or kind in {"sif"} or _follows(target, items):
                target.extend(items)
            for item in items:
                claimed.add(item.line_index)
        i = max(end, i + 1)
    return _items_to_recs(la_items), _items_to_recs(lscb_items), claimed


def _follows(prev: list[Item], items: list[Item]) -> bool:
    return bool(prev and prev[-1].number and items[0].number == prev[-1].number + 1)


# ---- paragraphs ------------------------------------------------------------------------------


def _paragraph_chain(lines: list[Line], start: int, stop: int, exclude: set[int]) -> list[int]:
    """Indexes of the numbered-paragraph lines: the longest run numbered 1, 2, 3 ... in order."""
    cands: list[tuple[int, int]] = []
    for i in range(start, stop):
        line = lines[i]
        if line.kind or i in exclude or line.bullet == "top":
            continue
        m = _PARA_RE.match(line.text)
        if m:
            cands.append((i, int(m.group("num"))))
    best_for_num: dict[int, tuple[int, int]] = {}  # number -> (chain length, candidate pos)
    back: list[int | None] = []
    length: list[int] = []
    for pos, (_, num) in enumerate(cands):
        prev = best_for_num.get(num - 1)
        if prev is not None:
            length.append(prev[0] + 1)
            back.append(prev[1])
        else:
            length.append(1)
            back.append(None)
        cur = best_for_num.get(num)
        if cur is None or length[pos] >= cur[0]:
            best_for_num[num] = (length[pos], pos)
    if not cands:
        return []
    end_pos = max(range(len(cands)), key=lambda p: (length[p], p))
    chain = []
    p: int | None = end_pos
    while p is not None:
        chain.append(cands[p][0])
        p = back[p]
    return chain[::-1]


def _section_title(lines: list[Line], i: int) -> str:
    parts = [strip_marker(lines[i].text)]
    j = i + 1
    # a wrapped heading: "The experiences and progress of children who need help and" / "protection"
    while j < len(lines) and len(parts) < 3:
        t = lines[j].text
        if lines[j].kind or not t:
            j += 1
            continue
        if _PARA_RE.match(t) or lines[j].bullet or len(t) > 75:
            break
        if _ends_sentence(parts[-1]) or heading_like(t) and not re.match(
                r"(?i)^(?:requires|is |good|inadequate|outstanding)", t):
            break
        if re.match(r"^[a-z:]|^(?:requires?|is|are)\b|^(?:good|outstanding|inadequate|adequate)$",
                    t, re.I) or len(parts[-1]) > 50:
            parts.append(t)
            j += 1
            continue
        break
    title = " ".join(parts)
    title = re.sub(r"\s+", " ", title)
    return title.strip()


def _paragraphs(lines: list[Line], seg: Segment, exclude: set[int], claimed: set[int]
                ) -> list[Paragraph]:
    chain = _paragraph_chain(lines, seg.start, seg.end, exclude)
    if not chain:
        return []
    chain_set = set(chain)
    paragraphs: list[Paragraph] = []
    section = ""
    headings: dict[int, str] = {}
    first = chain[0]
    # headings before and between paragraphs
    for i in range(seg.start, seg.end):
        if i in chain_set or i in exclude:
            continue
        if heading_at(lines, i):
            headings[i] = _section_title(lines, i)
    heading_idx = sorted(headings)
    h = 0
    for k, idx in enumerate(chain):
        while h < len(heading_idx) and heading_idx[h] < idx:
            title = headings[heading_idx[h]]
            if not re.match(r"(?i)^(?:summary|inspection findings|areas for improvement|"
                            r"recommendations|immediately|within)", title) or not section:
                section = _section_name(title)
            h += 1
        stop = chain[k + 1] if k + 1 < len(chain) else seg.end
        parts = [_PARA_RE.match(lines[idx].text).group("text")]  # type: ignore[union-attr]
        j = idx + 1
        while j < stop:
            line = lines[j]
            if j in headings or j in exclude:
                if not (j in headings and _TIMESCALE.match(line.text)):
                    break
            if line.kind == "" and line.text:
                if _is_back_matter(line.text):
                    break
                parts.append(line.text)
            j += 1
        if idx in claimed:
            continue
        number = int(_PARA_RE.match(lines[idx].text).group("num"))  # type: ignore[union-attr]
        paragraphs.append(Paragraph(section=section, number=number, text=_join(parts),
                                    page=lines[idx].page))
    del first
    return paragraphs


def _section_name(title: str) -> str:
    title = re.sub(r"\s*:\s*(?:requires? improvement(?: to be good)?|good|outstanding|"
                   r"inadequate|adequate)\.?$", "", title, flags=re.I)
    title = re.sub(r"\s+(?:is|are)\s+(?:requires? improvement(?: to be good)?|good|outstanding|"
                   r"inadequate|adequate)\.?$", "", title, flags=re.I)
    title = re.sub(r"\s+(?:requires? improvement(?: to be good)?|good|outstanding|inadequate|"
                   r"adequate)$", "", title, flags=re.I)
    return title.strip(" :")


_BACK_MATTER = re.compile(
    r"^(?:if you are not happy with the inspection|the office for standards in education|"
    r"ofsted produces this report|©\s*crown copyright|this publication is available at|"
    r"if you would like a copy of this document)",
    re.I,
)


def _is_back_matter(text: str) -> bool:
    return bool(_BACK_MATTER.match(text))


# ---- whole report ----------------------------------------------------------------------------


def parse_segment(lines: list[Line], seg: Segment, source: Source) -> ExtractedReport:
    front = _front_matter(lines, seg)
    kind = front["report_type"]
    table = _judgements(lines, seg, kind)
    judgements = table.judgements
    if kind == "ilacs" and not judgements:
        pass
    body_start = max(seg.dates_at + 1, table.end if table.judgements and
                     table.end < seg.dates_at + 60 else seg.dates_at + 1)
    lscb_start = None
    if kind in {"sif", "other"}:
        for i in range(body_start, seg.end):
            if lines[i].kind or not _LSCB_SECTION.match(lines[i].text):
                continue
            if re.search(r"\s\d{1,3}$", lines[i].text):
                continue  # a contents entry
            lscb_start = i
            break
    recs, lscb_recs, claimed = _recommendations(lines, seg, body_start, lscb_start, kind)
    if kind == "other" and lscb_start is None and not recs:
        pass
    exclude = set(table.line_indexes)
    paragraphs = _paragraphs(lines, seg, exclude, claimed)
    return ExtractedReport(
        source=source,
        report_type=kind,
        title=front["title"],
        local_authority=front["local_authority"],
        inspection_start=front["inspection_start"],
        inspection_end=front["inspection_end"],
        published=front["published"],
        lead_inspector=front["lead_inspector"],
        judgements=judgements,
        recommendations=recs,
        lscb_recommendations=lscb_recs if kind in {"sif", "other"} else [],
        paragraphs=paragraphs,
    )


def parse_lines(lines: list[Line], source: Source) -> list[ExtractedReport]:
    segments = find_reports(lines)
    reports = []
    for seg in segments:
        protect = set(range(seg.start, seg.dates_at + 1))
        sub = lines  # furniture marking works per segment so a committee paper's own
        mark_page_furniture_segment(sub, seg, protect)
        mark_footnotes_segment(sub, seg)
        report = parse_segment(lines, seg, replace(source))
        embedded = seg.start > 0 and _has_text_before(lines, seg.start)
        if embedded or seg.end < len(lines) - 5:
            if lines[seg.start].page is not None:
                report.source.first_page = lines[seg.start].page
                report.source.last_page = lines[seg.end - 1].page
            else:
                report.source.first_line = lines[seg.start].lineno
                report.source.last_line = lines[seg.end - 1].lineno
        reports.append(report)
    return reports


def _has_text_before(lines: list[Line], start: int) -> bool:
    return sum(1 for line in lines[:start] if line.text) > 3


def mark_page_furniture_segment(lines: list[Line], seg: Segment, protect: set[int]) -> None:
    part = lines[seg.start:seg.end]
    mark_page_furniture(part, {i - seg.start for i in protect})


def mark_footnotes_segment(lines: list[Line], seg: Segment) -> None:
    mark_footnotes(lines[seg.start:seg.end])


__all__ = ["find_reports", "parse_lines", "NOISE", "FOOTNOTE"]
