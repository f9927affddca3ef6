"""Lines of one document -> the Ofsted reports in it.

The rules follow how Ofsted has printed its children's services reports since 2012: the title
block (council, title, "Inspection dates", lead inspector), the judgement table, the council's
improvement list and the numbered findings paragraphs. Nothing here is keyed to one council or
one file; each rule says which layouts it serves.

Layout is recovered from text alone (no font or position data, which keeps extraction within a
small factor of raw text extraction): a line that stops well short of the page's usual line
width, where the next word would have fitted, ended on purpose. Headings, list ends and
paragraph ends are all found that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import fields
from .lines import Line, mark_footnotes, mark_page_furniture, strip_marker
from .model import ExtractedReport, Judgement, Paragraph, Recommendation, Source

_APOS = "[’'`]"
_GRADES = r"(?:requires? improvement(?: to be good)?|good|outstanding|inadequate|adequate)"

# ---- report titles ---------------------------------------------------------------------------

_DATES_LINE = re.compile(
    r"^(?:inspection\s+dates?|dates?\s+of\s+(?:the\s+)?inspection|visit\s+dates?|"
    r"dates?\s+of\s+(?:the\s+)?visit)\b\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_TITLE_START = re.compile(
    r"^(?:re-?\s?)?inspection of\b|^focused visit\b|^monitoring visit\b|^joint targeted area"
    r"|^review of the effectiveness of the (?:local )?safeguarding",
    re.I,
)
# (report_type, pattern on the lower-cased title block)
_TITLES: list[tuple[str, re.Pattern[str]]] = [
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
    ("ilacs", re.compile(rf"inspection of children{_APOS}?s? social care services")),
    (
        "ilacs",
        re.compile(
            rf"inspection of (?!services for)(?:the )?.{{2,90}}?children{_APOS}?s?"
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


def _next_text(lines: list[Line], i: int, limit: int) -> list[int]:
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
        if lines[i].text and _TITLE_START.match(lines[i].text):
            for j in _next_text(lines, i, 9)[1:]:
                if _DATES_LINE.match(lines[j].text):
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
            and _LSCB_TITLE.match(_joined_title(lines, title_at, dates_at))
            and (_TITLES[0][1].search(_joined_title(lines, merged[-1][0], merged[-1][1]).lower()))
        ):
            continue
        merged.append((title_at, dates_at))
    anchors = merged
    segments = []
    for k, (title_at, dates_at) in enumerate(anchors):
        end = anchors[k + 1][0] if k + 1 < len(anchors) else len(lines)
        segments.append(Segment(_council_lines_start(lines, title_at), title_at, dates_at, end))
    for k in range(1, len(segments)):
        segments[k - 1].end = min(segments[k - 1].end, segments[k].start)
    for seg in segments:
        seg.end = _report_end(lines, seg)
    return segments


_LSCB_TITLE = re.compile(
    r"^(?:review|inspection) of the effectiveness of the (?:local )?safeguarding children", re.I
)


def _joined_title(lines: list[Line], title_at: int, dates_at: int) -> str:
    return " ".join(lines[i].text for i in range(title_at, dates_at) if lines[i].text)


def _council_lines_start(lines: list[Line], title_at: int) -> int:
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
        if len(line.text) > 70 or line.text.endswith((".", ":", ";")):
            break
        start = j
        taken += 1
        j -= 1
    return start


_END_MARK = re.compile(r"^©\s*crown copyright|^crown copyright", re.I)


def _report_end(lines: list[Line], seg: Segment) -> int:
    """A report inside a longer paper ends with Ofsted's back page (© Crown copyright)."""
    last = None
    for i in range(seg.start, seg.end):
        if _END_MARK.match(lines[i].text):
            last = i
    if (
        last is not None
        and last - seg.start > (seg.end - seg.start) * 0.5
        and last - seg.start > 40
    ):
        return last + 1
    return seg.end


# ---- shared patterns -------------------------------------------------------------------------

