"""Pages of text -> cleaned lines, with running headers, page numbers and footnotes marked.

PDF text from pypdfium2 keeps each printed line; text and DOCX inputs often hold a whole paragraph
on one line. Everything downstream works on `Line`s so that both look the same.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Bullet glyphs seen in Ofsted reports: Wingdings/Symbol private-use glyphs, squares and dots.
TOP_BULLETS = "\uf0b7\uf06e\uf0a7\uf0be\uf0d8\uf076\uf0fc◼■▪●•◆♦➢➤►▶·*"
_TOP_RE = re.compile(rf"^\s*[{re.escape(TOP_BULLETS)}](?:\s+|(?=[A-Za-z‘“'\"(]))")
SUB_BULLETS = "\uf02d─―–−\u0335\u0336⁃◦▫"
_SUB_RE = re.compile(rf"^(?:[{SUB_BULLETS}]|o(?=\s)|-(?=\s))\s*")
# Markdown-ish text exports write "- item"; treat a leading "- " as a top-level bullet there.
_DASH_RE = re.compile(r"^\s*[-–]\s+(?=\S)")

_NUMBERED = re.compile(r"^\d{1,3}\.\s")

NOISE = "noise"  # running header/footer or page number
FOOTNOTE = "footnote"


@dataclass(slots=True)
class Line:
    page: int | None  # 1-based physical page, None for an input without pages
    lineno: int  # 1-based line number in the document's text
    text: str  # whitespace-normalised, bullet glyph removed
    bullet: str = ""  # "" | "top" | "sub"
    kind: str = ""  # "" | NOISE | FOOTNOTE

    @property
    def body(self) -> bool:
        return not self.kind


_REPLACEMENTS = (
    ("\r\n", "\n"),
    ("\r", "\n"),
    ("\ufffe", "-"),
    ("\u00ad", "-"),
    ("\u202f", " "),
    ("\u00a0", " "),
    ("\u2009", " "),
    ("\t", "  "),
)
_MULTISPACE = re.compile(r"[ ]{3,}")


def clean_page(text: str) -> str:
    """Normalise a page: line ends, soft line-end hyphens (pdfium's U+FFFE), odd spaces, tabs."""
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return _MULTISPACE.sub("  ", text) if "   " in text else text


def split_bullet(text: str, dash_bullets: bool) -> tuple[str, str]:
    """Return ("top" | "sub" | "", text without its bullet glyph)."""
    m = _TOP_RE.match(text)
    if m:
        return "top", text[m.end() :].strip()
    if dash_bullets:
        m = _DASH_RE.match(text)
        if m:
            return "top", text[m.end() :].strip()
    m = _SUB_RE.match(text)
    if m:
        return "sub", text[m.end() :].strip()
    return "", text


def make_lines(pages: list[str], paged: bool) -> list[Line]:
    """Split pages into Lines; blank lines are kept as empty text (they separate paragraphs)."""
    lines: list[Line] = []
    lineno = 0
    raw_pages = [clean_page(p) for p in pages]
    # A text export from Word or markdown uses "- item" for bullets; PDFs use glyphs.
    dash_bullets = not paged or sum(p.count("\n- ") for p in raw_pages) > 3
    bullet_start = set(TOP_BULLETS) | set(SUB_BULLETS) | {"o", "-"}
    for i, page in enumerate(raw_pages):
        page_no = i + 1 if paged else None
        for raw in page.split("\n"):
            lineno += 1
            text = raw.strip()
            bullet = ""
            if text and text[0] in bullet_start:
                bullet, text = split_bullet(text, dash_bullets)
                if bullet and _NUMBERED.match(text):
                    bullet = ""  # "- 12. Text": a converter's list mark on a numbered paragraph
            lines.append(Line(page_no, lineno, text, bullet))
    return lines


_PAGE_NUMBER_RE = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def mark_page_furniture(
    lines: list[Line], protect: set[int] | None = None, title: str | None = None
) -> None:
    """Mark running headers/footers and page numbers as NOISE.

    A line near the top or bottom of a page whose shape (digits ignored) recurs at the top or
    bottom of at least three pages and a quarter of all pages is a running header or footer.
    Lines whose index is in `protect` (a report's title block) are never marked.
    """
    protect = protect or set()
    if title:
        _mark_title_headers(lines, title, protect)
    by_page: dict[int, list[int]] = {}
    for idx, line in enumerate(lines):
        if line.page is not None and line.text:
            by_page.setdefault(line.page, []).append(idx)
    if len(by_page) < 2:
        return
    edge: dict[int, list[int]] = {}
    counts: Counter[str] = Counter()
    for page, idxs in by_page.items():
        cands = idxs[:3] + idxs[-3:]
        edge[page] = list(dict.fromkeys(cands))
        for shape in {_shape(lines[i].text) for i in edge[page]}:
            counts[shape] += 1
    threshold = max(3, len(by_page) // 4)
    for page, idxs in edge.items():
        for pos, i in enumerate(by_page[page]):
            if i not in idxs:
                continue
            if i in protect:
                continue
            text = lines[i].text
            is_top = pos < 3
            is_bottom = pos >= len(by_page[page]) - 3
            shape = _shape(text)
            numbered = (shape.startswith("# ") or shape.endswith(" #")) and len(shape) > 12
            if (
                counts[shape] >= threshold
                or (numbered and counts[shape] >= 3)  # "4 Inspection of ...: Hull" on a part
                or ((is_top or is_bottom) and _PAGE_NUMBER_RE.match(text))
            ):
                lines[i].kind = NOISE
    # A page number printed on its own line right after a marked header (ILACS: date + number).
    for idxs in by_page.values():
        for i in idxs[:4]:
            if lines[i].kind == "" and _PAGE_NUMBER_RE.match(lines[i].text) and i not in protect:
                lines[i].kind = NOISE


def _squash(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _mark_title_headers(lines: list[Line], title: str, protect: set[int]) -> None:
    """ILACS pages repeat the report title at the top, then its dates and the page number; found
    by matching the title itself, so a two-page report is cleaned too."""
    want = _squash(title)
    if len(want) < 20:
        return
    first_on_page: dict[int, int] = {}
    for idx, line in enumerate(lines):
        if line.page is not None and line.text and line.page not in first_on_page:
            first_on_page[line.page] = idx
    for idx in first_on_page.values():
        if idx in protect:
            continue
        got, j, end = "", idx, idx
        while j < len(lines) and j - idx < 3 and lines[j].page == lines[idx].page:
            got += _squash(lines[j].text)
            if got == want:
                end = j
                break
            if not want.startswith(got):
                break
            j += 1
        else:
            continue
        if got != want:
            continue
        for k in range(idx, end + 1):
            lines[k].kind = NOISE
        nxt = end + 1
        if nxt < len(lines) and re.search(r"\b(?:19|20)\d{2}\s+\d{1,3}$", lines[nxt].text):
            lines[nxt].kind = NOISE  # "13 to 24 March 2023 2"


_FOOTNOTE_START = re.compile(r"^(\d{1,2})(?:\s+(?=\S)|$)")
_MONTH_START = re.compile(
    r"^\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b",
    re.I,
)
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def mark_footnotes(lines: list[Line]) -> None:
    """Mark footnotes at the foot of each page.

    A footnote starts with its number ("1 Ofsted produces this report ...") in the last lines of a
    page, after a blank line, or with a capital letter when the same number stands as a marker
    glued to a word earlier ("Board1", "improve?1"). Wrapped running text that happens to start
    with a number ("2 meetings and ...", "1 April 2016") is not a footnote.
    """
    by_page: dict[int, list[int]] = {}
    for idx, line in enumerate(lines):
        if line.page is not None and line.text and line.kind != NOISE:
            by_page.setdefault(line.page, []).append(idx)
    seen_markers: set[str] = set()
    for page in sorted(by_page):
        idxs = by_page[page]
        page_text = " ".join(lines[i].text for i in idxs)
        markers = set(re.findall(r"[A-Za-z)?’'”.,:;](\d{1,2})(?=\s|$|[,.;:])", page_text))
        markers |= seen_markers
        start = None
        for j in range(max(1, len(idxs) - 14), len(idxs)):
            i = idxs[j]
            text = lines[i].text
            m = _FOOTNOTE_START.match(text)
            if not m or _MONTH_START.match(text):
                continue
            rest = text[m.end() :]
            after_blank = i > 0 and lines[i - 1].text == "" and lines[i - 1].page == page
            capital = re.match(r"^[A-Z‘“(]", rest) is not None
            if m.group(1) in markers and (after_blank or capital):
                start = j
                break
            # the marker can be lost from the text layer: then the footnote must follow a
            # finished sentence and run, unnumbered, to the foot of the page
            prev_text = lines[idxs[j - 1]].text
            if (
                capital
                and len(m.group(1)) == 1
                and re.search(r"[.:;)]\s*$", prev_text)
                and not any(_NUMBERED.match(lines[k].text) for k in idxs[j + 1 :])
                and len(rest) > 30
            ):
                start = j
                break
        if start is not None:
            for i in idxs[start:]:
                lines[i].kind = FOOTNOTE
        seen_markers |= markers
    # Unpaged text (converted committee papers) prints footnotes with superscript digits.
    for line in lines:
        if line.page is None and line.text[:1] in _SUPERSCRIPTS and len(line.text) > 20:
            line.kind = FOOTNOTE


_MARKER_RE = re.compile(r"(?<=[A-Za-z?).’'])[\d¹²³⁴⁵⁶⁷⁸⁹]{1,2}$")


def strip_marker(text: str) -> str:
    """Remove a footnote marker glued to a heading ("What needs to improve?1")."""
    if text and (text[-1].isdigit() or text[-1] in _SUPERSCRIPTS):
        return _MARKER_RE.sub("", text).strip()
    return text
