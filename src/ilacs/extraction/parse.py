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
from .patterns import (
    ACTION_START,
    APOS,
    BACK_MATTER,
    FRAMEWORK,
    GRADES,
    INSPECTOR,
    LSCB_SECTION,
    LSCB_SENTENCE,
    MAIN_FINDINGS,
    MAJOR_SECTIONS,
    NOTHING_TO_DO,
    PARA_RE,
    PUBLISHED,
    REC_HEAD,
    REC_SUBHEAD,
    ROW_START,
    SECTION_HEADINGS,
    TABLE_HEAD,
    TIMESCALE,
    canonical_section,
    ends_sentence,
    join_wrapped,
    reads_as_action,
)
from .segments import DATES_LINE, TITLE_START, TITLES, Segment, find_reports

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
        # numbered paragraphs that only introduce a list of actions (2012-13)
        self.lead_ins: set[int] = set()
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
        return ends_sentence(self.lines[prev].text) or self.is_heading(prev)

    def starts_block(self, i: int) -> bool:
        """Does line i start a new block (the line before it ended a sentence, and ended early)?"""
        prev = self.prev_body(i)
        if prev is None:
            return True
        if self.lines[prev].page is None and not self.lines[i - 1].text:
            return True
        return self.ended_early(prev) and (
            ends_sentence(self.lines[prev].text)
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
            if len(prev_text) >= self.width * 0.86 - 2 and not ends_sentence(prev_text):
                return False  # the line before runs on into this one
        text = strip_marker(line.text)
        if not text or text[0].isdigit() and PARA_RE.match(text):
            return False
        if "(grade " in text.lower():
            return False  # 2012-13 grading key rows inside a paragraph
        known = SECTION_HEADINGS.match(text) or REC_HEAD.match(text)
        nxt = self.next_body(i)
        if not known and nxt is not None and not ends_sentence(text):
            # a known heading wrapped over two lines ("Leadership, management and" / "governance")
            following = self.lines[nxt]
            if following.page == line.page and len(following.text) < self.width * 0.7:
                known = SECTION_HEADINGS.match(f"{text} {strip_marker(following.text)}")
        prev = self.prev_body(i)
        if known and (self.after_sentence(i) or (prev is not None and self.ended_early(prev))):
            return True
        if (REC_HEAD.match(text) or MAJOR_SECTIONS.match(text)) and (
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
                and not ends_sentence(text)
                and re.match(r"^[A-Z]", text) is not None
                and (bool(self.lines[nxt].bullet) or bool(PARA_RE.match(self.lines[nxt].text)))
            )
        if not re.match(r"^[A-Z0-9‘“'(]", text) or len(text.split()) > 16:
            return False
        if ends_sentence(text) and not text.endswith((":", "?")):
            return False
        # a heading stands alone: it ends early, or wraps onto a short second line
        return self.ended_early(i) or self._wrapped_heading(i)

    def _wrapped_heading(self, i: int) -> bool:
        nxt = self.next_body(i)
        if nxt is None:
            return True
        t = self.lines[nxt].text
        return (
            (not ends_sentence(t) or re.search(rf"{GRADES}\.?$", t, re.I) is not None)
            and len(t) < self.width * 0.6
            and self.ended_early(nxt)
            and not PARA_RE.match(t)
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
            if PARA_RE.match(t) or self.lines[nxt].bullet or len(t) > self.width * 0.8:
                break
            prev = self.lines[j].text
            if ends_sentence(prev) or re.search(rf"(?i){GRADES}\.?$", prev):
                break
            continues = (
                t[:1].islower()
                or re.match(rf"(?i)^(?:{GRADES}|is\b|are\b|requires?\b|not judged)", t)
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
        return join_wrapped([strip_marker(self.lines[k].text) for k in self.heading_lines(i)])

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
        for kind, pattern in TITLES:
            if pattern.search(t):
                return kind
        return "other"

    def council(self, parts: list[str], kind: str) -> str | None:
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

    def front_matter(self) -> dict:
        parts = self.title_parts()
        kind = self.report_type(" ".join(parts))
        title_idx = next((k for k, p in enumerate(parts) if TITLE_START.match(p)), 0)
        out: dict = {
            "report_type": kind,
            "title": " ".join(parts[title_idx:]) or None,
            "local_authority": self.council(parts, kind),
        }
        dates_line = DATES_LINE.match(self.lines[self.seg.dates_at].text)
        if dates_line:
            rest = dates_line["rest"]
        else:
            # a letter: "This letter summarises the findings of the focused visit ... on 10 and
            # 11 May 2023." The dates are in its first sentence.
            rest = self._letter_sentence(self.seg.dates_at)
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
            m = PUBLISHED.match(self.lines[i].text)
            if m:
                out["published"] = fields.parse_date(m["date"])
                break
        out["lead_inspector"] = self.lead_inspector()
        return out

    def _letter_sentence(self, i: int) -> str:
        parts = [self.lines[i].text]
        j = i
        while not ends_sentence(parts[-1]) and len(parts) < 4:
            nxt = self.next_body(j)
            if nxt is None:
                break
            parts.append(self.lines[nxt].text)
            j = nxt
        text = join_wrapped(parts)
        m = re.search(r"(?:\bon|\bbetween|\bfrom)\s+\d.*", text)
        return (m.group(0) if m else text).split(". ")[0]

    def _signed_by(self) -> str | None:
        """The inspector who signs a letter ("Yours sincerely", a name, "Inspector")."""
        for i in range(self.seg.end - 1, self.seg.dates_at, -1):
            if not self.body(i) or not re.match(
                r"(?i)^yours (?:sincerely|faithfully)", self.lines[i].text
            ):
                continue
            nxt = self.next_body(i)
            if nxt is None:
                return None
            after = self.next_body(nxt)
            signature = self.lines[nxt].text
            if after is not None and re.search(r"(?i)inspector|\bHMI\b", self.lines[after].text):
                signature += ", " + self.lines[after].text
            return fields.clean_inspector(signature)
        return None

    def lead_inspector(self) -> str | None:
        for i in range(self.seg.start, self.seg.end):
            if not self.body(i):
                continue
            m = INSPECTOR.match(self.lines[i].text)
            if not m:
                continue
            name = m["name"].strip()
            nxt = self.next_body(i)
            if nxt is not None and (not name or re.search(r"(?:,|\band)$", name)):
                name += " " + self.lines[nxt].text
            cleaned = fields.clean_inspector(name)
            if cleaned:
                return cleaned
        return self._signed_by()

    # -- judgements ----------------------------------------------------------------------------

    def judgements(self, kind: str) -> tuple[list[Judgement], set[int], int]:
        seg = self.seg
        for i in range(seg.dates_at, min(seg.end, seg.dates_at + 20)):
            if TABLE_HEAD.match(self.lines[i].text):
                return self._rows(i + 1, allow_other=False, last_key="overall_effectiveness")
        if kind in {"looked_after_children", "child_protection", "safeguarding_and_lac"}:
            for i in range(seg.start, seg.end):
                if MAIN_FINDINGS.match(self.lines[i].text):
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
        return len(text) >= self.width * 0.7 and ends_sentence(text)

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
                pending and ends_sentence(pending[-1][1]) and self._prose(pending[-1][0])
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
                    printed_grade = fields.grade_words(m["grade"])
                    rows.append(Judgement(label, key, grade, printed_grade))
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
            if not self.body(i) or not LSCB_SENTENCE.match(text):
                continue
            joined, used = text, {i}
            nxt = self.next_body(i)
            if (
                not fields.GRADE_RE.search(text)
                and nxt is not None
                and (
                    self.lines[nxt].text[:1].islower()
                    or re.match(rf"(?i)^{GRADES}", self.lines[nxt].text)
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
            grade = fields.grade_key(m["grade"])
            return Judgement(label, "lscb", grade, fields.grade_words(m["grade"])), used
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
                or not REC_HEAD.match(text)
                or not self.is_heading(i)
            ):
                i += 1
                continue
            items, end = self._collect_list(i + 1)
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
        return self._to_recs(la_items), self._to_recs(lscb_items), claimed

    def _is_theme(self, i: int, expected: int | None = None) -> bool:
        """A topic heading inside a list ("Workforce development"), not a new section."""
        text = strip_marker(self.lines[i].text)
        if MAJOR_SECTIONS.match(text):
            return False
        nxt = self.next_body(self.heading_span(i))
        if nxt is None:
            return False
        line = self.lines[nxt]
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

    def _collect_list(self, start: int) -> tuple[list[_Item], int]:
        """The items of an improvement list whose heading is just before `start`.

        Items are bulleted or numbered; a wrapped line continues the current item and a
        sub-bullet joins its lead-in with "; ". The list ends at a section heading, at prose that
        follows a finished item, or at a numbered findings paragraph that is not the next item.
        """
        items: list[_Item] = []
        numbered: bool | None = None
        i = start
        last = start
        while i < self.seg.end:
            line = self.lines[i]
            if not self.body(i):
                i += 1
                continue
            text = line.text
            para = PARA_RE.match(text)
            if TIMESCALE.match(text) or (REC_SUBHEAD.match(text) and self.is_heading(i)):
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
                    self.lead_ins.add(items.pop().line_index)
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
                if not items and MAJOR_SECTIONS.match(strip_marker(text)):
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
                    ends_sentence(text)
                    and not text.endswith(":")
                    and not (
                        nxt is not None
                        and (
                            self.lines[nxt].bullet
                            or TIMESCALE.match(self.lines[nxt].text)
                            or PARA_RE.match(self.lines[nxt].text)
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
                    cur.subs[-1] = join_wrapped([cur.subs[-1], text])
                else:
                    cur.parts.append(text)
            last = i + 1
            i += 1
        return items, last

    def _to_recs(self, items: list[_Item]) -> list[Recommendation]:
        recs = []
        items = [it for it in items if not NOTHING_TO_DO.match(join_wrapped(it.parts))]
        for k, item in enumerate(items, start=1):
            text = join_wrapped(item.parts)
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
                headings[i] = join_wrapped([strip_marker(self.lines[k].text) for k in span])
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
            stop = chain[k + 1] if k + 1 < len(chain) else self.seg.end
            first = PARA_RE.match(self.lines[idx].text)
            parts = [first["text"]]  # type: ignore[index]
            j = idx + 1
            while j < stop:
                line = self.lines[j]
                if j in exclude or (j in headings and not TIMESCALE.match(line.text)):
                    break
                if self.body(j):
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
                    page=self.lines[idx].page,
                )
            )
        return out

    def _near_start(self, i: int) -> bool:
        dates = self.lines[self.seg.dates_at]
        if dates.page is not None and self.lines[i].page is not None:
            return self.lines[i].page <= dates.page + 1
        # no pages: near the start means before any numbered paragraph
        return not any(PARA_RE.match(self.lines[k].text) for k in range(self.seg.dates_at + 1, i))

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
                    and LSCB_SECTION.match(text)
                    and not re.search(r"\s\d{1,3}$", text)
                ):
                    lscb_start = i
                    break
        recs, lscb_recs, claimed = self.recommendations(body_start, lscb_start, kind)
        claimed |= self.lead_ins
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
