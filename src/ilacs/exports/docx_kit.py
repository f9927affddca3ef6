"""Word documents in the house style of the built-in templates: Arial, real Heading 1 and 2
styles, tables whose header row repeats on every page, RAG in words with a tint, charts with
alt text."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

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


# Characters XML 1.0 cannot hold (a pasted form feed, say): dropped rather than failing.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _run_xml(text: str, bold: bool, half_points: int | None) -> str:
    props = ("<w:b/>" if bold else "") + (
        f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>' if half_points else ""
    )
    return (
        f"<w:r>{'<w:rPr>' + props + '</w:rPr>' if props else ''}"
        f'<w:t xml:space="preserve">{escape(_NOT_XML.sub("", text))}</w:t></w:r>'
    )


def _cell_xml(text: str, width: int | None, fill: str | None, bold: bool, size: int | None) -> str:
    props = ""
    if width:
        props += f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    parts = [p for p in (text or "").split("\n") if p.strip()] or [""]
    paragraphs = "".join(
        f'<w:p><w:pPr><w:spacing w:after="40"/></w:pPr>{_run_xml(part, bold, size)}</w:p>'
        for part in parts
    )
    return f"<w:tc>{'<w:tcPr>' + props + '</w:tcPr>' if props else ''}{paragraphs}</w:tc>"


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
    """A table with a shaded header row that repeats on every page (w:tblHeader), rows that do
    not split across pages, and fixed column widths. When `rag_column` is given, that column's
    cells are tinted by `rags` and in bold (the cell text always says the RAG in words).

    Written as one piece of WordprocessingML rather than cell by cell through python-docx's
    objects, which is a hundred times slower for a plan of 300 actions."""
    columns = len(headers)
    widths = [int(Cm(w).twips) for w in widths_cm] if widths_cm else [None] * columns
    half_points = round(size * 2) if size else None
    style_id = doc.styles["Table Grid"].style_id
    grid = "".join(f'<w:gridCol w:w="{w or 1000}"/>' for w in widths)
    layout = '<w:tblLayout w:type="fixed"/>' if widths_cm else ""
    out = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style_id}"/>'
        f'<w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>{layout}'
        f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>',
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
    ]
    out += [
        _cell_xml(text, width, HEADER_FILL, True, half_points)
        for text, width in zip(headers, widths, strict=True)
    ]
    out.append("</w:tr>")
    for i, values in enumerate(rows):
        if len(values) != columns:
            raise ValueError(f"row {i} has {len(values)} cells, not {columns}")
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for j, (text, width) in enumerate(zip(values, widths, strict=True)):
            is_rag = rag_column is not None and rags is not None and j == rag_column
            fill = RAG_FILL[rags[i]] if is_rag else None
            out.append(_cell_xml(str(text), width, fill, is_rag, half_points))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    element = parse_xml("".join(out))
    body = doc.element.body
    if body.sectPr is not None:
        body.sectPr.addprevious(element)
    else:
        body.append(element)
    return Table(element, doc._body)


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
