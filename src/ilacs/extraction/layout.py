"""The layout of one report's lines: its usual line width, where blocks start and which lines
are headings.

Layout is recovered from text alone (no font or position data, which keeps extraction within a
small factor of raw text extraction): a line that stops well short of the page's usual line
width, where the next word would have fitted, ended on purpose. Headings, list ends and
paragraph ends are all found that way.

`read_layout` is the first stage of parsing a report; the later stages (front matter,
judgements, improvement lists, paragraphs) only read the `Layout` it returns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from .lines import Line, strip_marker
from .patterns import (
    GRADES,
    MAJOR_SECTIONS,
    PARA_RE,
    REC_HEAD,
    SECTION_HEADINGS,
    ends_sentence,
    join_wrapped,
)
from .segments import Segment


class Layout:
    """One report's lines (indexed as in the whole document) with their layout worked out.

    Built once by `read_layout` and not changed afterwards.
    """

    __slots__ = (
        "lines",
        "start",
        "end",
        "dates_at",
        "width",
        "_is_body",
        "_next",
        "_prev",
        "_headings",
    )

    def __init__(self, lines: Sequence[Line], seg: Segment):
        self.lines = lines
        self.start = seg.start
        self.end = seg.end  # exclusive
        self.dates_at = seg.dates_at
        lengths = sorted(
            len(lines[i].text)
            for i in range(seg.start, seg.end)
            if not lines[i].kind and len(lines[i].text) > 20
        )
        # the usual width of a full line of running text, in characters
        self.width: int = lengths[int(len(lengths) * 0.9)] if lengths else 90
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
        # Whether a line is a heading depends only on the lines before it, so finding them in
        # line order settles each one before any later line asks about it.
        found: set[int] = set()
        self._headings: AbstractSet[int] = found
        for i in range(seg.start, seg.end):
            if self._is_heading(i):
                found.add(i)
        self._headings = frozenset(found)

    def body(self, i: int) -> bool:
        """Is line i running text (not blank, not page furniture or a footnote)?"""
        return self._is_body[i]

    def next_body(self, i: int) -> int | None:
        return self._next[i] if i < self.end else None

    def prev_body(self, i: int) -> int | None:
        return self._prev[i] if self.start <= i < self.end else None

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

    def prose(self, i: int) -> bool:
        """Is line i a full-width line of running text that ends a sentence?"""
        text = self.lines[i].text
        if self.lines[i].page is None:
            return len(text) > 140
        return len(text) >= self.width * 0.7 and ends_sentence(text)

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
        return i in self._headings

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
        """The text of the heading that starts at i, over all its lines."""
        return join_wrapped([strip_marker(self.lines[k].text) for k in self.heading_lines(i)])

    def heading_span(self, i: int) -> int:
        """Index of the last line of the heading starting at i."""
        return self.heading_lines(i)[-1]

    def _is_heading(self, i: int) -> bool:
        line = self.lines[i]
        if not line.text or line.kind or line.bullet:
            return False
        prev = self._prev[i] if i < self.end else None
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


def read_layout(lines: Sequence[Line], seg: Segment) -> Layout:
    """The layout of the report in `seg`: its line width, body lines and headings."""
    return Layout(lines, seg)