_PARA_RE = re.compile(r"^(?P<num>\d{1,3})\.\s*(?=\S)(?P<text>.*)$")
_SENTENCE_END = re.compile(r"[.!?;:][’”'\")\]]*\s*$|\)\s*\.?$")
_ROW_START = re.compile(r"^\d(?:\.\d)?\.?\s")
_REC_HEAD = re.compile(
    r"^(?:what needs to improve(?: in this local authority)?\s*\??|recommendations|"
    r"areas for improvement|priority and immediate action|"
    r"what does the (?:local authority|lscb|board|local safeguarding children board) need to "
    r"improve\s*\??)\s*[.:]?$",
    re.I,
)
# Sub-headings inside an improvement list that start a new part of the same list
_REC_SUBHEAD = re.compile(r"^(?:areas for improvement|priority and immediate action)\s*:?$", re.I)
_TIMESCALE = re.compile(
    r"^(?:immediately|within \w+ (?:months?|weeks?)|in the (?:longer|medium|short) term|"
    r"by \w+ \d{4})\s*:?$",
    re.I,
)
# Section headings that always end a list or a paragraph.
_SECTION_HEADINGS = re.compile(
    r"^(?:summary|executive summary|summary of (?:key )?findings|contents|key findings|"
    r"information about this (?:inspection|local authority area|review|area)|"
    r"what does the .{2,40} need to improve\??|what needs to improve.*|recommendations|"
    r"record of main findings|section \d.*|summary for children and young people|"
    r"about this inspection|service information|overall effectiveness.*|"
    r"capacity (?:to|for) improve.*|outcomes for .*|quality of provision.*|"
    r"leadership and management.*|the inspection team|what the inspection judge?ments mean.*|"
    r"inspection findings.*|the (?:experiences and progress|impact of leaders) .*|"
    r"the local safeguarding children board.*|the effectiveness of the local safeguarding .*|"
    r"review of the effectiveness of .*|inspection judge?ments? about .*|"
    r"the inspection judgements and what they mean|children (?:who need help|looked after) .*|"
    r"adoption performance.*|experiences and progress of care leavers.*|"
    r"leadership, management and governance.*|the .{2,40}[’']s strengths|"
    r"progress since the last inspection|key strengths and weaknesses.*|"
    r"children living in this area|child protection in this area|"
    r"children looked after in this area|other (?:inspection|relevant) .*|"
    r"the effectiveness of (?:the )?(?:board|lscb).*|information about this review|"
    r"what the inspection judgements mean.*|the graded judge?ments? (?:for|about|on) .*|"
    r"key judge?ments?(?: judge?ment grade)?)$",
    re.I,
)
# Headings that never head a topic inside an improvement list
_MAJOR_SECTIONS = re.compile(
    r"(?i)^(?:the .{2,40}[’']s strengths|strengths|areas of strength|summary.*|"
    r"information about.*|progress since.*|"
    r"key strengths.*|inspection (?:judge?ments?|findings).*|what the inspection.*|"
    r"the inspection team|executive summary|contents|the experiences and progress.*|"
    r"the impact of leaders.*|the local safeguarding children board.*|section \d.*|"
    r"what does the .{2,40} need to improve\??|what needs to improve.*|recommendations)$"
)
# The sections paragraphs are cited under (ILACS, SIF and 2012-13 layouts)
_SECTION_NAMES = re.compile(
    r"(?i)^(?:the experiences and progress of .{5,90}|the impact of leaders .{5,80}|"
    r"leadership, management and governance|leadership and management|adoption performance|"
    r"experiences and progress of care leavers|children who need help and protection|"
    r"children looked after and achieving permanence|"
    r"(?:section \d:? )?the (?:local )?safeguarding children board(?: \(lscb\))?|"
    r"inspection findings\s*[–—─-]\s*the local safeguarding children board|"
    r"(?:section \d:? )?the local authority|summary of (?:key )?findings|about this inspection|"
    r"service information|overall effectiveness.{0,80}|capacity (?:to|for) improve(?:ment)?|"
    r"outcomes for (?:looked after )?children and young people|quality of provision|"
    r"areas for improvement|"
    r"the .{2,30}[’']s strengths|progress since the last inspection|"
    r"information about this local authority area|inspection judge?ments? about the .{3,40}|"
    r"key strengths and weaknesses of the .{3,60}|"
    r"the effectiveness of the (?:local safeguarding children board|lscb|board)(?: \(lscb\))?)$"
)


def _canonical_section(heading: str) -> str | None:
    """The name of a report section from its heading, or None for any other heading."""
    text = re.split(r"(?<=[a-z)])\.\s", heading, maxsplit=1)[0]  # never a following sentence
    text = _section_name(re.sub(r"\s+\d{1,3}$", "", text)).rstrip(".")
    text = re.sub(r"\s+(?:is|are)$", "", text)
    return text if _SECTION_NAMES.match(text) else None


