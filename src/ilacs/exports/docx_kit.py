"""Word documents in the house style of the built-in templates: Arial, real Heading 1 and 2
styles, tables whose header row repeats on every page, RAG in words with a tint, charts with
alt text."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ilacs.plans.rag import Rag

# GOV.UK tag tints, with dark text on them (contrast above 4.5:1); the word is always printed.
RAG_FILL = {
    Rag.RED: "F4CDC6",
    Rag.AMBER: "FCD6C3",
    Rag.GREEN: "CCE2D8",
    Rag.COMPLETE: "BBD4EA",
    Rag.CLOSED: "E5E6E7",
}
HEADER_FILL = "E5E6E7"
TEXT = RGBColor(0x0B, 0x0C, 0x0C)


def new_document(title: str, *, landscape: bool = False, subject: str = "") -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    for name, size in (("Title", 22), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11.5)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = TEXT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), "Arial")
    # The Title style has a coloured underline border in Word's default: keep it plain.
    border = styles["Title"].element.find(qn("w:pPr"))
    if border is not None:
        for child in list(border):
            if child.tag == qn("w:pBdr"):
                border.remove(child)
    props = doc.core_properties
    props.title = title
    props.subject = subject
    props.author = "ilacs"
    props.language = "en-GB"
    _set_language(doc)
    footer = section.footer.paragraphs[0]
    footer.text = title
    footer.runs[0].font.size = Pt(8)
    return doc


def _set_language(doc: Document) -> None:
    """Document language en-GB, so that screen readers and spelling use British English."""
    rpr = doc.styles.element.find(qn("w:docDefaults"))
    if rpr is None:
        return
    run_props = rpr.find(qn("w:rPrDefault"))
    if run_props is None:
        return
    r = run_props.find(qn("w:rPr"))
    if r is None:
        return
    lang = r.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r.append(lang)
    lang.set(qn("w:val"), "en-GB")


def shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def repeat_header(row) -> None:
    """Mark a table row as a header row: Word repeats it at the top of every page and screen
    readers announce it as the column headings."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)
    cant = OxmlElement("w:cantSplit")
    tr_pr.append(cant)


def keep_rows_whole(table) -> None:
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.append(OxmlElement("w:cantSplit"))


def set_cell(cell, text: str, *, bold: bool = False, size: float | None = None) -> None:
    """Text in a cell; blank lines in the text become separate paragraphs."""
    parts = [p for p in (text or "").split("\n") if p.strip()] or [""]
    cell.text = ""
    first = cell.paragraphs[0]
    for i, part in enumerate(parts):
        paragraph = first if i == 0 else cell.add_paragraph()
        run = paragraph.add_run(part)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        paragraph.paragraph_format.space_after = Pt(2)


def table(
    doc: Document,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths_cm: Sequence[float] | None = None,
    rag_column: int | None = None,
    rags: Sequence[Rag] | None = None,
    size: float | None = None,
):
    """A table with a repeating, shaded header row. When `rag_column` is given, that column's
    cells are tinted by `rags` (the cell text always says the RAG in words)."""
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    header = t.rows[0]
    repeat_header(header)
    for cell, text in zip(header.cells, headers, strict=True):
        set_cell(cell, text, bold=True, size=size)
        shade(cell, HEADER_FILL)
    for i, values in enumerate(rows):
        cells = t.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            set_cell(cell, text, size=size)
        if rag_column is not None and rags is not None:
            shade(cells[rag_column], RAG_FILL[rags[i]])
            for run in cells[rag_column].paragraphs[0].runs:
                run.bold = True
    if widths_cm:
        set_widths(t, widths_cm)
    keep_rows_whole(t)
    return t


def set_widths(t, widths_cm: Sequence[float]) -> None:
    """Column widths that Word and LibreOffice both honour: the table grid and every cell."""
    grid = t._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in t.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    tbl_pr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)


def picture(doc: Document, png: bytes, *, width_cm: float, alt_text: str, title: str) -> None:
    """A chart, with its alt text (the description screen readers read out)."""
    doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
    inline = doc.inline_shapes[-1]._inline
    doc_pr = inline.docPr
    doc_pr.set("descr", alt_text)
    doc_pr.set("title", title)


def to_bytes(doc: Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