_BACK_MATTER = re.compile(
    r"^(?:if you are not happy with the inspection|the office for standards in education|"
    r"ofsted produces this report|©\s*crown copyright|this publication is available at|"
    r"if you would like a copy of this document|you can use this information to)",
    re.I,
)
_ACTION_START = re.compile(
    r"(?i)^(?:ensure|improve|review|strengthen|develop|establish|take|increase|reduce|implement|"
    r"continue|provide|make|embed|monitor|evaluate|consider|undertake|complete|identify|raise|"
    r"use|work|address|set|put|clarify|secure|build|extend|enable|promote|prioritise|audit|"
    r"analyse|record|agree|engage|challenge|support|maintain|respond|hold|introduce|revise|"
    r"update|assess|streamline|collate|create|offer|produce|publish|recruit|reinforce|seek|"
    r"\w+ly|urgently|swiftly|robustly|"
    r"share|target|senior|leaders|managers|social workers|partners)\b"
)
# "16. There are no areas of priority action." is a numbered line, not an action
_NOTHING_TO_DO = re.compile(
    r"(?i)^(?:there (?:are|were) no (?:areas|priority)|the inspection did not (?:find|identify) any"
    r"|no areas (?:of|for) priority|no areas were identified|none\.?$)"
)
_FRAMEWORK = re.compile(r"\((?P<ref>[^()]*national framework)\)\s*\.?$", re.I)
_LSCB_SENTENCE = re.compile(
    r"^(?:the\s+)?(?:effectiveness\s+of\s+the\s+)?local\s+safeguarding\s+children\s+board\b", re.I
)
_LSCB_SECTION = re.compile(
    r"^(?:section 2\b.*|the local safeguarding children board(?: \(lscb\))?|"
    r"(?:review|inspection) of the effectiveness of the local safeguarding\b.*|"
    r"the effectiveness of the local safeguarding children board.*|"
    r"the local safeguarding children board (?:is|requires).*|"
    r"(?:the )?local safeguarding children board\s*(?:\(lscb\))?\s*)$",
    re.I,
)
_INSPECTOR = re.compile(
    r"^(?:lead\s+inspectors?|reporting\s+inspectors?|lead\s+hmi)\b(?:\s+on\s+site)?\s*:?\s*"
    r"(?P<name>.*)$",
    re.I,
)
_PUBLISHED = re.compile(
    r"^(?:report\s+published|date\s+published|published|publication\s+date|date\s+of\s+report|"
    r"report\s+date)\s*:?\s*(?P<date>.+)$",
    re.I,
)
_TABLE_HEAD = re.compile(r"^judgements?\s*grades?$", re.I)
_MAIN_FINDINGS = re.compile(r"^record of main findings\s*:?$", re.I)


def _join(parts: list[str]) -> str:
    """Join wrapped lines; a line-end hyphen inside a word keeps the hyphen ("pre-proceedings")."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out.endswith("-") and not out.endswith(" -") and re.match(r"[a-z]", p):
            out += p
        else:
            out = f"{out} {p}" if out else p
    return re.sub(r"\s+", " ", out).strip()


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _section_name(title: str) -> str:
    """'The experiences ... protection: requires improvement to be good' -> the name alone."""
    title = re.sub(rf"\s*(?::|\bis\b|\bare\b)?\s*{_GRADES}\s*\.?$", "", title, flags=re.I)
    title = re.sub(r"\s+requires?(?: improvement)?(?: to be)?$", "", title, flags=re.I)
    return title.strip(" :")


# ---- the parser for one report ---------------------------------------------------------------


@dataclass
class _Item:
    number: int | None
    parts: list[str]
    subs: list[str]
    page: int | None
    line_index: int


class ReportParser:
    """Parses the lines of one report segment. Lines are shared with the document."""

    def __init__(self, lines: list[Line], seg: Segment):
        self.lines = lines
        self.seg = seg
        lengths = sorted(
            len(lines[i].text)
            for i in range(seg.start, seg.end)
            if not lines[i].kind and len(lines[i].text) > 20
        )
        # the usual width of a full line of running text, in characters
        self.width = lengths[int(len(lengths) * 0.9)] if lengths else 90
        self._heading_cache: dict[int, bool] = {}
        # the LSCB judgement printed at the start of its section (SIF), outside the table
        self.lscb_judgement_lines: set[int] = set()
        # next/previous body line for every index, computed once
        n = seg.end
        self._is_body = [not line.kind and bool(line.text) for line in lines[:n]]
        self._next: list[int | None] = [None] * (n + 1)
        nxt: int | None = None
        for i in range(n - 1, seg.start - 1, -1):
            self._next[i] = nxt
            if self._is_body[i]:
                nxt = i
        self._prev: list[int | None] = [None] * (n + 1)
        prv: int | None = None
        for i in range(seg.start, n):
            self._prev[i] = prv
            if self._is_body[i]:
                prv = i

    # -- layout primitives ---------------------------------------------------------------------

    def body(self, i: int) -> bool:
        return self._is_body[i]

    def next_body(self, i: int) -> int | None:
        return self._next[i] if i < self.seg.end else None

    def prev_body(self, i: int) -> int | None:
        return self._prev[i] if self.seg.start <= i < self.seg.end else None

    def ended_early(self, i: int) -> bool:
        """Did line i stop before the right margin, where the next word would have fitted?"""
        line = self.lines[i]
        nxt = self.next_body(i)
        if nxt is None:
            return True
        if line.page is None:
            # one paragraph per line (text exports): a blank line or a new line ends it
            return True
        if self.lines[nxt].page != line.page:
            # the next line is on another page: judge by length alone
            return len(line.text) < self.width * 0.72
        first_word = self.lines[nxt].text.split(" ", 1)[0]
        return len(line.text) + 1 + len(first_word) < self.width * 0.86

    def after_sentence(self, i: int) -> bool:
        """Does the line before i finish a sentence or a heading (or is there none)?"""
        prev = self.prev_body(i)
        if prev is None:
            return True
        if self.lines[prev].page is None and not self.lines[i - 1].text:
            return True
        return _ends_sentence(self.lines[prev].text) or self.is_heading(prev)

    def starts_block(self, i: int) -> bool:
        """Does line i start a new block (the line before it ended a sentence, and ended early)?"""
        prev = self.prev_body(i)
        if prev is None:
            return True
        if self.lines[prev].page is None and not self.lines[i - 1].text:
            return True
        return self.ended_early(prev) and (
            _ends_sentence(self.lines[prev].text)
            or self.is_heading(prev)
            or len(self.lines[prev].text) < self.width * 0.6
        )

    def is_heading(self, i: int) -> bool:
        if i not in self._heading_cache:
            self._heading_cache[i] = False  # guards recursion through starts_block
            self._heading_cache[i] = self._is_heading(i)
        return self._heading_cache[i]

    def _is_heading(self, i: int) -> bool:
        line = self.lines[i]
        if not line.text or line.kind or line.bullet:
            return False
        prev = self._prev[i] if i < self.seg.end else None
        if prev is not None and self.lines[prev].page == line.page:
            prev_text = self.lines[prev].text
            if len(prev_text) >= self.width * 0.86 - 2 and not _ends_sentence(prev_text):
                return False  # the line before runs on into this one
        text = strip_marker(line.text)
        if not text or text[0].isdigit() and _PARA_RE.match(text):
            return False
        if "(grade " in text.lower():
            return False  # 2012-13 grading key rows inside a paragraph
        known = _SECTION_HEADINGS.match(text) or _REC_HEAD.match(text)
        nxt = self.next_body(i)
        if not known and nxt is not None and not _ends_sentence(text):
            # a known heading wrapped over two lines ("Leadership, management and" / "governance")
            following = self.lines[nxt]
            if following.page == line.page and len(following.text) < self.width * 0.7:
                known = _SECTION_HEADINGS.match(f"{text} {strip_marker(following.text)}")
        prev = self.prev_body(i)
        if known and (self.after_sentence(i) or (prev is not None and self.ended_early(prev))):
            return True
        if (_REC_HEAD.match(text) or _MAJOR_SECTIONS.match(text)) and (
            prev is None or self.lines[prev].page != line.page
        ):
            return True  # at the top of a page, after a sentence the PDF cut short
        if not self.starts_block(i):
            # a short topic heading between a finished sentence and a list item or paragraph
            nxt = self.next_body(i)
            return (
                self.after_sentence(i)
                and nxt is not None
                and len(text) < self.width * 0.6
                and not _ends_sentence(text)
                and re.match(r"^[A-Z]", text) is not None
                and (bool(self.lines[nxt].bullet) or bool(_PARA_RE.match(self.lines[nxt].text)))
            )
        if not re.match(r"^[A-Z0-9‘“'(]", text) or len(text.split()) > 16:
            return False
        if _ends_sentence(text) and not text.endswith((":", "?")):
            return False
        # a heading stands alone: it ends early, or wraps onto a short second line
        return self.ended_early(i) or self._wrapped_heading(i)

    def _wrapped_heading(self, i: int) -> bool:
        nxt = self.next_body(i)
        if nxt is None:
            return True
        t = self.lines[nxt].text
        return (
            (not _ends_sentence(t) or re.search(rf"{_GRADES}\.?$", t, re.I) is not None)
            and len(t) < self.width * 0.6
            and self.ended_early(nxt)
            and not _PARA_RE.match(t)
        )

    def heading_lines(self, i: int) -> list[int]:
        """The lines of the heading that starts at i: a heading in a large font wraps early, so
        a following short line continues it when it reads as a continuation."""
        out = [i]
        j = i
        while len(out) < 4:
            nxt = self.next_body(j)
            if nxt is None or self.lines[nxt].page != self.lines[i].page:
                break
            t = self.lines[nxt].text
            if _PARA_RE.match(t) or self.lines[nxt].bullet or len(t) > self.width * 0.8:
                break
            prev = self.lines[j].text
            if _ends_sentence(prev) or re.search(rf"(?i){_GRADES}\.?$", prev):
                break
            continues = (
                t[:1].islower()
                or re.match(rf"(?i)^(?:{_GRADES}|is\b|are\b|requires?\b|not judged)", t)
                or re.search(
                    r"(?i)\b(?:and|of|the|who|in|for|with|to|on|children|care|"
                    r"looked|after|achieving|progress|need|help)$",
                    prev,
                )
                or not self.ended_early(j)
            )
            if not continues:
                break
            out.append(nxt)
            j = nxt
        return out

    def heading_text(self, i: int) -> str:
        return _join([strip_marker(self.lines[k].text) for k in self.heading_lines(i)])

    def heading_span(self, i: int) -> int:
        """Index of the last line of the heading starting at i."""
        return self.heading_lines(i)[-1]

    # -- front matter --------------------------------------------------------------------------

    def title_parts(self) -> list[str]:
        return [
            strip_marker(self.lines[i].text)
            for i in range(self.seg.start, self.seg.dates_at)
            if self.lines[i].text and not re.fullmatch(r"\d{1,3}", self.lines[i].text)
        ]

    def report_type(self, title: str) -> str:
        t = title.lower().replace("’", "'")
        for kind, pattern in _TITLES:
            if pattern.search(t):
                return kind
        return "other"

    def council(self, parts: list[str], kind: str) -> str | None:
        t = re.sub(r"\s+", " ", " ".join(parts))
        title_idx = next((k for k, p in enumerate(parts) if _TITLE_START.match(p)), 0)
        above = " ".join(p for p in parts[:title_idx])
        candidates: list[str] = []
        m = re.search(
            rf"inspection of (?:the )?(?P<la>.+?)(?:\s+local authority)?\s+children{_APOS}?s?\s+"
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
        m = re.search(
            rf"(?:focused|monitoring) visit (?:to|of) (?P<la>.+?)(?: local authority)?"
            rf" children{_APOS}s services",
            t,
            re.I,
        )
        if m:
            candidates.append(m["la"])
        for cand in candidates:
            name = fields.clean_la_name(cand)
            if name:
                return name
        return None

    def front_matter(self) -> dict:
        parts = self.title_parts()
        kind = self.report_type(" ".join(parts))
        title_idx = next((k for k, p in enumerate(parts) if _TITLE_START.match(p)), 0)
        out: dict = {
            "report_type": kind,
            "title": " ".join(parts[title_idx:]) or None,
            "local_authority": self.council(parts, kind),
        }
        rest = _DATES_LINE.match(self.lines[self.seg.dates_at].text)["rest"]  # type: ignore[index]
        nxt = self.next_body(self.seg.dates_at)
        if (
            nxt is not None
            and not re.search(r"\b(?:19|20)\d{2}\s*$", rest)
            and re.match(r"(?i)^(?:\d{1,2}\b|[a-z]+ (?:19|20)\d{2})", self.lines[nxt].text)
        ):
            rest += " " + self.lines[nxt].text  # the dates wrap onto the next line
        out["inspection_start"], out["inspection_end"] = fields.parse_date_range(rest)
        out["published"] = None
        for i in range(self.seg.dates_at, min(self.seg.end, self.seg.dates_at + 12)):
            m = _PUBLISHED.match(self.lines[i].text)
            if m:
                out["published"] = fields.parse_date(m["date"])
                break
        out["lead_inspector"] = self.lead_inspector()
        return out

    def lead_inspector(self) -> str | None:
        for i in range(self.seg.start, self.seg.end):
            if not self.body(i):
                continue
            m = _INSPECTOR.match(self.lines[i].text)
            if not m:
                continue
            name = m["name"].strip()
            nxt = self.next_body(i)
            if nxt is not None and (not name or re.search(r"(?:,|\band)$", name)):
                name += " " + self.lines[nxt].text
            cleaned = fields.clean_inspector(name)
            if cleaned:
                return cleaned
        return None

    # -- judgements ----------------------------------------------------------------------------

    def judgements(self, kind: str) -> tuple[list[Judgement], set[int], int]:
        seg = self.seg
        for i in range(seg.dates_at, min(seg.end, seg.dates_at + 20)):
            if _TABLE_HEAD.match(self.lines[i].text):
                return self._rows(i + 1, allow_other=False, last_key="overall_effectiveness")
        if kind in {"looked_after_children", "child_protection", "safeguarding_and_lac"}:
            for i in range(seg.start, seg.end):
                if _MAIN_FINDINGS.match(self.lines[i].text):
                    return self._rows(i + 1, allow_other=True, last_key=None)
        rows, used, end = self._rows(
            seg.dates_at + 1, allow_other=False, last_key="lscb", max_lines=45
        )
        if kind == "sif" and rows and not any(j.key == "lscb" for j in rows):
            found = self._lscb_judgement(end)
            if found:
                rows.append(found[0])
                self.lscb_judgement_lines = found[1]
        return rows, used, end

    def _prose(self, i: int) -> bool:
        text = self.lines[i].text
        if self.lines[i].page is None:
            return len(text) > 140
        return len(text) >= self.width * 0.7 and _ends_sentence(text)

    def _rows(self, start: int, allow_other: bool, last_key: str | None, max_lines: int = 40):
        """Judgement rows from `start`: a label (perhaps wrapped) ending with, or followed by, a
        grade. Stops after `last_key`, or at running prose once the table has its rows."""
        rows: list[Judgement] = []
        used: set[int] = set()
        pending: list[tuple[int, str]] = []
        seen: set[str] = set()
        end = start
        i = start
        while i < self.seg.end and i - start < max_lines:
            line = self.lines[i]
            text = strip_marker(line.text) if not line.kind else ""
            i += 1
            if not text or _PUBLISHED.match(text) or _INSPECTOR.match(text):
                continue
            if rows and re.fullmatch(r"(?i)to be good\.?", text) and not pending:
                # "Requires improvement" / "to be good" wrapped in a narrow grade column
                if rows[-1].grade == "requires_improvement":
                    used.add(i - 1)
                    continue
            if _ROW_START.match(text) or (
                pending and _ends_sentence(pending[-1][1]) and self._prose(pending[-1][0])
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
                    and not re.search(
                        r"\b(?:of|for|to|the|be|as|and|very|not|a|is not)$", label, re.I
                    )
                    and (key != "other" or allow_other)
                    and (key not in seen or key == "other")
                ):
                    grade = fields.grade_key(re.sub(r"\s+", " ", m["grade"]))
                    rows.append(Judgement(printed=label, key=key, grade=grade))
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
            if self._prose(i - 1):
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
        return rows, used, end

    def _lscb_judgement(self, after: int):
        for i in range(after, self.seg.end):
            text = self.lines[i].text
            if not self.body(i) or not _LSCB_SENTENCE.match(text):
                continue
            joined, used = text, {i}
            nxt = self.next_body(i)
            if (
                not fields.GRADE_RE.search(text)
                and nxt is not None
                and (
                    self.lines[nxt].text[:1].islower()
                    or re.match(rf"(?i)^{_GRADES}", self.lines[nxt].text)
                )
            ):
                joined = f"{text} {self.lines[nxt].text}"
                used.add(nxt)
            m = fields.GRADE_RE.search(joined)
            if not m:
                continue
            label = joined[: m.start()].strip(" :")
            if len(label) > 110 or re.search(r"\b(?:of|for|to|the|be)$", label):
                continue
            return Judgement(label, "lscb", fields.grade_key(m["grade"])), used
        return None

    # -- improvement lists ---------------------------------------------------------------------

    def recommendations(self, body_start: int, lscb_start: int | None, kind: str):
        la_items: list[_Item] = []
        lscb_items: list[_Item] = []
        claimed: set[int] = set()
        i = body_start
        while i < self.seg.end:
            text = strip_marker(self.lines[i].text)
            if (
                not self.body(i)
                or self.lines[i].bullet
                or not _REC_HEAD.match(text)
                or not self.is_heading(i)
            ):
                i += 1
                continue
            items, end = self._collect_list(i + 1)
            if items and items[0].number is not None:
                first = _join(items[0].parts)
                if not (_reads_as_action(first) or _NOTHING_TO_DO.match(first)):
                    items = []  # numbered findings under a misplaced heading, not actions
            in_lscb = lscb_start is not None and i >= lscb_start
            target = lscb_items if in_lscb else la_items
            if items and (not target or kind == "sif" or in_lscb):
                target.extend(items)
                claimed.update(item.line_index for item in items)
            i = max(end, i + 1)
        return self._to_recs(la_items), self._to_recs(lscb_items), claimed

    def _is_theme(self, i: int, expected: int | None = None) -> bool:
        """A topic heading inside a list ("Workforce development"), not a new section."""
        text = strip_marker(self.lines[i].text)
        if _MAJOR_SECTIONS.match(text):
            return False
        nxt = self.next_body(self.heading_span(i))
        if nxt is None:
            return False
        line = self.lines[nxt]
        para = _PARA_RE.match(line.text)
        if _TIMESCALE.match(line.text) or _REC_SUBHEAD.match(text):
            return True
        if not (line.bullet or para):
            return False
        if para and expected is not None and int(para["num"]) != expected:
            return False
        if not re.match(r"(?i)^(?:the|key|what|how|our|this|these)\b", text):
            return True
        # after a longer heading, what follows must read as an action, not as a finding
        first = para["text"] if para else line.text
        return _reads_as_action(first)

    def _collect_list(self, start: int) -> tuple[list[_Item], int]:
        """The items of an improvement list whose heading is just before `start`.

        Items are bulleted or numbered; a wrapped line continues the current item and a
        sub-bullet joins its lead-in with "; ". The list ends at a section heading, at prose that
        follows a finished item, or at a numbered findings paragraph that is not the next item.
        """
        items: list[_Item] = []
        numbered: bool | None = None
        lead_in: _Item | None = None
        i = start
        last = start
        while i < self.seg.end:
            line = self.lines[i]
            if not self.body(i):
                i += 1
                continue
            text = line.text
            para = _PARA_RE.match(text)
            if _TIMESCALE.match(text) or (_REC_SUBHEAD.match(text) and self.is_heading(i)):
                i += 1
                last = i
                continue
            if line.bullet == "top" or (line.bullet == "sub" and not items):
                cur = items[-1] if items else None
                if (
                    cur
                    and cur.number is not None
                    and len(items) == 1
                    and not _join(cur.parts).endswith(":")
                    and not _ACTION_START.match(_join(cur.parts))
                ):
                    # 2012-13: a numbered lead-in paragraph ("In order to improve ...")
                    # introduces the bulleted items
                    lead_in = items.pop()
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
                and (
                    not items
                    or items[-1].number is None
                    or int(para["num"]) == items[-1].number + 1
                )
                and (items or self.starts_block(i) or numbered is None)
            ):
                if items and items[-1].number is None:
                    break
                items.append(_Item(int(para["num"]), [para["text"]], [], line.page, i))
                numbered = True
            elif self.is_heading(i):
                expected = items[-1].number + 1 if items and items[-1].number else None
                if not items and _MAJOR_SECTIONS.match(strip_marker(text)):
                    break  # an empty list: the next section follows its heading directly
                if not items or self._is_theme(i, expected):
                    i = self.heading_span(i) + 1
                    last = i
                    continue
                break
            elif not items:
                # lead-in prose before the first item ("In order to improve ... will:"); prose
                # that ends without introducing items means the list is written as prose
                if para or i - start > 8:
                    break
                nxt = self.next_body(i)
                if (
                    _ends_sentence(text)
                    and not text.endswith(":")
                    and not (
                        nxt is not None
                        and (
                            self.lines[nxt].bullet
                            or _TIMESCALE.match(self.lines[nxt].text)
                            or _PARA_RE.match(self.lines[nxt].text)
                        )
                    )
                ):
                    break
                i += 1
                continue
            else:
                cur = items[-1]
                if para or self.starts_block(i):
                    break
                if cur.subs:
                    cur.subs[-1] = _join([cur.subs[-1], text])
                else:
                    cur.parts.append(text)
            last = i + 1
            i += 1
        del lead_in
        return items, last

    def _to_recs(self, items: list[_Item]) -> list[Recommendation]:
        recs = []
        items = [it for it in items if not _NOTHING_TO_DO.match(_join(it.parts))]
        for k, item in enumerate(items, start=1):
            text = _join(item.parts)
            if item.subs:
                text = "; ".join([t for t in [text] + [_join([s]) for s in item.subs] if t])
            if not text:
                continue
            m = _FRAMEWORK.search(text)
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

    # -- paragraphs ----------------------------------------------------------------------------

    def paragraph_chain(self, exclude: set[int]) -> list[int]:
        """Lines that start numbered paragraphs.

        The best run numbered n, n+1, n+2 ... in document order, tolerating one number the PDF
        lost ("14." then "16."); then further runs that restart at 1 after it (a report printed
        with a separately numbered part, such as a 2014 LSCB review).
        """
        cands: list[tuple[int, int]] = []
        for i in range(self.seg.start, self.seg.end):
            line = self.lines[i]
            if line.kind or i in exclude or line.bullet == "top":
                continue
            m = _PARA_RE.match(line.text)
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

    def paragraphs(self, exclude: set[int], claimed: set[int]) -> list[Paragraph]:
        chain = self.paragraph_chain(exclude)
        if len(chain) < 2:
            return []
        chain_set = set(chain)
        headings: dict[int, str] = {}
        i = self.seg.start
        while i < self.seg.end:
            if i not in chain_set and i not in exclude and self.is_heading(i):
                span = self.heading_lines(i)
                headings[i] = _join([strip_marker(self.lines[k].text) for k in span])
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
                name = _canonical_section(headings[order[h]]) if headings[order[h]] else None
                if name:
                    section = name
                h += 1
            stop = chain[k + 1] if k + 1 < len(chain) else self.seg.end
            first = _PARA_RE.match(self.lines[idx].text)
            parts = [first["text"]]  # type: ignore[index]
            j = idx + 1
            while j < stop:
                line = self.lines[j]
                if j in exclude or (j in headings and not _TIMESCALE.match(line.text)):
                    break
                if self.body(j):
                    if _BACK_MATTER.match(line.text):
                        break
                    parts.append(line.text)
                j += 1
            if idx in claimed:
                continue
            out.append(
                Paragraph(
                    section=section,
                    number=int(first["num"]),  # type: ignore[index]
                    text=_join(parts),
                    page=self.lines[idx].page,
                )
            )
        return out

    def _near_start(self, i: int) -> bool:
        dates = self.lines[self.seg.dates_at]
        if dates.page is not None and self.lines[i].page is not None:
            return self.lines[i].page <= dates.page + 1
        # no pages: near the start means before any numbered paragraph
        return not any(_PARA_RE.match(self.lines[k].text) for k in range(self.seg.dates_at + 1, i))

    # -- whole report --------------------------------------------------------------------------

    def parse(self, source: Source) -> ExtractedReport:
        front = self.front_matter()
        kind = front["report_type"]
        judgements, table_lines, table_end = self.judgements(kind)
        body_start = self.seg.dates_at + 1
        if table_lines and self._near_start(min(table_lines)):
            # the report body starts after a judgement table printed with the title
            body_start = max(body_start, table_end, max(table_lines) + 1)
        lscb_start = None
        if kind in {"sif", "other"}:
            for i in range(body_start, self.seg.end):
                text = self.lines[i].text
                if (
                    self.body(i)
                    and i not in table_lines
                    and i not in self.lscb_judgement_lines
                    and _LSCB_SECTION.match(text)
                    and not re.search(r"\s\d{1,3}$", text)
                ):
                    lscb_start = i
                    break
        recs, lscb_recs, claimed = self.recommendations(body_start, lscb_start, kind)
        paragraphs = self.paragraphs(table_lines | self.lscb_judgement_lines, claimed)
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


_FINDING_START = re.compile(
    r"(?i)^(?:the|a|an|this|these|there|it|its|in|most|many|some|all|children|young|since|"
    r"following|over|during|at|when|while|although|despite|overall|inspectors|no)\b"
)


def _reads_as_action(text: str) -> bool:
    """Does an item read as something to do ("Ensure ...", "Leaders should ...") rather than as
    a finding ("The board demonstrates ...")? Imperatives are the rule in improvement lists."""
    head = text[:160]
    if re.search(r"\b(?:should|must|needs? to|is to|are to|will need)\b", head):
        return True
    if re.match(r"(?i)^(?:the|all) [\w’' ,]{2,60}? to [a-z]+\b", head):
        return True  # "The local authority to work with partners ..."
    return not _FINDING_START.match(head)


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


def parse_lines(lines: list[Line], source: Source) -> list[ExtractedReport]:
    """Every report found in the document's lines."""
    reports = []
    for seg in find_reports(lines):
        part = lines[seg.start : seg.end]
        title = " ".join(lines[k].text for k in range(seg.title_at, seg.dates_at))
        mark_page_furniture(part, set(range(0, seg.dates_at - seg.start + 1)), title)
        mark_footnotes(part)
        report = ReportParser(lines, seg).parse(replace(source))
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
